// dualMarked on virtual time: a pack with an EAN-13 and a GS1 DataMatrix is one item, and the DataMatrix (with its
// expiry and batch) is the read that counts; GS1 scanning modes 1, 2 and 3 all end up as one scan per pack.
import { TestScheduler } from "rxjs/testing";
import { describe, expect, it } from "vitest";
import { dualMarked } from "../src/operators/dual-marked.js";
import type { Scan } from "../src/types.js";

const newScheduler = () => new TestScheduler((actual, expected) => expect(actual).toEqual(expected));
const GS = "\u001d";
const gs1 = { today: "2026-11-29" };

const scan = (text: string, symbology?: string): Scan =>
  symbology === undefined ? { text, source: "hid", at: 0 } : { text, symbology, source: "hid", at: 0 };

const ean = scan("9521234543213", "]E0");
const dataMatrix = scan(`01095212345432131729123110ABC123${GS}21SER42`, "]d2");
const otherSerial = scan(`01095212345432131729123110ABC123${GS}21SER43`, "]d2");
const otherBatch = scan("https://id.gs1.org/01/09521234543213/10/XYZ9?17=291231", "]Q1");
const payment = scan("134567890123456789", "]C0");
const url = scan("https://example.com/menu", "]Q1");
const values = { e: ean, d: dataMatrix, x: otherSerial, b: otherBatch, p: payment, u: url };

describe("dualMarked", () => {
  it("lets the DataMatrix through alone when the pack's EAN-13 came just before it", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold("e 49ms d", values).pipe(dualMarked({ gs1, scheduler }))).toBe("50ms d", values);
    });
  });

  it("drops the EAN-13 that follows its pack's DataMatrix within the window", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold("d 99ms e 799ms e", values).pipe(dualMarked({ gs1, scheduler }))).toBe("d", values);
    });
  });

  it("lets a lone EAN-13 through once nothing richer came within 150 ms", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold("e", values).pipe(dualMarked({ gs1, scheduler }))).toBe("150ms e", values);
    });
  });

  it("replaces an EAN-13 already let through when the pack's DataMatrix arrives later in the window", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold("e 399ms d", values).pipe(dualMarked({ gs1, scheduler }))).toBe("150ms e 249ms s", {
        e: ean,
        s: { ...dataMatrix, supersedes: ean },
      });
    });
  });

  it("counts a second barcode of the same GTIN after the window as another pack", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold("d 1099ms e", values).pipe(dualMarked({ gs1, scheduler }))).toBe("d 1249ms e", values);
    });
  });

  it("counts the same EAN-13 scanned twice as two items", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold("e 49ms e", values).pipe(dualMarked({ gs1, scheduler }))).toBe("50ms e 149ms e", values);
    });
  });

  it("counts two 2D codes of one GTIN with different serials or batches as two packs", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold("d 9ms x 9ms b", values).pipe(dualMarked({ gs1, scheduler }))).toBe(
        "d 9ms x 9ms b",
        values,
      );
    });
  });

  it("lets payment codes and URLs through at once, after a held EAN-13, so the order is kept", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold("e 9ms p 9ms u", values).pipe(dualMarked({ gs1, scheduler }))).toBe(
        "10ms (ep) 6ms u",
        values,
      );
    });
  });

  describe("GS1 scanning mode 3", () => {
    const setScan = (setId: string, of: Scan) => scan(`${setId}${of.symbology}${of.text}`);
    const read = (setId: string, of: Scan): Scan => ({
      ...of,
      symbologySource: "device",
      normalizations: [`mode3:set-id:${setId}`],
    });

    it("merges the labels of one set into the richest and removes the set identifier", () => {
      const scheduler = newScheduler();
      scheduler.run(({ cold, expectObservable }) => {
        const input = { e: setScan("12345678", ean), d: setScan("12345678", dataMatrix) };
        expectObservable(cold("e 9ms d", input).pipe(dualMarked({ gs1, scheduler }))).toBe("10ms d", {
          d: read("12345678", dataMatrix),
        });
      });
    });

    it("counts two sets as two packs even within the window", () => {
      const scheduler = newScheduler();
      scheduler.run(({ cold, expectObservable }) => {
        const input = { e: setScan("12345678", ean), d: setScan("87654321", dataMatrix) };
        expectObservable(cold("e 9ms d", input).pipe(dualMarked({ gs1, scheduler }))).toBe("10ms (ed)", {
          e: read("12345678", ean),
          d: read("87654321", dataMatrix),
        });
      });
    });

    it("takes a reader for another set-identifier layout", () => {
      const scheduler = newScheduler();
      scheduler.run(({ cold, expectObservable }) => {
        const tagged = (of: Scan): Scan => ({ ...of, device: "set:42" });
        const readSetId = (of: Scan) => (of.device === "set:42" ? { setId: "42", scan: of } : undefined);
        const input = { d: tagged(dataMatrix), x: tagged({ ...ean, symbology: "]C1", text: "0109521234543213" }) };
        expectObservable(cold("d 9ms x", input).pipe(dualMarked({ gs1, scheduler, readSetId }))).toBe("d", input);
      });
    });
  });

  it("with holdMs 0 lets every read through at once and marks the richer one as superseding", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold("e 9ms d", values).pipe(dualMarked({ gs1, scheduler, holdMs: 0 }))).toBe("e 9ms s", {
        e: ean,
        s: { ...dataMatrix, supersedes: ean },
      });
    });
  });

  it("releases a held EAN-13 when the scans end, and drops it when unsubscribed", () => {
    const scheduler = newScheduler();
    scheduler.run(({ cold, expectObservable }) => {
      expectObservable(cold("e 9ms |", values).pipe(dualMarked({ gs1, scheduler }))).toBe("10ms (e|)", values);
      expectObservable(cold("e", values).pipe(dualMarked({ gs1, scheduler })), "^ 99ms !").toBe("", values);
    });
  });

  it("refuses negative timings", () => {
    expect(() => dualMarked({ holdMs: -5 })).toThrow(RangeError);
  });
});
