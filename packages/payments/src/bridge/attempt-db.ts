// The IndexedDB layout of the bridge: one table of attempts keyed by attemptId (= outTradeNo), indexed by sale and
// state. A row is read back through a zod check: a corrupt or foreign row is skipped, never trusted.
import { Dexie, type EntityTable } from "dexie";
import { z } from "zod";
import type { PaymentAttempt } from "./attempt.js";

/** The Dexie database of one bridge. */
export type AttemptDb = Dexie & { attempts: EntityTable<PaymentAttempt, "attemptId"> };

/** Where Dexie finds IndexedDB: injected so Node tests use fake-indexeddb and nothing relies on globals. */
export interface IndexedDbBinding {
  readonly indexedDB?: IDBFactory;
  readonly IDBKeyRange?: typeof IDBKeyRange;
}

/** Opens (creating if needed) the attempts database `dbName`. */
export function openAttemptDb(dbName: string, binding: IndexedDbBinding): AttemptDb {
  const db = new Dexie(dbName, {
    ...(binding.indexedDB ? { indexedDB: binding.indexedDB } : {}),
    ...(binding.IDBKeyRange ? { IDBKeyRange: binding.IDBKeyRange } : {}),
  }) as AttemptDb;
  db.version(1).stores({ attempts: "attemptId, saleId, state" });
  return db;
}

const MoneySchema = z.object({ amountMinor: z.number().int(), currency: z.string() });
const StoredAttemptSchema = z.looseObject({
  attemptId: z.string().min(1),
  outTradeNo: z.string().min(1),
  saleId: z.string(),
  saleTotal: MoneySchema,
  providerId: z.string(),
  mode: z.enum(["code", "qr", "cash"]),
  amount: MoneySchema,
  subject: z.string(),
  state: z.enum([
    "CREATED",
    "SUBMITTING",
    "AWAITING_CUSTOMER",
    "UNKNOWN",
    "PAID",
    "FAILED",
    "REVERSING",
    "REVERSED",
    "REFUNDING",
    "PARTIALLY_REFUNDED",
    "REFUNDED",
  ]),
  history: z.array(z.object({ state: z.string(), atMs: z.number() })),
  createdAtMs: z.number(),
  cancelRequested: z.boolean(),
  refundedMinor: z.number().int().nonnegative(),
  refunds: z.array(z.looseObject({ outRefundNo: z.string(), amountMinor: z.number().int(), state: z.string() })),
});

/** A stored row as a PaymentAttempt, or `undefined` when it does not have the attempt's shape. */
export function readAttemptRow(row: unknown): PaymentAttempt | undefined {
  return StoredAttemptSchema.safeParse(row).success ? (row as PaymentAttempt) : undefined;
}
