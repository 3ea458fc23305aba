// Refunds of paid attempts. A refund is stored (REFUNDING, with its refund number) before the request, so a lost
// reply is retried with the same refund number — the provider's idempotency key — and never refunds twice.
import { type BridgeError, bridgeError } from "../errors.js";
import type { Money } from "../money.js";
import type { PaymentProvider } from "../provider.js";
import { ok, type Result } from "../result.js";
import { type PaymentAttempt, type RefundRecord, transition } from "./attempt.js";

/** What refunds need from the bridge. */
export interface RefundContext {
  readonly providers: ReadonlyMap<string, PaymentProvider>;
  newId(): string;
  now(): number;
  closed(): boolean;
  load(attemptId: string): Promise<PaymentAttempt | undefined>;
  update(attemptId: string, change: (attempt: PaymentAttempt) => PaymentAttempt): Promise<PaymentAttempt | undefined>;
}

/** The refund operations of a bridge. */
export interface Refunds {
  refund(attemptId: string, amount: Money, reason?: string): Promise<Result<PaymentAttempt, BridgeError>>;
  /** Re-sends the pending refund of a REFUNDING attempt (after a crash or a lost reply). */
  resume(attemptId: string): Promise<Result<PaymentAttempt, BridgeError>>;
}

/** The paid amount a refund can draw on. */
const paidMinorOf = (attempt: PaymentAttempt) => attempt.paid?.paidMinor ?? attempt.amount.amountMinor;

/** Refunds bound to one bridge. */
export function createRefunds(context: RefundContext): Refunds {
  async function send(attempt: PaymentAttempt, pending: RefundRecord): Promise<Result<PaymentAttempt, BridgeError>> {
    const provider = context.providers.get(attempt.providerId);
    if (!provider) return bridgeError("PROVIDER_UNSUPPORTED", `no provider ${attempt.providerId}`);
    const result = await provider.refund({
      outTradeNo: attempt.outTradeNo,
      outRefundNo: pending.outRefundNo,
      amount: { amountMinor: pending.amountMinor, currency: attempt.amount.currency },
      ...(pending.reason !== undefined ? { reason: pending.reason } : {}),
    });
    if (context.closed()) return bridgeError("STORAGE_FAILED", "bridge closed while refunding");
    const unclear = !result.ok && (result.error.code === "outcome_unknown" || result.error.code === "unavailable");
    const stored = await context.update(attempt.attemptId, (row) => {
      if (unclear) return { ...row, ...(result.ok ? {} : { lastError: result.error }) };
      const refunds = row.refunds.map((refund) =>
        refund.outRefundNo !== pending.outRefundNo
          ? refund
          : result.ok
            ? { ...refund, state: "DONE" as const }
            : { ...refund, state: "FAILED" as const, error: result.error },
      );
      const refundedMinor = row.refundedMinor + (result.ok ? pending.amountMinor : 0);
      const state = refundedMinor >= paidMinorOf(row) ? "REFUNDED" : refundedMinor > 0 ? "PARTIALLY_REFUNDED" : "PAID";
      return transition(row, state, context.now(), {
        refunds,
        refundedMinor,
        ...(result.ok ? {} : { lastError: result.error }),
      });
    });
    if (!stored) return bridgeError("ATTEMPT_NOT_FOUND", `attempt ${attempt.attemptId} vanished`);
    if (!result.ok)
      return bridgeError("PROVIDER_ERROR", result.error.message, { attemptId: attempt.attemptId, cause: result.error });
    return ok(stored);
  }

  return {
    async refund(attemptId, amount, reason) {
      const attempt = await context.load(attemptId);
      if (!attempt) return bridgeError("ATTEMPT_NOT_FOUND", `no attempt ${attemptId}`, { attemptId });
      if (attempt.state !== "PAID" && attempt.state !== "PARTIALLY_REFUNDED")
        return bridgeError("INVALID_STATE", `attempt ${attemptId} is ${attempt.state}, not PAID`, { attemptId });
      const provider = context.providers.get(attempt.providerId);
      if (!provider?.capabilities.refund)
        return bridgeError("PROVIDER_UNSUPPORTED", `provider ${attempt.providerId} cannot refund`, { attemptId });
      if (amount.currency !== attempt.amount.currency)
        return bridgeError("CURRENCY_MISMATCH", `refund in ${amount.currency}, paid in ${attempt.amount.currency}`);
      const left = paidMinorOf(attempt) - attempt.refundedMinor;
      if (!Number.isSafeInteger(amount.amountMinor) || amount.amountMinor <= 0)
        return bridgeError("AMOUNT_NOT_POSITIVE", `refund amount ${amount.amountMinor} is not a positive integer`);
      if (amount.amountMinor > left || (!provider.capabilities.partialRefund && amount.amountMinor !== left))
        return bridgeError("AMOUNT_OVER_LIMIT", `refund ${amount.amountMinor} does not fit the ${left} left`, {
          attemptId,
        });
      const pending: RefundRecord = {
        outRefundNo: context.newId(),
        amountMinor: amount.amountMinor,
        state: "PENDING",
        ...(reason !== undefined ? { reason } : {}),
      };
      const stored = await context.update(attemptId, (row) =>
        transition(row, "REFUNDING", context.now(), { refunds: [...row.refunds, pending] }),
      );
      if (!stored) return bridgeError("ATTEMPT_NOT_FOUND", `no attempt ${attemptId}`, { attemptId });
      return send(stored, pending);
    },

    async resume(attemptId) {
      const attempt = await context.load(attemptId);
      const pending = attempt?.refunds.find((refund) => refund.state === "PENDING");
      if (!attempt || !pending)
        return bridgeError("ATTEMPT_NOT_FOUND", `no pending refund on ${attemptId}`, { attemptId });
      return send(attempt, pending);
    },
  };
}
