// Drives one attempt through the state machine until it is resolved or must wait for `recover()`. Every step reads
// the stored attempt, makes at most one provider call, and stores the outcome before the next step, so a crash at
// any point leaves a row that says exactly what is known. The rules (Alipay and WeChat Pay micropay best practice):
// - the attempt is stored before any request, and SUBMITTING is stored before the pay request leaves;
// - an attempt found SUBMITTING (a crash while a pay was in flight) is never paid blindly: it is queried;
// - no clear answer → query every `pollIntervalMs` until `deadlineAtMs`, then reverse ("cancel immediately after the
//   last query"); a query that says the order was never seen re-sends the pay with the SAME order number;
// - a cashier's cancel reverses anything that was sent, even a payment that succeeds meanwhile (it is refunded).
import type { PaymentResult } from "../errors.js";
import type { PaidTrade, PaymentProvider, PrecreatedTrade, TradeStatus } from "../provider.js";
import { type PaymentAttempt, transition } from "./attempt.js";

/** What the driver needs from the bridge. */
export interface DriveContext {
  readonly provider: PaymentProvider;
  readonly pollIntervalMs: number;
  readonly budgetMs: number;
  readonly reverseBudgetMs: number;
  /** The scheduler's clock, epoch ms. */
  now(): number;
  /** `true` once the bridge is closed: stop without another request or write. */
  closed(): boolean;
  load(attemptId: string): Promise<PaymentAttempt | undefined>;
  /** Applies `change` to the stored row in one transaction and emits the result; undefined when closed or missing. */
  update(attemptId: string, change: (attempt: PaymentAttempt) => PaymentAttempt): Promise<PaymentAttempt | undefined>;
  /** Waits `ms` on the scheduler; a cancel or close wakes it early. */
  wait(attemptId: string, ms: number): Promise<void>;
}

function toReversing(
  attempt: PaymentAttempt,
  nowMs: number,
  reverseBudgetMs: number,
  changes: Partial<PaymentAttempt> = {},
) {
  return transition(attempt, "REVERSING", nowMs, { reverseDeadlineAtMs: nowMs + reverseBudgetMs, ...changes });
}

function afterPay(
  attempt: PaymentAttempt,
  result: PaymentResult<PaidTrade | PrecreatedTrade>,
  nowMs: number,
  reverseBudgetMs: number,
): PaymentAttempt {
  if (result.ok) {
    if ("qrCodeUrl" in result.value) {
      const changes = { qrCodeUrl: result.value.qrCodeUrl };
      return attempt.cancelRequested
        ? toReversing(attempt, nowMs, reverseBudgetMs, changes)
        : transition(attempt, "AWAITING_CUSTOMER", nowMs, changes);
    }
    const paid = result.value;
    return attempt.cancelRequested
      ? toReversing(attempt, nowMs, reverseBudgetMs, { paid })
      : transition(attempt, "PAID", nowMs, { paid });
  }
  const error = result.error;
  switch (error.code) {
    case "customer_action_required":
      return transition(attempt, "AWAITING_CUSTOMER", nowMs, { lastError: error });
    case "outcome_unknown":
    case "unavailable":
      return transition(attempt, "UNKNOWN", nowMs, { lastError: error });
    default:
      return transition(attempt, "FAILED", nowMs, { failure: error.code, lastError: error });
  }
}

function afterQuery(
  attempt: PaymentAttempt,
  status: TradeStatus,
  nowMs: number,
  reverseBudgetMs: number,
): PaymentAttempt {
  switch (status.state) {
    case "paid":
      return attempt.cancelRequested
        ? toReversing(attempt, nowMs, reverseBudgetMs, { paid: status })
        : transition(attempt, "PAID", nowMs, { paid: status });
    case "awaiting_customer":
      return transition(attempt, "AWAITING_CUSTOMER", nowMs);
    case "reversed":
      return status.refunded
        ? transition(attempt, "REFUNDED", nowMs, {
            refundedMinor: attempt.paid?.paidMinor ?? attempt.amount.amountMinor,
          })
        : transition(attempt, "REVERSED", nowMs);
    case "failed":
      return transition(attempt, "FAILED", nowMs, { failure: status.code });
    case "not_found":
      // Handled by the caller (re-send); never stored as such.
      return attempt;
  }
}

async function submit(context: DriveContext, attempt: PaymentAttempt): Promise<void> {
  const { provider } = context;
  const submitting = await context.update(attempt.attemptId, (stored) =>
    transition(stored, "SUBMITTING", context.now(), {
      deadlineAtMs: stored.deadlineAtMs ?? context.now() + context.budgetMs,
    }),
  );
  if (!submitting) return;
  const request = {
    outTradeNo: attempt.outTradeNo,
    amount: attempt.amount,
    subject: attempt.subject,
    ...(attempt.authCode !== undefined ? { authCode: attempt.authCode } : {}),
    ...(attempt.tenderedMinor !== undefined ? { tenderedMinor: attempt.tenderedMinor } : {}),
  };
  const result = attempt.mode === "qr" ? await provider.precreate(request) : await provider.pay(request);
  if (context.closed()) return;
  await context.update(attempt.attemptId, (stored) => afterPay(stored, result, context.now(), context.reverseBudgetMs));
}

async function poll(context: DriveContext, attempt: PaymentAttempt, queryNow: boolean): Promise<"continue" | "stop"> {
  const nowMs = context.now();
  const deadline = attempt.deadlineAtMs ?? nowMs;
  if (!queryNow) {
    if (attempt.cancelRequested || nowMs >= deadline) {
      const reversing = await context.update(attempt.attemptId, (stored) =>
        toReversing(stored, context.now(), context.reverseBudgetMs),
      );
      return reversing ? "continue" : "stop";
    }
    await context.wait(attempt.attemptId, Math.min(context.pollIntervalMs, deadline - nowMs));
    if (context.closed()) return "stop";
  }
  const fresh = await context.load(attempt.attemptId);
  if (!fresh) return "stop";
  if (fresh.cancelRequested || fresh.state !== attempt.state) return "continue";
  const result = await context.provider.query(attempt.outTradeNo);
  if (context.closed()) return "stop";
  if (!result.ok) {
    const stored = await context.update(attempt.attemptId, (row) => ({ ...row, lastError: result.error }));
    return stored ? "continue" : "stop";
  }
  if (result.value.state === "not_found") {
    // The pay request never arrived: re-send it with the same order number (and the same, still unused, code).
    await submit(context, fresh);
    return "continue";
  }
  const status = result.value;
  const stored = await context.update(attempt.attemptId, (row) =>
    afterQuery(row, status, context.now(), context.reverseBudgetMs),
  );
  return stored ? "continue" : "stop";
}

async function reverse(context: DriveContext, attempt: PaymentAttempt): Promise<"continue" | "stop"> {
  const result = await context.provider.reverse(attempt.outTradeNo);
  if (context.closed()) return "stop";
  if (result.ok || result.error.code === "cancelled") {
    const refunded = result.ok && result.value.action === "refunded";
    const stored = await context.update(attempt.attemptId, (row) =>
      refunded
        ? transition(row, "REFUNDED", context.now(), { refundedMinor: row.paid?.paidMinor ?? row.amount.amountMinor })
        : transition(row, "REVERSED", context.now()),
    );
    return stored ? "continue" : "stop";
  }
  const error = result.error;
  const stored = await context.update(attempt.attemptId, (row) => ({ ...row, lastError: error }));
  if (!stored) return "stop";
  // Out of reversal budget: stay REVERSING (the sale stays blocked) until recover() or a manual query settles it.
  if (context.now() >= (stored.reverseDeadlineAtMs ?? 0)) return "stop";
  await context.wait(attempt.attemptId, context.pollIntervalMs);
  return context.closed() ? "stop" : "continue";
}

/**
 * Runs the attempt until it is resolved, waits on `recover()`, or the bridge closes. Never throws for provider trouble.
 * With `queryFirst` (recovery), an undecided attempt is queried once before its deadline is looked at: a customer who
 * paid while the till was down keeps their sale instead of being refunded.
 */
export async function driveAttempt(context: DriveContext, attemptId: string, queryFirst = false): Promise<void> {
  let queryNow = queryFirst;
  for (;;) {
    if (context.closed()) return;
    const attempt = await context.load(attemptId);
    if (!attempt) return;
    let next: "continue" | "stop";
    switch (attempt.state) {
      case "CREATED":
        if (attempt.cancelRequested) {
          // Nothing was sent: cancelling is just a local decision.
          await context.update(attemptId, (row) => transition(row, "FAILED", context.now(), { failure: "cancelled" }));
          return;
        }
        await submit(context, attempt);
        next = "continue";
        break;
      case "SUBMITTING": {
        // Found at start: a pay may have left before the crash. Ask; never pay blindly.
        const unknown = await context.update(attemptId, (row) =>
          transition(row, "UNKNOWN", context.now(), {
            deadlineAtMs: row.deadlineAtMs ?? context.now() + context.budgetMs,
          }),
        );
        next = unknown ? "continue" : "stop";
        break;
      }
      case "AWAITING_CUSTOMER":
      case "UNKNOWN":
        next = await poll(context, attempt, queryNow);
        queryNow = false;
        break;
      case "REVERSING":
        next = await reverse(context, attempt);
        break;
      default:
        // Resolved, or REFUNDING (driven by refund() and recover()).
        return;
    }
    if (next === "stop") return;
  }
}
