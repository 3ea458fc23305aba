// The till's own history of completed sales: what the history screen lists, what a refund is checked against, and
// what answers "was this serial already sold here?" at scan time (a copied serialised code shows up as a second
// sale of the same serial). Each write is one IndexedDB transaction, so a sale is never stored without its serials.
import type { IndexedDbBinding } from "../catalog/indexed-db-binding.js";
import type { CompletedSale } from "../sale/completed-sale.js";
import type { OpenBasket } from "../sale/open-basket.js";
import { type JournalDb, type JournalRefund, openJournalDb, type RefundInput } from "./journal-db.js";
import { type JournalError, JournalRefusal, type JournalResult } from "./journal-errors.js";
import { RefundInputSchema, refundRefusal } from "./refund-check.js";

const DAY_MS = 86_400_000;

/** Options of `createSaleJournal`. */
export interface SaleJournalOptions extends IndexedDbBinding {
  /** IndexedDB database name; one per till. Reopening it (after a reload) finds every sale again. */
  readonly dbName: string;
  /** Sales older than this many days before the newest added sale are deleted, with their serials and refunds, as
   * each sale is added (the journal has no clock of its own: the sales' times are the clock). @default 180 */
  readonly retentionDays?: number;
}

/** Options of `list`. */
export interface JournalListOptions {
  /** Sales sold at or after this time, epoch ms. */
  readonly fromMs?: number;
  /** Sales sold at or before this time, epoch ms. */
  readonly toMs?: number;
  /** At most this many. @default 100 */
  readonly limit?: number;
}

/** Where a serial was sold before. */
export interface SerialSale {
  readonly saleId: string;
  readonly soldAtMs: number;
}

/** The sale journal. Reads resolve with plain values (they reject only if IndexedDB itself fails); writes resolve
 * with a Result. */
export interface SaleJournal {
  /** Stores a completed sale and its serials. Adding the same sale again is accepted and changes nothing
   * (`added: false`); another sale under the same id is `SALE_ID_REUSED`. */
  add(sale: CompletedSale): Promise<JournalResult<{ readonly added: boolean }>>;
  get(saleId: string): Promise<CompletedSale | undefined>;
  /** Sales, newest first. */
  list(options?: JournalListOptions): Promise<CompletedSale[]>;
  /** The first sale in the journal that sold this GTIN-14 + serial, or `undefined`. */
  findSerial(gtin: string, serial: string): Promise<SerialSale | undefined>;
  /** Records a refund after checking it against the sale and its earlier refunds. The same refund again is
   * accepted and changes nothing. */
  recordRefund(saleId: string, refund: RefundInput): Promise<JournalResult<JournalRefund>>;
  /** The refunds of a sale, oldest first. */
  refundsOf(saleId: string): Promise<JournalRefund[]>;
  /** Keeps the basket being sold (one row, replaced each time), for `resume()` after a crash or reload. */
  saveOpenBasket(basket: OpenBasket): Promise<JournalResult<OpenBasket>>;
  /** The basket last saved, if any. */
  openBasket(): Promise<OpenBasket | undefined>;
}

/** JSON text of a value as IndexedDB gives it back (structured clone keeps `undefined` members, JSON drops them on
 * both sides alike), to tell "the same sale again" from "another sale with this id". */
function sameContent(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

async function refusing<T>(work: () => Promise<T>): Promise<JournalResult<T>> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    if (error instanceof JournalRefusal) return { ok: false, error: error.error };
    const failure: JournalError = { code: "STORAGE_FAILED", message: `IndexedDB: ${(error as Error).message}` };
    return { ok: false, error: failure };
  }
}

async function prune(db: JournalDb, newestMs: number, retentionDays: number): Promise<void> {
  const old = (await db.sales
    .where("soldAtMs")
    .below(newestMs - retentionDays * DAY_MS)
    .primaryKeys()) as string[];
  if (old.length === 0) return;
  await db.sales.bulkDelete(old);
  await db.serials.where("saleId").anyOf(old).delete();
  await db.refunds.where("saleId").anyOf(old).delete();
}

/**
 * The sale journal `dbName`. Opens the database on first use.
 * @example
 * const journal = createSaleJournal({ dbName: "till-3-journal" });
 * await journal.add(sale);
 * const earlier = await journal.findSerial(line.gtin, line.serial); // { saleId: "S-0007", soldAtMs: … }
 * const refund = await journal.recordRefund("S-0007", {
 *   refundId: "R-1", lineIds: ["L2"], amountMinor: 2500, tender: "cash", atMs: clock.now(), by: "0012",
 * });
 */
export function createSaleJournal(options: SaleJournalOptions): SaleJournal {
  const db = openJournalDb(options.dbName, options);
  const retentionDays = options.retentionDays ?? 180;
  return {
    add: (sale) =>
      refusing(() =>
        db.transaction("rw", db.sales, db.serials, db.refunds, async () => {
          const existing = await db.sales.get(sale.id);
          if (existing !== undefined) {
            if (sameContent(existing.sale, sale)) return { added: false };
            throw new JournalRefusal({
              code: "SALE_ID_REUSED",
              message: `sale ${sale.id} is already recorded`,
              saleId: sale.id,
            });
          }
          await db.sales.add({ id: sale.id, soldAtMs: sale.soldAtMs, sale });
          const serials = sale.lines.flatMap((line) =>
            line.serial === undefined
              ? []
              : [{ gtin: line.gtin, serial: line.serial, saleId: sale.id, soldAtMs: sale.soldAtMs }],
          );
          await db.serials.bulkPut(serials);
          await prune(db, sale.soldAtMs, retentionDays);
          return { added: true };
        }),
      ),
    get: async (saleId) => (await db.sales.get(saleId))?.sale,
    list: async (listOptions = {}) => {
      const rows = await db.sales
        .where("soldAtMs")
        .between(listOptions.fromMs ?? -Infinity, listOptions.toMs ?? Infinity, true, true)
        .reverse()
        .limit(listOptions.limit ?? 100)
        .toArray();
      return rows.map((row) => row.sale);
    },
    findSerial: async (gtin, serial) => {
      const rows = await db.serials.where("[gtin+serial]").equals([gtin, serial]).sortBy("soldAtMs");
      const first = rows[0];
      return first === undefined ? undefined : { saleId: first.saleId, soldAtMs: first.soldAtMs };
    },
    recordRefund: async (saleId, input) => {
      const parsed = RefundInputSchema.safeParse(input);
      if (!parsed.success)
        return {
          ok: false,
          error: {
            code: "INVALID_REFUND",
            message: parsed.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; "),
            saleId,
          },
        };
      const { lineIds, ...fields } = parsed.data;
      const refund: JournalRefund = { saleId, ...fields, ...(lineIds === undefined ? {} : { lineIds }) };
      return refusing(() =>
        db.transaction("rw", db.sales, db.refunds, async () => {
          const stored = await db.sales.get(saleId);
          if (stored === undefined)
            throw new JournalRefusal({ code: "UNKNOWN_SALE", message: `no sale ${saleId} in the journal`, saleId });
          const same = await db.refunds.get(refund.refundId);
          if (same !== undefined) {
            if (sameContent(same, refund)) return same;
            throw new JournalRefusal({
              code: "REFUND_ID_REUSED",
              message: `refund ${refund.refundId} is already recorded`,
              saleId,
              refundId: refund.refundId,
            });
          }
          const earlier = await db.refunds.where("saleId").equals(saleId).toArray();
          const refusal = refundRefusal(stored.sale, earlier, refund);
          if (refusal !== undefined) throw new JournalRefusal(refusal);
          await db.refunds.add(refund);
          return refund;
        }),
      );
    },
    refundsOf: async (saleId) => await db.refunds.where("saleId").equals(saleId).sortBy("atMs"),
    saveOpenBasket: (basket) =>
      refusing(async () => {
        await db.openBaskets.put({ key: "open", basket });
        return basket;
      }),
    openBasket: async () => (await db.openBaskets.get("open"))?.basket,
  };
}
