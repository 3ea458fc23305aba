// The two documents the manifest pins: a full snapshot, and a delta between two versions. Notices inside them are
// the rule model's own schema (../schemas.ts), so a feed can never carry a notice the evaluator cannot read.
import { z } from "zod";
import { RuleNoticeSchema } from "../schemas.js";

const VersionSchema = z.int().positive();

/** Each notice id at most once: a feed that names one twice has no defined meaning. */
function noDuplicateIds(ids: readonly string[], context: z.RefinementCtx, path: string): void {
  const seen = new Set<string>();
  ids.forEach((id, index) => {
    if (seen.has(id)) context.addIssue({ code: "custom", path: [path, index], message: `notice id ${id} repeats` });
    seen.add(id);
  });
}

/** `snapshot-<version>.json`: every notice in force at `version`. A till with no rules starts here. */
export const FeedSnapshotSchema = z
  .object({
    format: z.literal("scangate-feed-snapshot/1"),
    version: VersionSchema,
    notices: z.array(RuleNoticeSchema),
  })
  .superRefine((snapshot, context) =>
    noDuplicateIds(
      snapshot.notices.map((notice) => notice.id),
      context,
      "notices",
    ),
  );
/** `snapshot-<version>.json`, parsed. */
export type FeedSnapshot = z.infer<typeof FeedSnapshotSchema>;

/**
 * `delta-<from>-<to>.json`: what changed from `fromVersion` to `toVersion`. `upserts` replace the notice with the
 * same id or add it; `removals` are the ids of notices no longer in the feed. An id is in at most one of the two.
 */
export const FeedDeltaSchema = z
  .object({
    format: z.literal("scangate-feed-delta/1"),
    fromVersion: VersionSchema,
    toVersion: VersionSchema,
    upserts: z.array(RuleNoticeSchema),
    removals: z.array(z.string().min(1)),
  })
  .superRefine((delta, context) => {
    if (delta.toVersion <= delta.fromVersion)
      context.addIssue({ code: "custom", path: ["toVersion"], message: "toVersion must be after fromVersion" });
    noDuplicateIds([...delta.upserts.map((notice) => notice.id), ...delta.removals], context, "upserts");
  });
/** `delta-<from>-<to>.json`, parsed. */
export type FeedDelta = z.infer<typeof FeedDeltaSchema>;
