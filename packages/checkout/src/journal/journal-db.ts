// The IndexedDB layout of the sale journal, one table per question the till asks:
//   - `sales`: the completed sales, by id; `soldAtMs` indexed for the history screen (newest first, by period);
//   - `serials`: one row per serialised line sold, keyed [gtin+serial+saleId]; `[gtin+serial]` indexed for the
//     "serial already sold here" check at scan time, `saleId` for pruning;
//   - `refunds`: by refundId; `saleId` indexed for the refunds of a sale.
import { Dexie, type EntityTable, type Table } from "dexie";
import { dexieOptions, type IndexedDbBinding } from "../catalog/indexed-db-binding.js";
import type { CompletedSale } from "../sale/completed-sale.js";
import type { OpenBasket } from "../sale/open-basket.js";

/** A stored sale. */
export interface StoredSale {
  readonly id: string;
  readonly soldAtMs: number;
  readonly sale: CompletedSale;
}

/** A serial sold in a sale. */
export interface StoredSerial {
  readonly gtin: string;
  readonly serial: string;
  readonly saleId: string;
  readonly soldAtMs: number;
}

/** A refund as the till's refund screen (or the checkout's refund flow) submits it; checked by `RefundInputSchema`. */
export interface RefundInput {
  /** Unique per till, 1–64 characters: the idempotency key. */
  readonly refundId: string;
  /** The basket line ids given back; absent for an amount-only refund (a price adjustment). */
  readonly lineIds?: readonly string[];
  /** Positive integer, minor units. */
  readonly amountMinor: number;
  /** How the money went back. */
  readonly tender: "cash" | "wallet" | "gateway";
  /** Epoch ms, from the till's clock. */
  readonly atMs: number;
  /** Staff id. */
  readonly by: string;
}

/** A recorded refund: the input, and the sale it refunds. */
export interface JournalRefund extends RefundInput {
  readonly saleId: string;
}

/** The one row of the basket being sold (key "open"; the table is not called "open": Dexie has a method of that name). */
export interface StoredOpenBasket {
  readonly key: "open";
  readonly basket: OpenBasket;
}

/** The Dexie database of one till's journal. */
export type JournalDb = Dexie & {
  sales: EntityTable<StoredSale, "id">;
  serials: Table<StoredSerial, [string, string, string]>;
  refunds: EntityTable<JournalRefund, "refundId">;
  openBaskets: EntityTable<StoredOpenBasket, "key">;
};

/** Opens (creating if needed) the journal database `dbName`. */
export function openJournalDb(dbName: string, binding: IndexedDbBinding): JournalDb {
  const db = new Dexie(dbName, dexieOptions(binding)) as JournalDb;
  db.version(1).stores({
    sales: "id, soldAtMs",
    serials: "[gtin+serial+saleId], [gtin+serial], saleId",
    refunds: "refundId, saleId",
  });
  // Version 2: the open basket, so a till resumes it after a crash (keep version 1 for tills that upgrade).
  db.version(2).stores({ openBaskets: "key" });
  return db;
}
