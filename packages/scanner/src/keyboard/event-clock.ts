// When a key really went down, on the scheduler's clock. Timing keys by when the handler runs turns a busy main
// thread into gaps: the browser "may pause events for a couple of tens of ms" (KeyboardBarcodeScanner), and keys
// queued behind a pause arrive together after it (research scanners.md §8 item 10). `event.timeStamp` is the
// key's own time, on the page's performance clock; this maps it onto the scheduler's clock.
import type { SchedulerLike } from "rxjs";

/** A gap between the two clocks this much wider than the narrowest seen means a clock jumped: re-anchor, ms. */
const RESYNC_MS = 1000;

/**
 * Returns a function from an event's `timeStamp` to the scheduler's time. The offset between the clocks is the
 * smallest `now − timeStamp` seen, since a handler never runs before its event; keys handled late keep their
 * true spacing. An event without a time stamp (0) is timed by `now`.
 *
 * @example
 * const eventTime = createEventClock(asyncScheduler);
 * target.addEventListener("keydown", (event) => reader.keyDown(event, eventTime(event.timeStamp)));
 */
export function createEventClock(scheduler: SchedulerLike): (timeStamp: number) => number {
  let offsetMs = Number.POSITIVE_INFINITY;
  return (timeStamp) => {
    const now = scheduler.now();
    if (!(timeStamp > 0)) return now;
    const offset = now - timeStamp;
    // A smaller offset is a handler that ran sooner after its event; a much larger one is a clock that jumped
    // (the wall clock set forward, a suspended laptop), not a second-long wait.
    if (offset < offsetMs || offset - offsetMs > RESYNC_MS) offsetMs = offset;
    return timeStamp + offsetMs;
  };
}
