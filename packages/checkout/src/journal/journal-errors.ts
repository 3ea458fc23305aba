// What the sale journal refuses. Codes are stable API (renaming one is a breaking change); docs/journal.md lists
// every one, and a test checks the table against this union.
import type { Result } from "@scangate/gs1";

/** Why the journal refused to record a sale or a refund. */
export type JournalErrorCode =
  /** `add`: another sale with different content already has this id (the same sale again is accepted, once). */
  | "SALE_ID_REUSED"
  /** `recordRefund`: no sale with this id in the journal (never added, or older than the retention). */
  | "UNKNOWN_SALE"
  /** `recordRefund`: `lineIds` names a line the sale does not have. */
  | "UNKNOWN_LINE"
  /** `recordRefund`: a line in `lineIds` was refunded by an earlier refund. */
  | "LINE_ALREADY_REFUNDED"
  /** `recordRefund`: the refunds of the sale would pay back more than the sale took, or more than the named lines
   * cost. */
  | "REFUND_EXCEEDS_PAID"
  /** `recordRefund`: another refund with different content already has this `refundId`. */
  | "REFUND_ID_REUSED"
  /** `recordRefund`: the refund is malformed (amount not a positive integer, empty staff id, a line named twice …). */
  | "INVALID_REFUND"
  /** IndexedDB refused the read or the write (quota, a blocked upgrade, a closed database). Nothing was written. */
  | "STORAGE_FAILED";

/** A refusal, with its evidence. */
export interface JournalError {
  readonly code: JournalErrorCode;
  /** English, for logs. */
  readonly message: string;
  readonly saleId?: string;
  readonly refundId?: string;
  /** UNKNOWN_LINE, LINE_ALREADY_REFUNDED: the line at fault. */
  readonly lineId?: string;
  /** REFUND_EXCEEDS_PAID: the most that may still be refunded, minor units. */
  readonly refundableMinor?: number;
  /** REFUND_EXCEEDS_PAID: what was asked, minor units. */
  readonly requestedMinor?: number;
}

/** The Result of a journal write. */
export type JournalResult<T> = Result<T, JournalError>;

/** Thrown inside a transaction to abort it with a refusal; caught and returned as a Result. */
export class JournalRefusal extends Error {
  readonly error: JournalError;
  constructor(error: JournalError) {
    super(error.message);
    this.name = "JournalRefusal";
    this.error = error;
  }
}
