// Why a checkout command was refused. Codes are stable API (README table, checked by a test); `message` is English
// for logs, the till renders its own text from the code and the evidence.
import type { Gs1Error } from "@scangate/gs1";

/** Every refusal code of the checkout. */
export type CheckoutErrorCode =
  /** The scan is not readable GS1 data (the parser's error is in `gs1`). */
  | "UNREADABLE_SCAN"
  /** The scan carries no product GTIN (an SSCC, a URL, a coupon). */
  | "NOT_A_PRODUCT"
  /** The GTIN is not in the catalogue: offer quick-add (`gtin` is set). */
  | "UNKNOWN_ITEM"
  /** This serialised unit (GTIN + AI 21) is already in the basket. */
  | "SERIAL_ALREADY_IN_BASKET"
  /** No line, held basket or sale with that id. */
  | "NOT_FOUND"
  /** A quantity that is not a positive whole number of units (or a weight for a kg item). */
  | "INVALID_QUANTITY"
  /** Staff may not resolve this line that way (`detail` says why). */
  | "OVERRIDE_REFUSED"
  /** Nothing to pay for, hold or void. */
  | "BASKET_EMPTY"
  /** Payment refused: lines still block or wait for acknowledgement (`lineIds`). */
  | "NOT_PAYABLE"
  /** The basket cannot change while a payment is running or after it was paid in part. */
  | "PAYMENT_IN_PROGRESS"
  /** No payment is running. */
  | "NO_PAYMENT"
  /** The payment bridge refused the tender or the refund (`detail` carries its code). */
  | "PAYMENT_REFUSED"
  /** The journal refused the refund (`detail`: UNKNOWN_LINE, LINE_ALREADY_REFUNDED, REFUND_EXCEEDS_PAID …). */
  | "REFUND_REFUSED"
  /** A part of the till needed for this command is not configured (`detail` names it). */
  | "NOT_CONFIGURED"
  /** The journal or the sales outbox could not store the sale (it is kept in the state to retry). */
  | "STORAGE_FAILED";

/** A refused command. */
export interface CheckoutError {
  readonly code: CheckoutErrorCode;
  readonly message: string;
  readonly gs1?: Gs1Error;
  readonly gtin?: string;
  readonly lineIds?: readonly string[];
  readonly detail?: string;
}

/** A refusal as a failed Result. */
export function checkoutError(
  code: CheckoutErrorCode,
  message: string,
  evidence: Omit<CheckoutError, "code" | "message"> = {},
): { ok: false; error: CheckoutError } {
  return { ok: false, error: { code, message, ...evidence } };
}
