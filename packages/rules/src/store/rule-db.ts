// The IndexedDB layout of the rule cache. Two tables: the notices the till gates on, and one `state` row saying
// which signed feed version those notices are. Notices are only ever written together with the state row, in one
// `rw` transaction, so a reload or a killed process mid-sync finds either the old pair or the new pair, never a mix
// (IndexedDB transactions are all-or-nothing; an unfinished one is rolled back when the page or process dies).
import { Dexie, type EntityTable } from "dexie";
import type { RuleNotice } from "../schemas.js";

/** One cached notice: the feed's notice as verified (already schema-checked by the feed module), keyed by `id`. */
export type CachedNotice = RuleNotice;

/** What the cache knows about the feed it holds; one row, key `"feed"`. */
export interface CachedFeedState {
  readonly key: "feed";
  /** Feed version of the notices in the `notices` table; also the anti-rollback floor (an older manifest is refused). */
  readonly version: number;
  /** The accepted manifest's `expiresAt` (ISO 8601), for staleness. */
  readonly expiresAt: string;
  /** Last time the feed confirmed or delivered this version (commit, 304, re-signed manifest), epoch ms. */
  readonly syncedAtMs: number;
  /** ETag of the manifest that produced this state, sent back as If-None-Match. */
  readonly manifestEtag?: string;
}

/** The Dexie database of one store; a plain Dexie instance with typed tables. */
export type RuleDb = Dexie & {
  notices: EntityTable<CachedNotice, "id">;
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
    // Keep old version declarations here when the layout changes: tills still on them upgrade in place.
  }) as RuleDb;
  db.version(1).stores({ notices: "id", state: "key" });
  return db;
}
