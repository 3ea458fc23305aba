// A scheduler on virtual time for the uploader's back-off: `now()` is a number the test moves, and scheduled work
// runs only when `advance()` passes its due time. HTTP and IndexedDB stay real; only waiting is virtual.
import { type SchedulerLike, Subscription } from "rxjs";

/** A SchedulerLike whose clock and timers the test drives. */
export interface ManualScheduler extends SchedulerLike {
  /** Moves the clock forward and runs every timer that fell due, in due order. */
  advance(ms: number): void;
  /** Due times of the timers still waiting, epoch ms. */
  pendingTimers(): number[];
}

/** A manual scheduler starting at `startMs`. */
export function manualScheduler(startMs: number): ManualScheduler {
  let nowMs = startMs;
  const timers = new Set<{ dueMs: number; run: () => void }>();
  return {
    now: () => nowMs,
    schedule(work: (this: unknown, state?: unknown) => void, delay = 0, state?: unknown): Subscription {
      const timer = { dueMs: nowMs + delay, run: () => work.call(undefined, state) };
      timers.add(timer);
      return new Subscription(() => timers.delete(timer));
    },
    advance(ms) {
      nowMs += ms;
      const due = [...timers].filter((timer) => timer.dueMs <= nowMs).sort((a, b) => a.dueMs - b.dueMs);
      for (const timer of due) {
        timers.delete(timer);
        timer.run();
      }
    },
    pendingTimers: () => [...timers].map((timer) => timer.dueMs).sort((a, b) => a - b),
  } as ManualScheduler;
}
