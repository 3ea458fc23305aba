// The rules a till holds, and the one way they change between full snapshots: a delta applied on top of exactly
// the version it starts from (pos-domain.md §6.2), so a skipped or replayed delta cannot silently lose a recall.
import type { RuleNotice } from "../schemas.js";
import type { FeedDelta, FeedSnapshot } from "./feed-document-schemas.js";
import { type FeedResult, feedError } from "./feed-errors.js";

/** The notices in force at one feed version, ordered by notice id (the order the publisher writes them in). */
export interface FeedState {
  readonly version: number;
  readonly notices: readonly RuleNotice[];
}

/** Notices in canonical order (by id, UTF-16 code units), so two equal states compare equal. */
export function sortNotices(notices: Iterable<RuleNotice>): RuleNotice[] {
  return [...notices].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

/** The state a snapshot describes. */
export function stateFromSnapshot(snapshot: FeedSnapshot): FeedState {
  return { version: snapshot.version, notices: sortNotices(snapshot.notices) };
}

/**
 * Applies a verified delta to the state it starts from.
 * @returns the new state, or DELTA_NOT_APPLICABLE when `delta.fromVersion` is not `held.version`.
 */
export function applyDelta(held: FeedState, delta: FeedDelta): FeedResult<FeedState> {
  if (delta.fromVersion !== held.version)
    return feedError(
      "DELTA_NOT_APPLICABLE",
      `delta ${delta.fromVersion}→${delta.toVersion} cannot apply to version ${held.version}`,
      { expected: String(held.version), found: String(delta.fromVersion) },
    );
  const byId = new Map(held.notices.map((notice) => [notice.id, notice]));
  for (const id of delta.removals) byId.delete(id);
  for (const notice of delta.upserts) byId.set(notice.id, notice);
  return { ok: true, value: { version: delta.toVersion, notices: sortNotices(byId.values()) } };
}

/** The net effect of one or more deltas applied in a row: what a cache must write instead of the whole state. */
export interface FeedChanges {
  /** Notices added or replaced, at most one per id (the last delta's). */
  readonly upserts: readonly RuleNotice[];
  /** Ids no longer in the feed. An id is in at most one of `upserts` and `removals`. */
  readonly removals: readonly string[];
}

/** Folds one more delta into the net changes so far (a later upsert or removal of an id replaces the earlier one). */
export function addDeltaChanges(changes: FeedChanges, delta: FeedDelta): FeedChanges {
  const upserts = new Map(changes.upserts.map((notice) => [notice.id, notice]));
  const removals = new Set(changes.removals);
  for (const id of delta.removals) {
    upserts.delete(id);
    removals.add(id);
  }
  for (const notice of delta.upserts) {
    removals.delete(notice.id);
    upserts.set(notice.id, notice);
  }
  return { upserts: [...upserts.values()], removals: [...removals] };
}
