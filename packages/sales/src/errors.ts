// Everything that can go wrong in the sales outbox, as stable codes. Renaming a code is a breaking change; the
// README lists every code and test/docs.test.ts checks that table against this union.

/** Why a sale was refused, or why delivery is not progressing. */
export type SalesErrorCode =
  /** `record(sale)` got a sale that fails the sale schema or GS1 checks (`issues` says where). Nothing is stored. */
  | "INVALID_SALE"
  /** IndexedDB refused a read or a commit (quota, a blocked upgrade, a closed database). */
  | "STORAGE_FAILED"
  /** The capture endpoint could not be reached: refused connection, DNS, a reset socket. Retried with back-off. */
  | "RECEIVER_UNREACHABLE"
  /** The capture endpoint did not answer within `timeoutMs`. Retried with back-off (the receiver is idempotent). */
  | "RECEIVER_TIMEOUT"
  /** The endpoint answered 5xx, 408 or 429: a temporary refusal, retried (honouring `Retry-After`). */
  | "RECEIVER_UNAVAILABLE"
  /** The endpoint answered another 4xx: the event is moved to the dead letters with this reason, never dropped. */
  | "RECEIVER_REJECTED";

/** A refusal or a delivery failure: a stable code, an English message for logs, and the evidence. */
export interface SalesError {
  readonly code: SalesErrorCode;
  /** English, for logs and integrators; what a cashier reads comes from the till's locale module. */
  readonly message: string;
  /** Schema failures, as `path: message` lines (INVALID_SALE). */
  readonly issues?: readonly string[];
  /** The HTTP status (RECEIVER_UNAVAILABLE, RECEIVER_REJECTED). */
  readonly status?: number;
  /** The endpoint at fault (delivery errors). */
  readonly endpoint?: string;
}

/** The answer to reading outside input: the value, or why it was refused (one shape across ScanGate). */
export type { Result } from "@scangate/gs1";

/** Builds a failed Result; keeps call sites to one line. */
export function salesError(
  code: SalesErrorCode,
  message: string,
  evidence: Omit<SalesError, "code" | "message"> = {},
): { ok: false; error: SalesError } {
  return { ok: false, error: { code, message, ...evidence } };
}
