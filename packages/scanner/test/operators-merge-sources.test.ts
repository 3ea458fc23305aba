// mergeSources: several scanners on one till become one stream of scans, each tagged with where it came from,
// and one status that says whether the till can scan.
import { NEVER } from "rxjs";
import { TestScheduler } from "rxjs/testing";
import { describe, expect, it } from "vitest";
import { mergeSources } from "../src/operators/merge-sources.js";
import type { Scan, ScannerStatus, ScanSource, ScanSourceKind } from "../src/types.js";

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));

const scan = (text: string, fields: Partial<Scan> = {}): Scan => ({ text, source: "keyboard", at: 0, ...fields });

describe("mergeSources", () => {
  it("merges the scans of every source, tagged with the source's kind and device", () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const wedge: ScanSource = {
        kind: "keyboard",
        scans$: cold("a 9ms b", { a: scan("111"), b: scan("222", { device: "keyboard" }) }),
        status$: NEVER,
      };
      const camera: ScanSource = {
        kind: "camera",
        scans$: cold("4ms c", { c: scan("333", { source: "keyboard", device: "camera:rear" }) }),
        status$: NEVER,
      };
      expectObservable(mergeSources(wedge, camera).scans$).toBe("a 3ms c 5ms b", {
        a: scan("111", { source: "keyboard", device: "keyboard" }),
        b: scan("222", { source: "keyboard", device: "keyboard" }),
        c: scan("333", { source: "camera", device: "camera:rear" }),
      });
    });
  });

  it("numbers the device of two sources of one kind that do not name their devices", () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const hid = (text: string): ScanSource => ({ kind: "hid", scans$: cold("a", { a: scan(text) }), status$: NEVER });
      expectObservable(mergeSources(hid("1"), hid("2")).scans$).toBe("(ab)", {
        a: scan("1", { source: "hid", device: "hid:1" }),
        b: scan("2", { source: "hid", device: "hid:2" }),
      });
    });
  });

  it("combines the statuses: ready while any source is ready, with each source's own status", () => {
    newScheduler().run(({ cold, expectObservable }) => {
      const unplugged: ScannerStatus = {
        state: "disconnected",
        device: "hid:0c2e:0b07",
        diagnostic: { code: "hid.disconnected", message: "The scanner was unplugged" },
      };
      const source = (kind: ScanSourceKind, status$: ScanSource["status$"]): ScanSource => ({
        kind,
        scans$: NEVER,
        status$,
      });
      const hid = source("hid", cold("5ms r 9ms u", { r: { state: "ready" }, u: unplugged }));
      const camera = source("camera", cold("10ms c", { c: { state: "connecting" } }));
      const part = (kind: ScanSourceKind, status: ScannerStatus) => ({ kind, device: kind, status });
      expectObservable(mergeSources(hid, camera).status$).toBe("i 4ms r 4ms c 4ms u", {
        i: { state: "idle", sources: [part("hid", { state: "idle" }), part("camera", { state: "idle" })] },
        r: { state: "ready", sources: [part("hid", { state: "ready" }), part("camera", { state: "idle" })] },
        c: { state: "ready", sources: [part("hid", { state: "ready" }), part("camera", { state: "connecting" })] },
        u: {
          state: "connecting",
          diagnostic: unplugged.diagnostic,
          sources: [part("hid", unplugged), part("camera", { state: "connecting" })],
        },
      });
    });
  });

  it("subscribes to each source only while the merged scans are subscribed", () => {
    newScheduler().run(({ cold, expectObservable, expectSubscriptions }) => {
      const scans$ = cold("a 9ms a", { a: scan("1") });
      const merged = mergeSources({ kind: "keyboard", scans$, status$: NEVER });
      expectObservable(merged.scans$, "^ 4ms !").toBe("a", { a: scan("1", { device: "keyboard" }) });
      expectSubscriptions(scans$.subscriptions).toBe("^ 4ms !");
    });
  });

  it("needs at least one source", () => {
    expect(() => mergeSources()).toThrow(TypeError);
  });
});
