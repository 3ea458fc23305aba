// The pure rules of a tender: what a new attempt looks like, whether a sale may take it, and what a sale's tenders
// add up to. No I/O: the bridge runs `admitToSale` inside the IndexedDB transaction that adds the attempt.
import { type BridgeError, bridgeError } from "../errors.js";
import { type MoneyLimits, validateMoney } from "../money.js";
import type { PayMode, PaymentProvider } from "../provider.js";
import { ok, type Result } from "../result.js";
import { isResolved, type PaymentAttempt, type SaleSummary, type Tender, UNRESOLVED_STATES } from "./attempt.js";

/** What a new attempt needs besides the tender. */
export interface NewAttemptContext {
  readonly attemptId: string;
  readonly nowMs: number;
  readonly subject: string;
  readonly limits: MoneyLimits | undefined;
}

function modeOf(tender: Tender, provider: PaymentProvider): PayMode {
  if (tender.mode) return tender.mode;
  const modes = provider.capabilities.payModes;
  if (modes.includes("cash")) return "cash";
  return tender.authCode === undefined && modes.includes("qr") ? "qr" : "code";
}

/** The CREATED attempt for `tender`, or why the tender is refused before anything is stored. */
export function newAttempt(
  tender: Tender,
  provider: PaymentProvider,
  context: NewAttemptContext,
): Result<PaymentAttempt, BridgeError> {
  const mode = modeOf(tender, provider);
  if (!provider.capabilities.payModes.includes(mode))
    return bridgeError("PROVIDER_UNSUPPORTED", `provider ${provider.id} has no ${mode} mode`);
  if (mode === "code" && !tender.authCode) return bridgeError("PROVIDER_UNSUPPORTED", "mode code needs an authCode");
  const total = validateMoney(tender.saleTotal, context.limits?.currency ? { currency: context.limits.currency } : {});
  if (!total.ok) return total;
  const maxAmountMinor = Math.min(
    context.limits?.maxAmountMinor ?? Number.MAX_SAFE_INTEGER,
    provider.capabilities.maxAmountMinor,
  );
  const amount = validateMoney(tender.amount, { maxAmountMinor, currency: tender.saleTotal.currency });
  if (!amount.ok) return amount;
  return ok({
    attemptId: context.attemptId,
    outTradeNo: context.attemptId,
    saleId: tender.saleId,
    saleTotal: tender.saleTotal,
    providerId: provider.id,
    mode,
    amount: tender.amount,
    ...(tender.authCode !== undefined ? { authCode: tender.authCode } : {}),
    ...(tender.tenderedMinor !== undefined ? { tenderedMinor: tender.tenderedMinor } : {}),
    subject: tender.subject ?? context.subject,
    state: "CREATED",
    history: [{ state: "CREATED", atMs: context.nowMs }],
    createdAtMs: context.nowMs,
    cancelRequested: false,
    refundedMinor: 0,
    refunds: [],
  });
}

const paidMinorOf = (attempts: readonly PaymentAttempt[]) =>
  attempts
    .filter((attempt) => attempt.state === "PAID" || attempt.state === "PARTIALLY_REFUNDED")
    .reduce((sum, attempt) => sum + attempt.amount.amountMinor, 0);

/** Whether a sale whose attempts are `others` may take `attempt`: one unresolved attempt at a time, within the balance. */
export function admitToSale(others: readonly PaymentAttempt[], attempt: PaymentAttempt): Result<true, BridgeError> {
  const unresolved = others.find((other) => !isResolved(other.state));
  if (unresolved)
    return bridgeError("ATTEMPT_UNRESOLVED", `sale ${attempt.saleId} has an unresolved attempt`, {
      attemptId: unresolved.attemptId,
    });
  const total = attempt.saleTotal.amountMinor;
  const first = others[0];
  if (first && first.saleTotal.amountMinor !== total)
    return bridgeError("TENDER_EXCEEDS_BALANCE", `sale ${attempt.saleId} total was ${first.saleTotal.amountMinor}`);
  const paidMinor = paidMinorOf(others);
  if (paidMinor + attempt.amount.amountMinor > total)
    return bridgeError(
      "TENDER_EXCEEDS_BALANCE",
      `tender ${attempt.amount.amountMinor} exceeds the balance ${total - paidMinor}`,
    );
  return ok(true);
}

/** A sale's tenders and whether the PAID ones add up to its total. */
export function summarizeSale(saleId: string, attempts: readonly PaymentAttempt[]): SaleSummary {
  const first = attempts[0];
  const total = first?.saleTotal ?? { amountMinor: 0, currency: "XXX" };
  const paidMinor = paidMinorOf(attempts);
  const pendingMinor = attempts
    .filter((attempt) => UNRESOLVED_STATES.includes(attempt.state))
    .reduce((sum, attempt) => sum + attempt.amount.amountMinor, 0);
  return {
    saleId,
    total,
    paidMinor,
    pendingMinor,
    settled: first !== undefined && paidMinor === total.amountMinor,
    attempts,
  };
}
