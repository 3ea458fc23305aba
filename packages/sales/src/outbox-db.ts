// The IndexedDB layout of the outbox. One row per event, because events leave one by one (acknowledged, or
// dead-lettered alone after a rejected batch is split), and a row per event keeps every step a small write:
//   - `pending`: events waiting for an acknowledgement, keyed by eventID; paged by `[route+nextAttemptAtMs+eventId]` so the
//     uploader reads one batch at a time (never the whole table) and a batch that failed goes behind fresh ones;
//   - `deadLetters`: events a receiver refused for good, with the refusal (status, code, reason, body excerpt);
//   - `sales`: every sale id ever recorded, for record-once.
// `record` writes a sale's events and its `sales` row in one transaction: after a crash either the whole sale is
// in the outbox or none of it is.
import { Dexie, type EntityTable } from "dexie";

/** An event waiting for its receiver's acknowledgement. */
export interface PendingEvent {
  readonly eventId: string;
  readonly saleId: string;
  /** `default`, or the company prefix of the producer route it goes to. */
  readonly route: string;
  /** When the sale was recorded, epoch ms (for "oldest pending"). */
  readonly createdAtMs: number;
  /** Delivery attempts that failed so far. */
  readonly attempts: number;
  /** Paging order: creation time at first, pushed back after a failed attempt. */
  readonly nextAttemptAtMs: number;
  /** The ObjectEvent, serialised once at record time. */
  readonly json: string;
}

/** An event a receiver refused for good; `retryDeadLetters()` moves it back to pending. */
export interface DeadLetter {
  readonly eventId: string;
  readonly saleId: string;
  readonly route: string;
  readonly createdAtMs: number;
  readonly attempts: number;
  readonly failedAtMs: number;
  /** HTTP status of the refusal. */
  readonly status: number;
  /** `RECEIVER_REJECTED`. */
  readonly code: "RECEIVER_REJECTED";
  /** English reason, with the receiver's own error code when its body had one. */
  readonly reason: string;
  /** The first 500 characters of the receiver's reply body. */
  readonly bodyExcerpt: string;
  readonly json: string;
}

/** A sale id that was recorded, with the events it became. */
export interface RecordedSale {
  readonly saleId: string;
  readonly recordedAtMs: number;
  readonly eventIds: readonly string[];
}

/** The Dexie database of one outbox. */
export type OutboxDb = Dexie & {
  pending: EntityTable<PendingEvent, "eventId">;
  deadLetters: EntityTable<DeadLetter, "eventId">;
  sales: EntityTable<RecordedSale, "saleId">;
};

/** Where Dexie finds IndexedDB, and how hard each commit is flushed. */
export interface OutboxStorage {
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
  /**
   * IndexedDB transaction durability (Chromium, Firefox): `strict` resolves `record` after the OS flushed the
   * commit to disk (survives a power cut); `relaxed` after the commit reached the OS (survives a tab or browser
   * crash, not a power cut). @default "strict"
   */
  readonly durability?: "strict" | "relaxed";
}

/**
 * The uploader's paging order: per route, by next attempt time, ties by eventID — unique, so a page can start
 * exactly after the last key of the one before (keyset paging) while that one is still in flight.
 */
export const PAGING_INDEX = "[route+nextAttemptAtMs+eventId]";

/**
 * The routes that have pending events, found by skipping along the `[route+nextAttemptAtMs]` index (one lookup per
 * route) rather than keeping a route index that every recorded event would pay for.
 */
export async function pendingRoutes(db: OutboxDb): Promise<string[]> {
  const routes: string[] = [];
  for (;;) {
    const query =
      routes.length === 0
        ? db.pending.orderBy(PAGING_INDEX)
        : db.pending.where(PAGING_INDEX).above([routes.at(-1), Dexie.maxKey, Dexie.maxKey]);
    const [key] = await query.limit(1).keys();
    if (!Array.isArray(key)) return routes;
    routes.push(String(key[0]));
  }
}

/** Opens (creating if needed) the outbox database `dbName`. */
export function openOutboxDb(dbName: string, storage: OutboxStorage): OutboxDb {
  const db = new Dexie(dbName, {
    ...(storage.indexedDB ? { indexedDB: storage.indexedDB } : {}),
    ...(storage.IDBKeyRange ? { IDBKeyRange: storage.IDBKeyRange } : {}),
    chromeTransactionDurability: storage.durability ?? "strict",
  }) as OutboxDb;
  db.version(1).stores({
    pending: `eventId, ${PAGING_INDEX}, createdAtMs`,
    deadLetters: "eventId, failedAtMs",
    sales: "saleId",
  });
  return db;
}
