// The IndexedDB layout of the rule cache, shaped by what Chromium measured with 100,000 notices: IndexedDB costs
// per record (100,000 one-notice rows: ~6 s to write, ~0.8 s to read back), while the same notices in 100 rows of
// JSON text take ~0.3 s to write and ~0.06 s to read. So notices live in a few large rows:
//   - `chunks`: the notices of the last full write, in id order, 1,000 per row as JSON text;
//   - `overlays`: one row per delta committed since, holding only its net changes (a 1,000-notice delta is one
//     small write instead of a rewrite of everything);
//   - `state`: one row saying which feed version chunks + overlays make, and how many rows and notices that is.
// Every change writes its rows together with the state row in one `rw` transaction, so a reload or a killed process
// mid-sync finds either the old set or the new one, never a mix (IndexedDB transactions are all-or-nothing; an
// unfinished one is rolled back when the page or process dies).
import { Dexie, type EntityTable } from "dexie";

/** Up to `NOTICES_PER_CHUNK` notices, as the JSON text of an array, in id order across chunks. */
export interface CachedChunk {
  /** Position of the chunk, from 0. */
  readonly index: number;
  readonly json: string;
}

/** The net changes of the delta(s) that took the cache to `version`, as JSON text of `FeedChanges`. */
export interface CachedOverlay {
  readonly version: number;
  readonly json: string;
}

/** What the cache knows about the feed it holds; one row, key `"feed"`. */
export interface CachedFeedState {
  readonly key: "feed";
  /** Feed version that chunks + overlays make; also the anti-rollback floor (an older manifest is refused). */
  readonly version: number;
  /** The accepted manifest's `expiresAt` (ISO 8601), for staleness. */
  readonly expiresAt: string;
  /** Last time the feed confirmed or delivered this version (commit, 304, re-signed manifest), epoch ms. */
  readonly syncedAtMs: number;
  /** ETag of the manifest that produced this state, sent back as If-None-Match. */
  readonly manifestEtag?: string;
  /** How many chunk and overlay rows the version is made of, and how many notices it holds: read back and
   * compared on load, so a damaged cache is noticed instead of gating on part of the rules. */
  readonly chunkCount: number;
  readonly overlayCount: number;
  readonly noticeCount: number;
  /** Notices written in overlays since the last full write; past a threshold the next commit rewrites chunks. */
  readonly overlayNotices: number;
}

/** The Dexie database of one store; a plain Dexie instance with typed tables. */
export type RuleDb = Dexie & {
  chunks: EntityTable<CachedChunk, "index">;
  overlays: EntityTable<CachedOverlay, "version">;
  state: EntityTable<CachedFeedState, "key">;
};

/** Where Dexie finds IndexedDB: injected so Node tests use fake-indexeddb and nothing relies on globals. */
export interface IndexedDbBinding {
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
}

/** Opens (creating if needed) the rule cache database `dbName`. */
export function openRuleDb(dbName: string, binding: IndexedDbBinding): RuleDb {
  const db = new Dexie(dbName, {
    ...(binding.indexedDB ? { indexedDB: binding.indexedDB } : {}),
    ...(binding.IDBKeyRange ? { IDBKeyRange: binding.IDBKeyRange } : {}),
  }) as RuleDb;
  // Version 1 (never released) kept one row per notice. Its rows are dropped and its state deleted, so such a
  // cache syncs a fresh snapshot; keep these declarations when the layout changes again so tills upgrade in place.
  db.version(1).stores({ notices: "id", state: "key" });
  db.version(2)
    .stores({ notices: null, chunks: "index", overlays: "version", state: "key" })
    .upgrade((transaction) => transaction.table("state").clear());
  return db;
}
