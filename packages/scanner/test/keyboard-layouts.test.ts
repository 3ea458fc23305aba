// The keyboard wedge on hosts whose layout is not the scanner's: each key is read by `event.key` and by
// `event.code`, and the reading that is valid data wins (research scanners.md §8 item 2, §9.2).
import { describe, expect, it } from "vitest";
import { TEST_LABELS } from "../src/test-labels.js";
import { charKeys, GS, hostKey, runReader, scannerKeys, T0, timed } from "./keyboard-fixtures.js";

const datamatrix = TEST_LABELS.find((label) => label.id === "gs1-datamatrix")?.expected;
if (datamatrix?.symbology === undefined) throw new Error("the GS1 DataMatrix test label is missing");
const labelData = datamatrix.symbology + datamatrix.text;

describe("keyboard layouts", () => {
  it("reads what the fixtures type the way the research measured it (AZERTY Digit1 is '&', QWERTZ ']' is '+')", () => {
    expect(charKeys("1", "azerty")).toEqual([
      { key: "&", code: "Digit1", ctrlKey: false, altKey: false, shiftKey: false },
    ]);
    expect(hostKey("]", "qwertz")).toBe("+");
    expect(hostKey("]", "azerty")).toBe("$");
  });

  it.each(["azerty", "qwertz"] as const)("repairs a US-set scanner on a %s host: AIM id, digits and GS", (host) => {
    const run = runReader(timed(scannerKeys(labelData, { host }), 2));
    expect(run.scans).toEqual([
      expect.objectContaining({
        text: datamatrix.text,
        symbology: "]d2",
        normalizations: ["gs:ctrl-]", "layout:us-codes"],
      }),
    ]);
  });

  it("repairs a GTIN without AIM id on AZERTY, where every digit arrives as a symbol", () => {
    const keys = scannerKeys("4006381333931", { host: "azerty" });
    expect(keys.slice(0, 3).map((key) => key.key)).toEqual(["'", "à", "à"]);
    const run = runReader(timed(keys, 2));
    expect(run.scans).toEqual([
      { text: "4006381333931", source: "keyboard", device: "keyboard", at: T0, normalizations: ["layout:us-codes"] },
    ]);
  });

  it("keeps the host's reading when the scanner types for the host layout (AZERTY digits are Shift+digit keys)", () => {
    const digits = [..."4006381333931"].map((digit) => ({
      key: digit,
      code: `Digit${digit}`,
      ctrlKey: false,
      altKey: false,
      shiftKey: true,
    }));
    const run = runReader(
      timed([...digits, { key: "Enter", code: "Enter", ctrlKey: false, altKey: false, shiftKey: false }], 2),
    );
    expect(run.scans).toEqual([{ text: "4006381333931", source: "keyboard", device: "keyboard", at: T0 }]);
  });

  it("takes the US reading on a tie once a scan showed the layouts differ (QWERTZ swaps Y and Z)", () => {
    const batchWithY = "0109521234543213" + "10YARD7";
    const first = timed(scannerKeys(batchWithY, { host: "qwertz" }), 2);
    // Both readings are valid GS1 on their own: the host's wins, as nothing says the layouts differ.
    expect(runReader(first).scans.map((scan) => scan.text)).toEqual(["0109521234543213" + "10ZARD7"]);
    const aimScan = timed(scannerKeys(labelData, { host: "qwertz" }), 2);
    const later = timed(scannerKeys(batchWithY, { host: "qwertz" }), 2, T0 + 1000);
    expect(runReader([...aimScan, ...later]).scans.map((scan) => scan.text)).toEqual([datamatrix.text, batchWithY]);
  });

  it("reads a key that is dead on the host from its physical place (QWERTZ '=')", () => {
    const data = "]d2" + "0109521234543213" + "10A=B";
    const keys = scannerKeys(data, { host: "qwertz" });
    expect(keys.some((key) => key.key === "Dead")).toBe(true);
    expect(runReader(timed(keys, 2)).scans.map((scan) => scan.text)).toEqual(["0109521234543213" + "10A=B"]);
  });

  it("follows the layout option: 'os' keeps the host's characters, 'us' always reads the physical keys", () => {
    const keys = timed(scannerKeys("4006381333931", { host: "azerty" }), 2);
    expect(runReader(keys, { layout: "os" }).scans.map((scan) => scan.text)).toEqual(['\'àà-"_&"""ç"&']);
    expect(runReader(keys, { layout: "us" }).scans.map((scan) => scan.text)).toEqual(["4006381333931"]);
  });

  it("takes letter case from Shift, not Caps Lock, and says so", () => {
    const run = runReader(timed(scannerKeys(labelData, { capsLock: true }), 2));
    expect(run.scans).toEqual([
      expect.objectContaining({
        text: datamatrix.text,
        symbology: "]d2",
        normalizations: ["case:caps-lock-ignored", "gs:ctrl-]"],
      }),
    ]);
    expect(datamatrix.text.endsWith(`ABC123${GS}21SER42`)).toBe(true);
  });

  it("reads keys that have no physical code (a virtual keyboard) by their characters, case from Shift", () => {
    const keys = scannerKeys("]C1010952123454321310ABC", { gs: "none", capsLock: true }).map((key) =>
      key.key === "Enter" ? key : { ...key, code: "" },
    );
    const run = runReader(timed(keys, 2));
    expect(run.scans).toEqual([expect.objectContaining({ symbology: "]C1", text: "010952123454321310ABC" })]);
  });

  it("reads Ctrl+] as GS by the physical key, whatever character the host puts on it", () => {
    for (const host of ["us", "azerty", "qwertz"] as const) {
      const data = `010952123454321310AB12${GS}21S1`;
      const run = runReader(timed(scannerKeys(`]C1${data}`, { host }), 2));
      expect(run.scans.map((scan) => scan.text)).toEqual([data]);
    }
  });
});
