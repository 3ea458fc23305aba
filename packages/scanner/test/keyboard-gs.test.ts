// GS and the AIM id through a keyboard wedge: every way scanners type GS comes back as ASCII 29, and a transmitted
// AIM id moves to `symbology` (research scanners.md §3.4, §9.2).
import { describe, expect, it } from "vitest";
import { createKeyDecoder } from "../src/keyboard/key-decoder.js";
import { GS, type GsMethod, runReader, scannerKeys, T0, timed } from "./keyboard-fixtures.js";

const GTIN = "0109521234543213"; // AI (01) and GS1's example GTIN
const elementString = `${GTIN}10ABC123${GS}21SER42`;

describe("GS through a keyboard wedge", () => {
  it.each<[GsMethod, string]>([
    ["ctrl", "gs:ctrl-]"],
    ["alt", "gs:alt-0029"],
    ["F8", "gs:key:F8"],
    ["|", "gs:substitute:|"],
    ["{GS}", "gs:substitute:{GS}"],
  ])("turns GS sent as %s back into ASCII 29", (gs, normalization) => {
    const options = { keyMap: { F8: GS }, gsSubstitutes: ["|", "{GS}"] };
    const run = runReader(timed(scannerKeys(`]d2${elementString}`, { gs }), 2), options);
    expect(run.scans).toEqual([
      {
        text: elementString,
        symbology: "]d2",
        symbologySource: "device",
        source: "keyboard",
        device: "keyboard",
        at: T0,
        normalizations: [normalization],
      },
    ]);
  });

  it("leaves no Alt+0029 digits in the data, also when the sequence ends the scan", () => {
    const atEnd = runReader(timed(scannerKeys(`]C1${GTIN}10AB${GS}`, { gs: "alt", suffix: "none" }), 2));
    expect(atEnd.scans.map((scan) => scan.text)).toEqual([`${GTIN}10AB${GS}`]);
    const twice = runReader(timed(scannerKeys(`]d2${elementString}${GS}240X`, { gs: "alt" }), 2));
    expect(twice.scans.map((scan) => scan.text)).toEqual([`${elementString}${GS}240X`]);
  });

  it("keeps the Alt sequences of two scans apart when a pause separates them", () => {
    const first = timed(scannerKeys(`]C1${GTIN}10AB${GS}`, { gs: "alt", suffix: "none" }), 2);
    // 90 ms: past the 80 ms gap limit, inside the 100 ms idle, so the next key is what ends the first scan.
    const pauseEnd = (first.at(-1)?.at ?? T0) + 90;
    const second = timed(scannerKeys(`${GS}${GTIN}`, { gs: "alt", suffix: "none" }), 2, pauseEnd);
    const run = runReader([...first, ...second]);
    expect(run.scans.map((scan) => scan.text)).toEqual([`${GTIN}10AB${GS}`, `${GS}${GTIN}`]);
  });

  it("reads a substitute as GS without an AIM id only when the data then parses as GS1", () => {
    const gs1 = runReader(timed(scannerKeys(elementString, { gs: "|" }), 2), { gsSubstitutes: ["|"] });
    expect(gs1.scans.map((scan) => scan.text)).toEqual([elementString]);
    const text = runReader(timed(scannerKeys("ORDER|4711|B", { gs: "none" }), 2), { gsSubstitutes: ["|"] });
    expect(text.scans.map((scan) => scan.text)).toEqual(["ORDER|4711|B"]);
  });

  it("never reads a substitute as GS behind a plain symbology's AIM id (a '|' in a QR Code URL stays)", () => {
    const url = "]Q1https://example.com/a|b";
    const run = runReader(timed(scannerKeys(url, { gs: "none" }), 2), { gsSubstitutes: ["|"] });
    expect(run.scans).toEqual([expect.objectContaining({ symbology: "]Q1", text: "https://example.com/a|b" })]);
    expect(run.scans[0]?.normalizations).toBeUndefined();
  });

  it("keeps a leading GS sent in place of an AIM id, and notes it", () => {
    const run = runReader(timed(scannerKeys(GS + elementString), 2));
    expect(run.scans).toEqual([
      {
        text: GS + elementString,
        source: "keyboard",
        device: "keyboard",
        at: T0,
        normalizations: ["gs:ctrl-]", "aim:leading-gs"],
      },
    ]);
  });

  it("refuses a keyMap entry that is not one character, as a programming error", () => {
    expect(() => createKeyDecoder({ suffixKeys: [], prefixKeys: [], keyMap: { F8: "{GS}" } })).toThrow(RangeError);
  });
});

describe("the AIM id through a keyboard wedge", () => {
  it("moves a transmitted AIM id to symbology", () => {
    const run = runReader(timed(scannerKeys("]E04006381333931"), 2));
    expect(run.scans).toEqual([
      {
        text: "4006381333931",
        symbology: "]E0",
        symbologySource: "device",
        source: "keyboard",
        device: "keyboard",
        at: T0,
      },
    ]);
  });

  it("leaves symbology out when the scanner sends no AIM id", () => {
    const run = runReader(timed(scannerKeys(elementString), 2));
    expect(run.scans).toEqual([
      { text: elementString, source: "keyboard", device: "keyboard", at: T0, normalizations: ["gs:ctrl-]"] },
    ]);
  });

  it("emits nothing for an AIM id alone", () => {
    expect(runReader(timed(scannerKeys("]d2"), 2), { minLength: 3 }).scans).toEqual([]);
  });
});
