// The keyboard wedge's timing core on virtual time: scanner bursts become scans, typing never does.
import { describe, expect, it } from "vitest";
import { TEST_LABELS } from "../src/test-labels.js";
import { GS, runReader, scannerKeys, schedule, T0, timed, typedKeys, virtualReader } from "./keyboard-fixtures.js";

const datamatrix = TEST_LABELS.find((label) => label.id === "gs1-datamatrix")?.expected;
if (datamatrix?.symbology === undefined) throw new Error("the GS1 DataMatrix test label is missing");
const label = { symbology: datamatrix.symbology, text: datamatrix.text };
const labelData = label.symbology + label.text;

const expectedLabelScan = {
  text: label.text,
  symbology: "]d2",
  symbologySource: "device",
  source: "keyboard",
  device: "keyboard",
  at: T0,
  normalizations: ["gs:ctrl-]"],
};

// A person's keystrokes: 80–250 ms apart, with rollover pairs (the next key down 5–30 ms after the last).
const HUMAN_GAPS_MS = [140, 12, 210, 95, 180, 8, 250, 120, 80, 25, 160, 130, 30, 200, 110, 90, 5, 170, 240];

describe("keyboard wedge timing", () => {
  it.each([2, 10, 35])("takes a scanner burst at %i ms per key as one scan, exactly", (gapMs) => {
    const run = runReader(timed(scannerKeys(labelData), gapMs));
    expect(run.scans).toEqual([expectedLabelScan]);
    expect(label.text).toContain(GS);
  });

  it("takes a burst at 80 ms per key for typing, not a scan", () => {
    const run = runReader(timed(scannerKeys(labelData), 80));
    expect(run.scans).toEqual([]);
    expect(run.released).toEqual([]);
  });

  it("never takes typing at 80–250 ms with rollover pairs for a scan, nor holds any of it back", () => {
    const text = "Tomatoes 2kg, 1 box of 24 eggs";
    const run = runReader(timed(typedKeys(text), (index) => HUMAN_GAPS_MS[index % HUMAN_GAPS_MS.length] ?? 150));
    expect(run.scans).toEqual([]);
    expect(run.released).toEqual([]);
    expect(run.verdicts).not.toContain("detect");
    expect(run.verdicts).not.toContain("take");
  });

  it("holds back a scan's keys from the fourth on, and its suffix", () => {
    const run = runReader(timed(scannerKeys("4006381333931"), 2));
    expect(run.verdicts.slice(0, 5)).toEqual(["start", "collect", "collect", "detect", "take"]);
    expect(run.verdicts.at(-1)).toBe("take");
    expect(run.scans.map((scan) => scan.text)).toEqual(["4006381333931"]);
  });

  it("absorbs one browser pause of up to 80 ms inside a scan", () => {
    const run = runReader(timed(scannerKeys(labelData), (index) => (index === 20 ? 78 : 3)));
    expect(run.scans).toEqual([expectedLabelScan]);
  });

  it("ends a scan on Tab as on Enter, and on 100 ms of silence without a suffix", () => {
    const tab = runReader(timed(scannerKeys("4006381333931", { suffix: "Tab" }), 2));
    expect(tab.scans.map((scan) => scan.text)).toEqual(["4006381333931"]);
    expect(tab.emittedAt).toEqual([T0 + 13 * 2]);
    const idle = runReader(timed(scannerKeys("4006381333931", { suffix: "none" }), 2));
    expect(idle.scans.map((scan) => scan.text)).toEqual(["4006381333931"]);
    expect(idle.emittedAt).toEqual([T0 + 12 * 2 + 100]);
  });

  it("waits 4 × the median gap when that is longer than 100 ms", () => {
    const run = runReader(timed(scannerKeys("4006381333931", { suffix: "none" }), 30));
    expect(run.emittedAt).toEqual([T0 + 12 * 30 + 120]);
  });

  it("drops a burst shorter than minLength, and takes it when minLength allows", () => {
    expect(runReader(timed(scannerKeys("12345"), 2)).scans).toEqual([]);
    const short = runReader(timed(scannerKeys("12345"), 2), { minLength: 5 });
    expect(short.scans.map((scan) => scan.text)).toEqual(["12345"]);
  });

  it("gives back the characters of fast typing held back for a moment, when it turns out too short", () => {
    const run = runReader(timed([...typedKeys("dear"), ...typedKeys(" friend")], (index) => (index < 3 ? 20 : 200)));
    expect(run.verdicts.slice(0, 4)).toEqual(["start", "collect", "collect", "detect"]);
    expect(run.released).toEqual(["dear"]);
    expect(run.scans).toEqual([]);
  });

  it("never takes a held key's auto-repeat for a scan", () => {
    const held = Array.from({ length: 30 }, (_, index) => ({
      key: "0",
      code: "Digit0",
      ctrlKey: false,
      altKey: false,
      shiftKey: false,
      repeat: index > 0,
    }));
    const run = runReader(timed(held, (index) => (index === 0 ? 500 : 33)));
    expect(run.scans).toEqual([]);
  });

  it("reads a scan that follows typing as soon as the typing pauses", () => {
    const typing = timed(typedKeys("qty"), 150);
    const scan = timed(scannerKeys("4006381333931"), 2, T0 + 2 * 150 + 120);
    const run = runReader([...typing, ...scan]);
    expect(run.scans.map((found) => found.text)).toEqual(["4006381333931"]);
  });

  it("takes a burst after a prefix key whatever its speed, and leaves the prefix out", () => {
    const keys = [
      { key: "F9", code: "F9", ctrlKey: false, altKey: false, shiftKey: false },
      ...scannerKeys("4006381333931"),
    ];
    const run = runReader(timed(keys, 120), { prefixKeys: ["F9"] });
    expect(run.scans.map((scan) => scan.text)).toEqual(["4006381333931"]);
    expect(run.verdicts[0]).toBe("scan-start");
  });
});

describe("calibrate()", () => {
  const slowGapMs = (index: number) => 82 + ((index * 7) % 19); // 82–100 ms, a Zebra on its default delay

  it("fits the limits to a slow scanner, which is then read", async () => {
    const run = virtualReader();
    schedule(run, timed(scannerKeys(labelData), slowGapMs));
    run.scheduler.flush();
    expect(run.scans).toEqual([]);

    const calibration = run.reader.calibrate();
    schedule(run, timed(scannerKeys(labelData), slowGapMs, run.scheduler.now() + 1000));
    run.scheduler.flush();
    const result = await calibration;
    expect(result).toEqual({
      ok: true,
      value: expect.objectContaining({
        applied: true,
        medianGapMs: 91,
        p90GapMs: 98,
        thresholds: { maxMedianGapMs: 147, maxGapMs: 150 },
      }),
    });
    expect(result.ok && result.value.setting).toMatch(/delay between keystrokes/i);
    expect(run.scans).toEqual([]); // the calibration scan itself is not a scan

    const at = run.scheduler.now() + 1000;
    schedule(run, timed(scannerKeys(labelData), slowGapMs, at));
    run.scheduler.flush();
    expect(run.scans).toEqual([{ ...expectedLabelScan, at }]);
  });

  it("only reports the limits with apply: false", async () => {
    const run = virtualReader();
    const calibration = run.reader.calibrate({ apply: false });
    schedule(run, timed(scannerKeys(labelData), slowGapMs));
    run.scheduler.flush();
    expect(await calibration).toMatchObject({ ok: true, value: { applied: false } });
    schedule(run, timed(scannerKeys(labelData), slowGapMs, run.scheduler.now() + 1000));
    run.scheduler.flush();
    expect(run.scans).toEqual([]);
  });

  it("keeps the defaults for a fast scanner", async () => {
    const run = virtualReader();
    const calibration = run.reader.calibrate();
    schedule(run, timed(scannerKeys(labelData), 2));
    run.scheduler.flush();
    const result = await calibration;
    expect(result).toMatchObject({ ok: true, value: { thresholds: { maxMedianGapMs: 35, maxGapMs: 80 } } });
    expect(result.ok && "setting" in result.value).toBe(false);
  });

  it("refuses typing speed, a burst too short, a second calibration, and waiting forever", async () => {
    const typing = virtualReader();
    const tooSlow = typing.reader.calibrate();
    expect(await typing.reader.calibrate()).toMatchObject({ ok: false, error: { code: "CALIBRATION_IN_PROGRESS" } });
    schedule(typing, timed(typedKeys("hello there"), 200));
    typing.scheduler.flush();
    expect(await tooSlow).toMatchObject({ ok: false, error: { code: "CALIBRATION_TOO_SLOW" } });

    const short = virtualReader();
    const tooShort = short.reader.calibrate();
    schedule(short, timed(scannerKeys("123"), 2));
    short.scheduler.flush();
    expect(await tooShort).toMatchObject({ ok: false, error: { code: "CALIBRATION_TOO_FEW_KEYS" } });

    const idle = virtualReader();
    const timeout = idle.reader.calibrate({ timeoutMs: 5000 });
    idle.scheduler.flush();
    expect(await timeout).toMatchObject({ ok: false, error: { code: "CALIBRATION_TIMEOUT" } });
    expect(idle.scheduler.now()).toBe(T0 + 5000);
  });
});
