// Reading and writing the notices of the rule cache in the layout of rule-db.ts: chunks of a full write plus the
// overlays of the deltas since. Notices are only written after the feed module verified them, and the counts in
// the state row are checked on the way back, so what is read is what was committed.
import type { Result } from "@scangate/gs1";
import { type FeedChanges, sortNotices } from "../feed/feed-state.js";
import type { RuleNotice } from "../schemas.js";
import type { CachedChunk, CachedFeedState, RuleDb } from "./rule-db.js";
import { type StoreFailure, storeError } from "./store-errors.js";

/** Notices per chunk row: 100,000 notices are 100 rows of ~0.7 MB of JSON text each. */
export const NOTICES_PER_CHUNK = 1_000;

/** The feed state fields a commit sets; the layout counts are filled in by the write. */
export type CommittedFeed = Pick<CachedFeedState, "version" | "expiresAt" | "syncedAtMs" | "manifestEtag">;

/** A committed version, as read back: its state row and its notices in id order. */
export interface CachedRules {
  readonly state: CachedFeedState;
  readonly notices: readonly RuleNotice[];
}

/**
 * Reads the committed version, if any, in one read transaction.
 * @returns `undefined` when nothing was ever committed; CACHE_CORRUPT when rows are missing, extra or unreadable.
 */
export async function readCachedRules(db: RuleDb): Promise<Result<CachedRules | undefined, StoreFailure>> {
  const { state, chunks, overlays } = await db.transaction("r", db.chunks, db.overlays, db.state, async () => ({
    state: await db.state.get("feed"),
    chunks: await db.chunks.toArray(), // primary-key order: chunk 0, 1, …
    overlays: await db.overlays.toArray(), // version order
  }));
  if (state === undefined) return { ok: true, value: undefined };
  if (chunks.length !== state.chunkCount || overlays.length !== state.overlayCount)
    return corrupt(
      `${chunks.length} chunks and ${overlays.length} overlays, the state row says ${state.chunkCount} and ${state.overlayCount}`,
    );
  let notices: RuleNotice[];
  try {
    notices = chunks.flatMap((chunk) => JSON.parse(chunk.json) as RuleNotice[]);
    if (overlays.length > 0) {
      const byId = new Map(notices.map((notice) => [notice.id, notice]));
      for (const overlay of overlays) {
        const changes = JSON.parse(overlay.json) as FeedChanges;
        for (const id of changes.removals) byId.delete(id);
        for (const notice of changes.upserts) byId.set(notice.id, notice);
      }
      notices = sortNotices(byId.values());
    }
  } catch (error) {
    return corrupt(`a row is not JSON (${(error as Error).message})`);
  }
  if (notices.length !== state.noticeCount)
    return corrupt(`${notices.length} notices read, the state row says ${state.noticeCount}`);
  return { ok: true, value: { state, notices } };
}

/** Replaces everything with `notices` (sorted by id, as a FeedState holds them), in one transaction. */
export async function writeAllNotices(
  db: RuleDb,
  feed: CommittedFeed,
  notices: readonly RuleNotice[],
): Promise<CachedFeedState> {
  const chunks: CachedChunk[] = [];
  for (let start = 0; start < notices.length; start += NOTICES_PER_CHUNK)
    chunks.push({ index: chunks.length, json: JSON.stringify(notices.slice(start, start + NOTICES_PER_CHUNK)) });
  const state: CachedFeedState = {
    key: "feed",
    ...feed,
    chunkCount: chunks.length,
    overlayCount: 0,
    noticeCount: notices.length,
    overlayNotices: 0,
  };
  await db.transaction("rw", db.chunks, db.overlays, db.state, async () => {
    await db.chunks.clear();
    await db.overlays.clear();
    await db.chunks.bulkAdd(chunks);
    await db.state.put(state);
  });
  return state;
}

/** Adds one overlay row with the net `changes` that took `held` to `feed.version`, in one transaction. */
export async function writeOverlay(
  db: RuleDb,
  held: CachedFeedState,
  feed: CommittedFeed,
  changes: FeedChanges,
  noticeCount: number,
): Promise<CachedFeedState> {
  // The held ETag belongs to the previous manifest: the new one's (or none) replaces it.
  const { manifestEtag: _previous, ...layout } = held;
  const state: CachedFeedState = {
    ...layout,
    ...feed,
    overlayCount: held.overlayCount + 1,
    noticeCount,
    overlayNotices: held.overlayNotices + changedCount(changes),
  };
  await db.transaction("rw", db.overlays, db.state, async () => {
    await db.overlays.add({ version: feed.version, json: JSON.stringify(changes) });
    await db.state.put(state);
  });
  return state;
}

/**
 * Whether the next commit should be an overlay rather than a full rewrite: overlays make the load replay them,
 * so once they hold more than a tenth of the notices (at least 1,000), the commit rewrites the chunks instead.
 */
export function fitsInOverlay(held: CachedFeedState, changes: FeedChanges): boolean {
  const limit = Math.max(NOTICES_PER_CHUNK, Math.floor(held.noticeCount / 10));
  return held.overlayNotices + changedCount(changes) <= limit;
}

function changedCount(changes: FeedChanges): number {
  return changes.upserts.length + changes.removals.length;
}

function corrupt(detail: string): { ok: false; error: StoreFailure } {
  return storeError("CACHE_CORRUPT", `the rule cache is damaged: ${detail}; it will be replaced by the next sync`);
}
