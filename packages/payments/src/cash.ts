// Cash as a PaymentProvider, so a split tender (part cash, part wallet) runs through the same bridge, the same
// attempt records and the same idempotency as a wallet payment. The drawer lives in memory: the bridge's IndexedDB
// attempt row is the durable record of a cash tender; this provider only does the arithmetic (rounding, change)
// and answers pay/query/reverse/refund consistently for one till session.
import { paymentError } from "./errors.js";
import type { Money } from "./money.js";
import type { PaidTrade, PaymentProvider, TradeStatus } from "./provider.js";

/**
 * How a cash amount due is rounded. China's 抹零 habit drops the fen: `{ incrementMinor: 10, mode: "down" }` rounds
 * ¥12.34 down to ¥12.30; `{ incrementMinor: 10, mode: "half-up" }` rounds it to ¥12.30 and ¥12.35 to ¥12.40.
 */
export interface CashRounding {
  /** The smallest coin or note used, in minor units (10 = 0.1 yuan). @default 1 (no rounding) */
  readonly incrementMinor: number;
  /** `"down"` always favours the customer; `"half-up"` rounds to the nearest increment, halves up. @default "half-up" */
  readonly mode: "down" | "half-up";
}

/** Options of `cash`. */
export interface CashOptions {
  /** The provider id used in tenders. @default "cash" */
  readonly id?: string;
  /** Rounding of the amount due. @default no rounding */
  readonly rounding?: CashRounding;
  /** The largest cash tender, in minor units. @default Number.MAX_SAFE_INTEGER */
  readonly maxAmountMinor?: number;
}

/** One movement of the drawer. */
export interface CashMovement {
  readonly outTradeNo: string;
  /** `"in"`: a payment (net of change); `"out"`: money handed back by a reverse or a refund. */
  readonly direction: "in" | "out";
  readonly amountMinor: number;
}

/** The cash provider, plus the drawer it keeps. */
export interface CashProvider extends PaymentProvider {
  /** What went into and out of the drawer this session, oldest first. */
  drawer(): readonly CashMovement[];
}

/**
 * The amount due in cash for `amountMinor` under `rounding`.
 * @example
 * roundCash(1234, { incrementMinor: 10, mode: "down" }); // 1230
 */
export function roundCash(amountMinor: number, rounding: CashRounding): number {
  const step = rounding.incrementMinor;
  const remainder = amountMinor % step;
  if (remainder === 0) return amountMinor;
  const down = amountMinor - remainder;
  return rounding.mode === "down" || remainder * 2 < step ? down : down + step;
}

interface CashTrade {
  readonly amount: Money;
  state: "paid" | "reversed";
  readonly paid?: PaidTrade;
  refundedMinor: number;
  readonly refunds: Map<string, number>;
}

/**
 * A cash provider: tendered amount in, change out, with the store's rounding rule.
 * @example
 * const drawer = cash({ rounding: { incrementMinor: 10, mode: "down" } });
 * await drawer.pay({ outTradeNo: "S1", amount: { amountMinor: 1234, currency: "CNY" }, tenderedMinor: 2000, subject: "veg" });
 * // { ok: true, value: { state: "paid", paidMinor: 1230, changeMinor: 770, … } }
 */
export function cash(options: CashOptions = {}): CashProvider {
  const rounding = options.rounding ?? { incrementMinor: 1, mode: "half-up" };
  if (!Number.isSafeInteger(rounding.incrementMinor) || rounding.incrementMinor < 1)
    throw new TypeError("cash: rounding.incrementMinor must be a positive integer");
  const trades = new Map<string, CashTrade>();
  const movements: CashMovement[] = [];
  const id = options.id ?? "cash";

  return {
    id,
    capabilities: {
      payModes: ["cash"],
      reverse: true,
      refund: true,
      partialRefund: true,
      query: true,
      maxAmountMinor: options.maxAmountMinor ?? Number.MAX_SAFE_INTEGER,
      // Cash is decided at once; the budget only bounds a bridge that finds a cash attempt undecided.
      budgetMs: 1_000,
    },
    async pay(request) {
      const existing = trades.get(request.outTradeNo);
      if (existing) {
        if (existing.state === "reversed" || !existing.paid)
          return paymentError("cancelled", `order ${request.outTradeNo} was reversed`);
        if (existing.amount.amountMinor !== request.amount.amountMinor)
          return paymentError("integration", `order ${request.outTradeNo} was used for another amount`);
        return { ok: true, value: existing.paid };
      }
      const dueMinor = roundCash(request.amount.amountMinor, rounding);
      const tenderedMinor = request.tenderedMinor ?? dueMinor;
      if (!Number.isSafeInteger(tenderedMinor) || tenderedMinor < dueMinor)
        return paymentError("declined", `tendered ${tenderedMinor} is less than the ${dueMinor} due`);
      const paid: PaidTrade = {
        state: "paid",
        providerTradeNo: `${id}:${request.outTradeNo}`,
        paidMinor: dueMinor,
        channel: "cash",
        changeMinor: tenderedMinor - dueMinor,
      };
      trades.set(request.outTradeNo, {
        amount: request.amount,
        state: "paid",
        paid,
        refundedMinor: 0,
        refunds: new Map(),
      });
      movements.push({ outTradeNo: request.outTradeNo, direction: "in", amountMinor: dueMinor });
      return { ok: true, value: paid };
    },
    async precreate() {
      return paymentError("integration", "cash has no dynamic QR mode");
    },
    async query(outTradeNo) {
      const trade = trades.get(outTradeNo);
      const status: TradeStatus = !trade
        ? { state: "not_found" }
        : trade.state === "reversed"
          ? { state: "reversed", refunded: trade.paid !== undefined }
          : (trade.paid as PaidTrade);
      return { ok: true, value: status };
    },
    async reverse(outTradeNo) {
      const trade = trades.get(outTradeNo);
      if (!trade) {
        // A tombstone, so a late pay with this order number cannot take money after the reverse.
        trades.set(outTradeNo, {
          amount: { amountMinor: 0, currency: "" },
          state: "reversed",
          refundedMinor: 0,
          refunds: new Map(),
        });
        return { ok: true, value: { action: "closed" } };
      }
      if (trade.state === "reversed") return { ok: true, value: { action: trade.paid ? "refunded" : "closed" } };
      if (trade.refundedMinor > 0) return paymentError("declined", `order ${outTradeNo} has refunds; refund the rest`);
      trade.state = "reversed";
      if (trade.paid) movements.push({ outTradeNo, direction: "out", amountMinor: trade.paid.paidMinor });
      return { ok: true, value: { action: "refunded" } };
    },
    async refund(request) {
      const trade = trades.get(request.outTradeNo);
      if (!trade?.paid) return paymentError("integration", `order ${request.outTradeNo} was never paid`);
      if (trade.state === "reversed") return paymentError("cancelled", `order ${request.outTradeNo} was reversed`);
      const known = trade.refunds.get(request.outRefundNo);
      if (known !== undefined)
        return known === request.amount.amountMinor
          ? { ok: true, value: { outRefundNo: request.outRefundNo, totalRefundedMinor: trade.refundedMinor } }
          : paymentError("integration", `refund ${request.outRefundNo} was used for another amount`);
      if (trade.refundedMinor + request.amount.amountMinor > trade.paid.paidMinor)
        return paymentError("declined", `refund of ${request.amount.amountMinor} exceeds what is left on the order`);
      trade.refunds.set(request.outRefundNo, request.amount.amountMinor);
      trade.refundedMinor += request.amount.amountMinor;
      movements.push({ outTradeNo: request.outTradeNo, direction: "out", amountMinor: request.amount.amountMinor });
      return { ok: true, value: { outRefundNo: request.outRefundNo, totalRefundedMinor: trade.refundedMinor } };
    },
    drawer: () => [...movements],
  };
}
