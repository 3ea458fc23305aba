// One payment attempt: one order number (out_trade_no), persisted before its first request, the unit the bridge
// drives, recovers and reports. README has the state diagram.
import type { PaymentError, PaymentErrorCode } from "../errors.js";
import type { Money } from "../money.js";
import type { PaidTrade, PayMode } from "../provider.js";

/** Where an attempt is. */
export type AttemptState =
  /** Stored, nothing sent yet. */
  | "CREATED"
  /** The pay request is (or may be) on its way; found at start-up, it means "ask, never pay blindly". */
  | "SUBMITTING"
  /** The customer is entering a password, or has not scanned the dynamic QR yet: polling. */
  | "AWAITING_CUSTOMER"
  /** No clear answer (timeout, SYSTEMERROR, lost reply): polling until the provider says. */
  | "UNKNOWN"
  /** The money was taken. */
  | "PAID"
  /** Nothing was taken and nothing will be (declined, code used, cancelled before sending). */
  | "FAILED"
  /** Being reversed (cancel, or the polling budget ran out). */
  | "REVERSING"
  /** Reversed with nothing taken. */
  | "REVERSED"
  /** A refund is on its way. */
  | "REFUNDING"
  /** Part of the payment was refunded. */
  | "PARTIALLY_REFUNDED"
  /** All of it went back: by refunds, or by a reverse that found the customer had paid meanwhile. */
  | "REFUNDED";

/** States in which the attempt still needs the bridge (a sale with one of these refuses another tender). */
export const UNRESOLVED_STATES: readonly AttemptState[] = [
  "CREATED",
  "SUBMITTING",
  "AWAITING_CUSTOMER",
  "UNKNOWN",
  "REVERSING",
  "REFUNDING",
];

/** `true` when the attempt needs nothing more from the bridge. */
export function isResolved(state: AttemptState): boolean {
  return !UNRESOLVED_STATES.includes(state);
}

/** One refund of a paid attempt; idempotent at the provider by `outRefundNo`. */
export interface RefundRecord {
  readonly outRefundNo: string;
  readonly amountMinor: number;
  readonly state: "PENDING" | "DONE" | "FAILED";
  readonly reason?: string;
  readonly error?: PaymentError;
}

/** A payment attempt as stored in IndexedDB and emitted to the UI. */
export interface PaymentAttempt {
  /** Equals `outTradeNo`: one attempt, one order number. */
  readonly attemptId: string;
  readonly outTradeNo: string;
  readonly saleId: string;
  /** The sale's total; every tender of the sale carries the same one. */
  readonly saleTotal: Money;
  readonly providerId: string;
  readonly mode: PayMode;
  readonly amount: Money;
  /** The customer's payment code (kept so a lost request can be re-sent with the same order number). */
  readonly authCode?: string;
  /** Cash handed over, in minor units. */
  readonly tenderedMinor?: number;
  readonly subject: string;
  readonly state: AttemptState;
  /** Every state the attempt went through, with when (scheduler clock, epoch ms). */
  readonly history: readonly { readonly state: AttemptState; readonly atMs: number }[];
  readonly createdAtMs: number;
  /** Polling stops and the reverse starts at this time (set when the attempt is first submitted). */
  readonly deadlineAtMs?: number;
  /** Reversal retries stop at this time; `recover()` tries again later. */
  readonly reverseDeadlineAtMs?: number;
  /** The cashier cancelled: the attempt is reversed if anything was sent. */
  readonly cancelRequested: boolean;
  /** The provider's paid trade, once PAID. */
  readonly paid?: PaidTrade;
  /** The dynamic QR to show, in mode `"qr"`. */
  readonly qrCodeUrl?: string;
  /** Why the attempt FAILED. */
  readonly failure?: PaymentErrorCode;
  /** The last provider error seen (kept after recovery from it, for logs). */
  readonly lastError?: PaymentError;
  /** Money refunded so far, in minor units. */
  readonly refundedMinor: number;
  readonly refunds: readonly RefundRecord[];
}

/** What the cashier asks the bridge to take. */
export interface Tender {
  readonly saleId: string;
  /** The sale's total: the sale is settled when its PAID tenders add up to it. */
  readonly saleTotal: Money;
  /** This tender's share of the total (all of it, or part in a split tender). */
  readonly amount: Money;
  /** Which provider takes it (`PaymentProvider.id`). */
  readonly providerId: string;
  /** How the customer pays. @default "code" for wallets, "cash" for a provider whose only mode is cash */
  readonly mode?: PayMode;
  /** The scanned payment code, for mode `"code"`. */
  readonly authCode?: string;
  /** Cash handed over, in minor units, for mode `"cash"`. */
  readonly tenderedMinor?: number;
  /** Shown on the customer's statement. @default the bridge's `subject` */
  readonly subject?: string;
}

/** A sale's tenders and whether they settle it. */
export interface SaleSummary {
  readonly saleId: string;
  readonly total: Money;
  /** Sum of PAID (and partially refunded) tenders' amounts, in minor units. */
  readonly paidMinor: number;
  /** Sum of tenders still unresolved, in minor units. */
  readonly pendingMinor: number;
  /** `paidMinor` equals the total: the basket may be closed. */
  readonly settled: boolean;
  readonly attempts: readonly PaymentAttempt[];
}

/** `attempt` moved to `state` at `atMs`, with `changes`; the history grows only when the state changes. */
export function transition(
  attempt: PaymentAttempt,
  state: AttemptState,
  atMs: number,
  changes: Partial<PaymentAttempt> = {},
): PaymentAttempt {
  const history = state === attempt.state ? attempt.history : [...attempt.history, { state, atMs }];
  return { ...attempt, ...changes, state, history };
}
