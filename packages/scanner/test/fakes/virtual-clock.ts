// Virtual time for binding tests: an rxjs VirtualTimeScheduler advanced step by step, letting promise chains
// (open, read) settle between timer callbacks, since the bindings mix the scheduler with real promises.
import { VirtualTimeScheduler } from "rxjs";

/** 2026-01-01T00:00:00Z, so `Scan.at` looks like the epoch milliseconds it is. */
export const VIRTUAL_EPOCH_MS = 1_767_225_600_000;

/** A virtual clock and its scheduler. */
export interface VirtualClock {
  readonly scheduler: VirtualTimeScheduler;
  now(): number;
  /** Lets pending promise callbacks run (one macrotask turn) without moving virtual time. */
  settle(): Promise<void>;
  /** Moves virtual time forward, running due timers in order and settling promises after each. */
  advanceBy(ms: number): Promise<void>;
}

export function createVirtualClock(startMs = VIRTUAL_EPOCH_MS): VirtualClock {
  const scheduler = new VirtualTimeScheduler();
  scheduler.frame = startMs;
  const settle = async () => {
    for (let turn = 0; turn < 3; turn++) await new Promise<void>((resolve) => setTimeout(resolve, 0));
  };
  return {
    scheduler,
    now: () => scheduler.now(),
    settle,
    async advanceBy(ms) {
      const target = scheduler.frame + ms;
      await settle();
      for (;;) {
        const next = scheduler.actions[0];
        if (!next || next.delay > target) break;
        scheduler.maxFrames = next.delay;
        scheduler.flush();
        await settle();
      }
      scheduler.maxFrames = Number.POSITIVE_INFINITY;
      scheduler.frame = target;
      await settle();
    },
  };
}
