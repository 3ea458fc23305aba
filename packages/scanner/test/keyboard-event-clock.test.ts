// createEventClock: key times from `event.timeStamp`, on the scheduler's clock, so a busy main thread does not
// turn queued keys into gaps (research scanners.md §8 item 10).
import { VirtualTimeScheduler } from "rxjs";
import { describe, expect, it } from "vitest";
import { createEventClock } from "../src/keyboard/event-clock.js";

function clockAt(startMs: number) {
  const scheduler = new VirtualTimeScheduler();
  scheduler.frame = startMs;
  return { scheduler, eventTime: createEventClock(scheduler) };
}

describe("createEventClock", () => {
  it("keeps the true spacing of keys handled late, behind a busy main thread", () => {
    const { scheduler, eventTime } = clockAt(10_000);
    expect(eventTime(500)).toBe(10_000); // handled at once: anchors the two clocks
    scheduler.frame = 10_090; // a 90 ms task ran; three keys 2 ms apart waited behind it
    expect([eventTime(502), eventTime(504), eventTime(506)]).toEqual([10_002, 10_004, 10_006]);
  });

  it("re-anchors on a handler that ran sooner than any before", () => {
    const { scheduler, eventTime } = clockAt(10_000);
    scheduler.frame = 10_030;
    expect(eventTime(500)).toBe(10_030); // the first key waited 30 ms: not knowable yet
    scheduler.frame = 10_032;
    expect(eventTime(532)).toBe(10_032); // this one did not wait: the offset shrinks to the truth
    scheduler.frame = 10_040;
    expect(eventTime(533)).toBe(10_033); // handled 7 ms late, timed when it happened
  });

  it("follows the scheduler's clock when it jumps ahead by more than a second", () => {
    const { scheduler, eventTime } = clockAt(10_000);
    eventTime(500);
    scheduler.frame = 70_000; // the wall clock was set a minute forward
    expect(eventTime(510)).toBe(70_000);
  });

  it("times an event without a time stamp by the scheduler", () => {
    const { eventTime } = clockAt(10_000);
    expect(eventTime(0)).toBe(10_000);
  });
});
