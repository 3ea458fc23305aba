// Refunding (part of) a past sale: the journal checks it against the sale and its earlier refunds and records it
// first (durable intent, idempotent by refund id); then the money goes back the way it came — through the payment
// bridge to the wallet that paid (the bridge stores its refund number and retries it in recover()), else from the
// drawer as cash.
import type { Result } from "@scangate/gs1";
import type { SaleTender } from "../sale/completed-sale.js";
import { type CheckoutError, checkoutError } from "./checkout-errors.js";
import type { CheckoutOptions } from "./checkout-options.js";

/** What to refund: lines (their totals, unless `amountMinor` says less) or an amount, and who gives it. */
export interface RefundRequest {
  readonly lineIds?: readonly string[];
  readonly amountMinor?: number;
  readonly by: string;
  /** Shown to the wallet's customer and kept in the bridge. */
  readonly reason?: string;
}

/** A refund done: how much went back and how. */
export interface RefundDone {
  readonly refundId: string;
  readonly saleId: string;
  readonly amountMinor: number;
  readonly tender: SaleTender["kind"];
  /** The wallet payment refunded, when the money went back through the bridge. */
  readonly attemptId?: string;
}

/** Refunds against sale `saleId`. */
export async function refundSale(
  saleId: string,
  request: RefundRequest,
  context: {
    readonly options: CheckoutOptions;
    readonly currency: string;
    readonly refundId: string;
    readonly nowMs: number;
  },
): Promise<Result<RefundDone, CheckoutError>> {
  const { journal, payments } = context.options;
  if (!journal?.get || !journal.recordRefund)
    return checkoutError("NOT_CONFIGURED", "refunds need a sale journal with get and recordRefund", {
      detail: "journal",
    });
  const sale = await journal.get(saleId);
  if (!sale) return checkoutError("NOT_FOUND", `no sale ${saleId} in the journal`);
  const lines = request.lineIds ? sale.lines.filter((line) => request.lineIds?.includes(line.id)) : [];
  const amountMinor = request.amountMinor ?? lines.reduce((sum, line) => sum + line.totalMinor, 0);
  if (!Number.isInteger(amountMinor) || amountMinor <= 0)
    return checkoutError("INVALID_QUANTITY", "a refund needs lines or a positive whole amount");
  // Back the way it came: the wallet payment that can cover it, else cash.
  const wallet = sale.tenders.find(
    (tender) => tender.kind !== "cash" && tender.outTradeNo && tender.amountMinor >= amountMinor,
  );
  const tender: SaleTender["kind"] = wallet && payments ? wallet.kind : "cash";
  const recorded = await journal.recordRefund(saleId, {
    refundId: context.refundId,
    ...(request.lineIds ? { lineIds: request.lineIds } : {}),
    amountMinor,
    tender,
    atMs: context.nowMs,
    by: request.by,
  });
  if (!recorded.ok) return checkoutError("REFUND_REFUSED", recorded.error.message, { detail: recorded.error.code });
  if (tender === "cash" || !wallet?.outTradeNo || !payments)
    return { ok: true, value: { refundId: context.refundId, saleId, amountMinor, tender: "cash" } };
  const refunded = await payments.refund(
    wallet.outTradeNo,
    { amountMinor, currency: context.currency },
    request.reason,
  );
  if (!refunded.ok)
    return checkoutError(
      "PAYMENT_REFUSED",
      `the refund is recorded but the bridge refused it: ${refunded.error.message}`,
      {
        detail: refunded.error.code,
      },
    );
  return { ok: true, value: { refundId: context.refundId, saleId, amountMinor, tender, attemptId: wallet.outTradeNo } };
}
