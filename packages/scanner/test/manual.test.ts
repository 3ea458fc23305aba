// manual(): codes a cashier types join the stream as scans of source "manual", with a typed AIM id split off.
import { firstValueFrom, Observable, Subject, toArray } from "rxjs";
import { TestScheduler } from "rxjs/testing";
import { describe, expect, it } from "vitest";
import { manual } from "../src/manual.js";
import { mergeSources } from "../src/operators/merge-sources.js";
import { testScanSource } from "./scan-source-conformance.js";

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

describe("manual", () => {
  it("turns each typed code into a scan, timed by the injected scheduler", () => {
    const scheduler = newScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const typed$ = hot("-- 98ms a 99ms b", { a: "9521234543213", b: "(01)09521234543213(10)ABC" });
      expectObservable(manual(typed$, { scheduler }).scans$).toBe("100ms a 99ms b", {
        a: { text: "9521234543213", source: "manual", device: "manual", at: 100 },
        b: { text: "(01)09521234543213(10)ABC", source: "manual", device: "manual", at: 200 },
      });
    });
  });

  it("splits a leading AIM id typed by hand into symbology", () => {
    const scheduler = newScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const typed$ = hot("a b", { a: "]E09521234543213", b: "]Q1https://id.gs1.org/01/09521234543213" });
      expectObservable(manual(typed$, { scheduler }).scans$).toBe("a b", {
        a: { text: "9521234543213", symbology: "]E0", source: "manual", device: "manual", at: 0 },
        b: {
          text: "https://id.gs1.org/01/09521234543213",
          symbology: "]Q1",
          source: "manual",
          device: "manual",
          at: 1,
        },
      });
    });
  });

  it("trims white space and ignores blank input and a lone AIM id", () => {
    const scheduler = newScheduler();
    scheduler.run(({ hot, expectObservable }) => {
      const typed$ = hot("a b c d", { a: "   ", b: " 9521234543213\n", c: "]E0", d: "" });
      expectObservable(manual(typed$, { scheduler }).scans$).toBe("- b", {
        b: { text: "9521234543213", source: "manual", device: "manual", at: 1 },
      });
    });
  });

  it("is a source of kind manual, ready while subscribed, that merges with the scanners", async () => {
    const typed$ = new Subject<string>();
    const source = manual(typed$);
    expect(source.kind).toBe("manual");
    expect(await firstValueFrom(source.status$)).toEqual({ state: "idle", device: "manual" });
    const collected = firstValueFrom(mergeSources(source).scans$.pipe(toArray()));
    expect(await firstValueFrom(source.status$)).toEqual({ state: "ready", device: "manual" });
    typed$.next("]C1010952123454321310ABC");
    typed$.complete();
    expect(await collected).toEqual([
      expect.objectContaining({ text: "010952123454321310ABC", symbology: "]C1", source: "manual", device: "manual" }),
    ]);
  });

  it("shares one subscription to the typed text between subscribers", () => {
    newScheduler().run(({ hot, expectObservable, expectSubscriptions }) => {
      const typed$ = hot("a", { a: "123" });
      const { scans$ } = manual(typed$);
      expectObservable(scans$).toBe("a", { a: expect.objectContaining({ text: "123" }) });
      expectObservable(scans$).toBe("a", { a: expect.objectContaining({ text: "123" }) });
      expectSubscriptions(typed$.subscriptions).toBe("^");
    });
  });
});

testScanSource("manual", () => {
  const typed = new Subject<string>();
  const input = { open: false, opened: 0 };
  const text$ = new Observable<string>((subscriber) => {
    input.open = true;
    input.opened++;
    const subscription = typed.subscribe(subscriber);
    return () => {
      input.open = false;
      subscription.unsubscribe();
    };
  });
  return {
    source: manual(text$),
    isOpen: () => input.open,
    openCount: () => input.opened,
    scan: (text) => typed.next(text),
    // The typed-code input breaks, e.g. the form that fed it was torn down with an error.
    fail: () => typed.error(new Error("input field removed")),
    settle: () => Promise.resolve(),
  };
});
