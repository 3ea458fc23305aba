// The hub reads time only through a Clock, so tests fix it (capture job times, feed issuedAt/expiresAt).

/** Where the hub reads the time from. */
export interface Clock {
  /** Epoch milliseconds. */
  nowMs(): number;
}

/** The machine's clock: the one place the hub reads real time. */
export const systemClock: Clock = { nowMs: () => Date.now() };
