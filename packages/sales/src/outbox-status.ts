// The status a till shows in its status bar, kept as counters updated by each step (a count() over 100,000
// IndexedDB rows per batch would cost more than the batch), and recounted from storage whenever an outbox opens.
import type { SalesError } from "./errors.js";

/** What the outbox reports over time. */
export interface SalesOutboxStatus {
  /** Events waiting for an acknowledgement. */
  readonly pending: number;
  /** Age of the oldest pending event at the time of this status, in ms; absent when none is pending. */
  readonly oldestPendingAgeMs?: number;
  /** Events refused for good, waiting in the dead letters for `retryDeadLetters()`. */
  readonly deadLetters: number;
  /** A batch is being posted right now. */
  readonly uploading: boolean;
  /** The breaker is open on some route: the receiver has been unreachable `breakerThreshold` times in a row. */
  readonly offline: boolean;
  /** When the next retry of a sleeping route is due, epoch ms. */
  readonly nextAttemptAtMs?: number;
  /** Epoch ms of the last acknowledged batch. */
  readonly lastSuccessAtMs?: number;
  /** The last delivery or storage failure; kept after a later success, so the till can show what happened. */
  readonly lastError?: SalesError;
}

/** Counters behind the status. */
export interface StatusState {
  pending: number;
  deadLetters: number;
  oldestPendingAtMs: number | undefined;
  uploading: boolean;
  offline: boolean;
  nextAttemptAtMs: number | undefined;
  lastSuccessAtMs: number | undefined;
  lastError: SalesError | undefined;
}

/** The status counters of a closed outbox. */
export const initialStatusState = (): StatusState => ({
  pending: 0,
  deadLetters: 0,
  oldestPendingAtMs: undefined,
  uploading: false,
  offline: false,
  nextAttemptAtMs: undefined,
  lastSuccessAtMs: undefined,
  lastError: undefined,
});

/** The status as emitted, with ages computed at `nowMs`. */
export function statusAt(state: StatusState, nowMs: number): SalesOutboxStatus {
  return {
    pending: state.pending,
    ...(state.oldestPendingAtMs !== undefined && state.pending > 0
      ? { oldestPendingAgeMs: Math.max(0, nowMs - state.oldestPendingAtMs) }
      : {}),
    deadLetters: state.deadLetters,
    uploading: state.uploading,
    offline: state.offline,
    ...(state.nextAttemptAtMs !== undefined ? { nextAttemptAtMs: state.nextAttemptAtMs } : {}),
    ...(state.lastSuccessAtMs !== undefined ? { lastSuccessAtMs: state.lastSuccessAtMs } : {}),
    ...(state.lastError !== undefined ? { lastError: state.lastError } : {}),
  };
}
