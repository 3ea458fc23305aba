// The engine's working data and the state$ snapshot made from it: totals, what stops payment, what is due.
import type { BasketLine } from "../basket/basket-line.js";
import { type GatePolicy, isSettled } from "../basket/line-gate.js";
import { totalsOf } from "../basket/totals.js";
import type { CompletedSale, SaleTender } from "../sale/completed-sale.js";
import type { OpenBasket, OpenPayment } from "../sale/open-basket.js";
import type { Alarm, CheckoutState, HeldBasket, PaymentInProgress } from "./checkout-state.js";

/** Everything the engine holds between commands; replaced whole by each change. */
export interface CheckoutCore {
  readonly saleId: string;
  readonly lines: readonly BasketLine[];
  readonly alarms: readonly Alarm[];
  readonly payment?: PaymentInProgress;
  /** What the open basket saves about the running payment (to follow it again after a crash). */
  readonly openPayment?: OpenPayment;
  readonly tenders: readonly SaleTender[];
  readonly held: readonly HeldBasket[];
  readonly lastSale?: CompletedSale;
  /** Number of the next line id ("L<n>") in this sale. */
  readonly nextLine: number;
  /** The scan text each scanned line came from, for a dual-marked pack's richer barcode replacing its EAN-13. */
  readonly lineScans: ReadonlyMap<string, string>;
}

/** An empty basket for sale `saleId`, keeping what outlives a sale. */
export function freshBasket(core: Pick<CheckoutCore, "held" | "lastSale" | "alarms">, saleId: string): CheckoutCore {
  return {
    saleId,
    lines: [],
    alarms: core.alarms.filter((alarm) => alarm.lineId === undefined),
    tenders: [],
    held: core.held,
    ...(core.lastSale ? { lastSale: core.lastSale } : {}),
    nextLine: 1,
    lineScans: new Map(),
  };
}

/** The snapshot state$ emits. */
export function snapshotOf(core: CheckoutCore, currency: string, policy: GatePolicy): CheckoutState {
  const totals = totalsOf(core.lines, currency);
  const unsettledLineIds = core.lines.filter((line) => !isSettled(line, policy)).map((line) => line.id);
  const paidMinor = core.tenders.reduce((sum, tender) => sum + tender.amountMinor, 0);
  return {
    saleId: core.saleId,
    lines: core.lines,
    totals,
    unsettledLineIds,
    payable: core.lines.length > 0 && unsettledLineIds.length === 0,
    alarms: core.alarms,
    ...(core.payment ? { payment: core.payment } : {}),
    tenders: core.tenders,
    dueMinor: Math.max(0, totals.totalMinor - paidMinor),
    held: core.held,
    ...(core.lastSale ? { lastSale: core.lastSale } : {}),
  };
}

/** What the journal keeps of the basket being sold. */
export function openBasketOf(core: CheckoutCore, savedAtMs: number): OpenBasket {
  return {
    saleId: core.saleId,
    lines: core.lines,
    tenders: core.tenders,
    nextLine: core.nextLine,
    ...(core.openPayment ? { payment: core.openPayment } : {}),
    savedAtMs,
  };
}
