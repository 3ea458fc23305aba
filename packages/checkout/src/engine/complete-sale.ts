// A sale paid in full: journal it (the till's own history, for refunds and the copied-serial check), record it in
// the sales outbox (the producers' stream), show it for the receipt and open a new basket. A storage failure never
// loses the sale: it stays in `lastSale` with a `sale` alarm, and the event says what failed.
import { storeDate } from "@scangate/rules";
import type { GatePolicy } from "../basket/line-gate.js";
import { totalsOf } from "../basket/totals.js";
import type { CompletedSale, SaleTender } from "../sale/completed-sale.js";
import { type CheckoutError, checkoutError } from "./checkout-errors.js";
import type { CheckoutEventBody } from "./checkout-events.js";
import type { CheckoutOptions } from "./checkout-options.js";
import type { CheckoutCore } from "./checkout-snapshot.js";
import type { Alarm } from "./checkout-state.js";
import { saleRecordOf } from "./sale-record.js";

/** What completing a sale needs from the engine. */
export interface CompleteSaleContext {
  core(): CheckoutCore;
  commit(next: CheckoutCore, ...happened: CheckoutEventBody[]): void;
  alarm(fields: Omit<Alarm, "id" | "atMs">): Alarm;
  startNewBasket(next?: Partial<CheckoutCore>): CheckoutCore;
  readonly tenders: readonly SaleTender[];
  readonly options: CheckoutOptions;
  readonly cashier: string;
  readonly timeZone: string;
  readonly currency: string;
  readonly gatePolicy: GatePolicy;
  nowMs(): number;
}

async function storeSale(sale: CompletedSale, options: CheckoutOptions): Promise<CheckoutError | undefined> {
  try {
    if (options.journal) {
      const journaled = await options.journal.add(sale);
      if (!journaled.ok) return checkoutError("STORAGE_FAILED", "the sale journal refused the sale").error;
    }
    const record = saleRecordOf(sale);
    if (options.sales && record) {
      const recorded = await options.sales.record(record);
      if (!recorded.ok)
        return checkoutError("STORAGE_FAILED", `the sales outbox refused the sale: ${recorded.error.message}`, {
          detail: recorded.error.code,
        }).error;
    }
    return undefined;
  } catch (error) {
    // A vendor's own journal or outbox may throw; the sale is paid, so it must still be shown and kept.
    return checkoutError("STORAGE_FAILED", `storing the sale threw: ${(error as Error).message}`).error;
  }
}

/** Completes the sale of the current basket with `tenders`. */
export async function completeSale(context: CompleteSaleContext): Promise<void> {
  const core = context.core();
  const soldAtMs = context.nowMs();
  const sale: CompletedSale = {
    id: core.saleId,
    soldAtMs,
    storeDate: storeDate(soldAtMs, context.timeZone),
    timeZone: context.timeZone,
    storeGln: context.options.store.gln,
    storeName: context.options.store.name,
    cashier: context.cashier,
    lines: core.lines,
    totals: totalsOf(core.lines, context.currency),
    tenders: context.tenders,
  };
  const failure = await storeSale(sale, context.options);
  const next = context.startNewBasket({ lastSale: sale });
  if (failure === undefined) return context.commit(next, { type: "sale_completed", sale });
  context.commit(
    { ...next, alarms: [...next.alarms, context.alarm({ kind: "sale", error: failure })] },
    { type: "sale_completed", sale },
    { type: "sale_not_stored", sale, error: failure },
  );
}
