// dedupe on virtual time: a camera's 15–30 reads a second of one pack become one scan, and the pack counts again
// once it has been out of sight or the window has passed.
import { TestScheduler } from "rxjs/testing";
import { describe, expect, it } from "vitest";
import { dedupe } from "../src/operators/dedupe.js";
import type { Scan } from "../src/types.js";

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

const scan = (text: string, symbology?: string): Scan =>
  symbology === undefined ? { text, source: "camera", at: 0 } : { text, symbology, source: "camera", at: 0 };

const values = {
  a: scan("0109521234543213", "]d2"),
  b: scan("9521234543213", "]E0"),
  c: scan("9521234543213", "]C0"),
};

/** A marble of `count` reads of one value, `gapMs` apart. */
const reads = (value: string, count: number, gapMs: number) =>
  Array(count)
    .fill(value)
    .join(` ${gapMs - 1}ms `);

describe("dedupe", () => {
  it("lets the first read of a pack through and drops the camera's repeats while it stays in view", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const frames$ = cold(reads("a", 15, 67), values); // one second at 15 decodes per second
      expectObservable(frames$.pipe(dedupe({ scheduler }))).toBe("a", values);
    });
  });

  it("counts the pack again once it was out of sight for 400 ms", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const frames$ = cold("a 99ms a 399ms a 398ms a", values); // at 0, 100, 500 (400 ms gap), 899 (399 ms gap)
      expectObservable(frames$.pipe(dedupe({ scheduler }))).toBe("a 499ms a", values);
    });
  });

  it("counts a pack held in view again after 1500 ms", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const frames$ = cold(reads("a", 31, 100), values); // 0 … 3000 ms, every 100 ms
      expectObservable(frames$.pipe(dedupe({ scheduler }))).toBe("a 1499ms a 1499ms a", values);
    });
  });

  it("lets each of two interleaved codes through once", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const frames$ = cold("a 49ms b 49ms a 49ms b 49ms a 49ms b", values);
      expectObservable(frames$.pipe(dedupe({ scheduler }))).toBe("a 49ms b", values);
    });
  });

  it("keys on the symbology too: the same digits as EAN-13 and as Code 128 are two codes", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const frames$ = cold("b 9ms c 9ms b 9ms c", values);
      expectObservable(frames$.pipe(dedupe({ scheduler }))).toBe("b 9ms c", values);
    });
  });

  it("takes its timings from the options", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      const frames$ = cold("a 99ms a 99ms a 2999ms a", values); // at 0, 100, 200, 3200
      const once = dedupe({ absentMs: 100, windowMs: Number.POSITIVE_INFINITY, scheduler });
      expectObservable(frames$.pipe(once)).toBe("a 99ms a 99ms a 2999ms a", values);
      const neverAgain = dedupe({ absentMs: 5000, windowMs: Number.POSITIVE_INFINITY, scheduler });
      expectObservable(frames$.pipe(neverAgain)).toBe("a", values);
    });
  });

  it("uses asyncScheduler by default, which TestScheduler.run makes virtual", () => {
    newScheduler().run(({ cold, expectObservable }) => {
      expectObservable(cold("a 99ms a 499ms a|", values).pipe(dedupe())).toBe("a 599ms a|", values);
    });
  });

  it("passes errors and completion on", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold("a a #", values).pipe(dedupe({ scheduler }))).toBe("a - #", values);
    });
  });

  it("refuses negative timings", () => {
    expect(() => dedupe({ absentMs: -1 })).toThrow(RangeError);
  });
});
