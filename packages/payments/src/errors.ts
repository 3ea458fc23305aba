// Every way a payment can go wrong, as stable codes. Two families:
// - PaymentErrorCode: what a provider (cash, a gateway, the simulator) answered, mapped from the gateway's own codes
//   (table in README.md, checked by test/errors-docs.test.ts). These seven lowercase codes are the ones issue #8 and
//   ScanGate's payment taxonomy (after Stripe Terminal's and Adyen's error classes); each tells the till what to do next.
// - BridgeErrorCode: why the bridge refused a cashier's request (UPPER_SNAKE, house style).
// Renaming any code is a breaking change.
import type { Result } from "./result.js";

/** What a provider's answer means for the till. */
export type PaymentErrorCode =
  /** Refused for good (insufficient balance, risk control, limit): ask the customer for another method. */
  | "declined"
  /** The payment code is malformed, expired or already used: ask the customer to refresh the code. */
  | "code_invalid_or_used"
  /** The customer must act (enter the wallet password): wait and query; for a reverse, retry later. */
  | "customer_action_required"
  /** The request may or may not have moved money (timeout, SYSTEMERROR, lost reply): query, never pay anew. */
  | "outcome_unknown"
  /** The trade was closed or reversed: nothing is charged on it. */
  | "cancelled"
  /** The provider could not be reached or is busy: retry later; nothing was decided. */
  | "unavailable"
  /** Our request was wrong (signature, parameters, merchant set-up, reused order number): a support ticket. */
  | "integration";

/** A provider's failure: a stable code, an English message for logs, and the gateway's own code as evidence. */
export interface PaymentError {
  readonly code: PaymentErrorCode;
  /** English, for logs and integrators. */
  readonly message: string;
  /** The gateway's own code (e.g. `SYSTEMERROR`, `AUTHCODEEXPIRE`), when a gateway answered. */
  readonly gatewayCode?: string;
  /** The HTTP status, when an HTTP gateway answered with one. */
  readonly status?: number;
}

/** What a provider returns: a value or a mapped PaymentError. Providers never throw for outside trouble. */
export type PaymentResult<T> = Result<T, PaymentError>;

/** Builds a failed PaymentResult; keeps call sites to one line. */
export function paymentError(
  code: PaymentErrorCode,
  message: string,
  evidence: { gatewayCode?: string; status?: number } = {},
): { readonly ok: false; readonly error: PaymentError } {
  return { ok: false, error: { code, message, ...evidence } };
}

/** Why the bridge (or money validation) refused a request. */
export type BridgeErrorCode =
  /** The amount is not a safe integer number of minor units. */
  | "AMOUNT_NOT_INTEGER"
  /** The amount is zero or negative. */
  | "AMOUNT_NOT_POSITIVE"
  /** The amount is above the configured or the provider's maximum. */
  | "AMOUNT_OVER_LIMIT"
  /** The currency is not a three-letter ISO 4217 code, or differs from the sale's currency. */
  | "CURRENCY_MISMATCH"
  /** The tender names a provider the bridge was not given, or asks for a mode the provider lacks. */
  | "PROVIDER_UNSUPPORTED"
  /** Another tender of the same sale is still unresolved: wait for it, or cancel it. */
  | "ATTEMPT_UNRESOLVED"
  /** The tender is more than the sale's remaining balance (or the sale's total changed). */
  | "TENDER_EXCEEDS_BALANCE"
  /** No attempt with this id (or order number) is stored. */
  | "ATTEMPT_NOT_FOUND"
  /** The attempt is not in a state that allows the request (cancel after PAID, refund before PAID …). */
  | "INVALID_STATE"
  /** IndexedDB refused a read or write (quota, closed database, blocked upgrade). */
  | "STORAGE_FAILED"
  /** The provider answered the manual query or refund with an error (`cause` holds it). */
  | "PROVIDER_ERROR";

/** A refused bridge request: a stable code, an English message for logs, and the evidence. */
export interface BridgeError {
  readonly code: BridgeErrorCode;
  /** English, for logs and integrators. */
  readonly message: string;
  /** The attempt at fault (e.g. the unresolved one for ATTEMPT_UNRESOLVED). */
  readonly attemptId?: string;
  /** The provider's error behind PROVIDER_ERROR. */
  readonly cause?: PaymentError;
}

/** Builds a failed bridge Result; keeps call sites to one line. */
export function bridgeError(
  code: BridgeErrorCode,
  message: string,
  evidence: { attemptId?: string; cause?: PaymentError } = {},
): { readonly ok: false; readonly error: BridgeError } {
  return { ok: false, error: { code, message, ...evidence } };
}
