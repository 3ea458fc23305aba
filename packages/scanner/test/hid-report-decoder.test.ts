import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeHidPosReport } from "../src/hid/report-decoder.js";
import { flushTruncatedHidScan, joinHidReport, type PendingHidScan } from "../src/hid/report-joiner.js";
import { HONEYWELL_FIXED_LAYOUT, hidPosReportLayout } from "../src/hid/report-layout.js";
import {
  honeywellPosCollections,
  newlandPosCollections,
  separateFieldsPosCollections,
} from "./fakes/hid-pos-descriptors.js";
import { hidPosScanReports } from "./fakes/hid-pos-reports.js";
import { latin1Bytes } from "./fakes/latin1-bytes.js";

const GS = "\u001d";

function view(bytes: number[] | Uint8Array): DataView {
  const array = Uint8Array.from(bytes);
  return new DataView(array.buffer);
}

// Honeywell report 2 without its id, written out byte by byte from the documented layout (research §4.2).
function honeywellReport(count: number, aim: string, data: string, flags: number): number[] {
  const bytes = new Array<number>(63).fill(0);
  bytes[0] = count;
  for (let i = 0; i < aim.length; i++) bytes[1 + i] = aim.charCodeAt(i);
  for (let i = 0; i < data.length; i++) bytes[4 + i] = data.charCodeAt(i);
  bytes[60] = 0x77; // HHP code id "w" (Data Matrix), ignored
  bytes[62] = flags;
  return bytes;
}

function text(bytes: Uint8Array): string {
  return String.fromCharCode(...bytes);
}

describe("decoding one HID POS input report", () => {
  it("reads a Honeywell report: AIM id, data with GS kept, not continued", () => {
    const data = `0109521234543213${GS}10ABC`;
    const report = decodeHidPosReport(HONEYWELL_FIXED_LAYOUT, 2, view(honeywellReport(data.length, "]d2", data, 0)));
    expect(report?.symbology).toBe("]d2");
    expect(text(report?.data ?? new Uint8Array())).toBe(data);
    expect(report?.continued).toBe(false);
  });

  it("reads the continued bit of the flags byte", () => {
    const report = decodeHidPosReport(HONEYWELL_FIXED_LAYOUT, 2, view(honeywellReport(1, "]d2", "0", 0x01)));
    expect(report?.continued).toBe(true);
  });

  it("keeps NUL bytes inside the data when the byte count says they are data", () => {
    const report = decodeHidPosReport(HONEYWELL_FIXED_LAYOUT, 2, view(honeywellReport(3, "]d1", "A\u0000B", 0)));
    expect(Array.from(report?.data ?? [])).toEqual([0x41, 0x00, 0x42]);
  });

  it("drops the NUL padding when the layout has no byte count", () => {
    const layout = hidPosReportLayout(separateFieldsPosCollections());
    if (!layout.ok) throw new Error("layout");
    const [only] = hidPosScanReports(separateFieldsPosCollections(), latin1Bytes("4006381333931"), { aim: "]E0" });
    const report = decodeHidPosReport(
      layout.value,
      only?.reportId ?? -1,
      new DataView(only?.bytes.buffer ?? new ArrayBuffer(0)),
    );
    expect(report).toEqual({ symbology: "]E0", data: latin1Bytes("4006381333931"), continued: false });
  });

  it("ignores a report with another report id", () => {
    expect(decodeHidPosReport(HONEYWELL_FIXED_LAYOUT, 3, view(honeywellReport(1, "]d2", "0", 0)))).toBeUndefined();
  });

  it("gives no symbology when the AIM fields are empty or hold something else", () => {
    expect(
      decodeHidPosReport(HONEYWELL_FIXED_LAYOUT, 2, view(honeywellReport(1, "", "0", 0)))?.symbology,
    ).toBeUndefined();
    expect(
      decodeHidPosReport(HONEYWELL_FIXED_LAYOUT, 2, view(honeywellReport(1, "d2]", "0", 0)))?.symbology,
    ).toBeUndefined();
  });

  it("clamps a byte count larger than the data field and reads a short report without throwing", () => {
    const tooLong = decodeHidPosReport(HONEYWELL_FIXED_LAYOUT, 2, view(honeywellReport(200, "]d2", "0", 0)));
    expect(tooLong?.data.length).toBe(56);
    const short = decodeHidPosReport(HONEYWELL_FIXED_LAYOUT, 2, view([5, 0x5d, 0x64, 0x32, 0x30, 0x31]));
    expect(short).toEqual({ symbology: "]d2", data: latin1Bytes("01"), continued: false });
    expect(decodeHidPosReport(HONEYWELL_FIXED_LAYOUT, 2, view([]))).toEqual({
      data: new Uint8Array(),
      continued: false,
    });
  });
});

describe("decoding and joining the reports of whole scans (property)", () => {
  const layouts = [
    ["Honeywell", honeywellPosCollections()],
    ["Newland", newlandPosCollections()],
  ] as const;

  for (const [name, collections] of layouts) {
    it(`gives back every byte of any scan, however the ${name} scanner splits it`, () => {
      const layoutResult = hidPosReportLayout(collections);
      if (!layoutResult.ok) throw new Error("layout");
      const layout = layoutResult.value;
      fc.assert(
        fc.property(
          fc.uint8Array({ minLength: 1, maxLength: 300 }),
          fc.integer({ min: 1, max: 56 }),
          (data, bytesPerReport) => {
            let pending: PendingHidScan | undefined;
            const completed: Uint8Array[] = [];
            for (const report of hidPosScanReports(collections, data, { aim: "]d2", bytesPerReport })) {
              const decoded = decodeHidPosReport(layout, report.reportId, new DataView(report.bytes.buffer));
              if (!decoded) throw new Error("not decoded");
              const step = joinHidReport(pending, decoded, 0);
              pending = step.pending;
              if (step.completed) completed.push(step.completed.data);
            }
            expect(pending).toBeUndefined();
            expect(completed).toEqual([data]);
          },
        ),
        { seed: 20261129, numRuns: 200 },
      );
    });
  }
});

describe("joining continued reports", () => {
  const part = (data: string, continued: boolean, symbology?: string) => ({
    ...(symbology ? { symbology } : {}),
    data: latin1Bytes(data),
    continued,
  });

  it("completes a one-report scan at once", () => {
    expect(joinHidReport(undefined, part("0109521234543213", false, "]d2"), 1000)).toEqual({
      completed: { symbology: "]d2", data: latin1Bytes("0109521234543213"), at: 1000, truncated: false },
    });
  });

  it("joins three reports, keeping the first report's time and AIM id", () => {
    let step = joinHidReport(undefined, part("AAA", true, "]Q3"), 1000);
    step = joinHidReport(step.pending, part("BBB", true), 1004);
    step = joinHidReport(step.pending, part("CC", false), 1008);
    expect(step).toEqual({
      completed: { symbology: "]Q3", data: latin1Bytes("AAABBBCC"), at: 1000, truncated: false },
    });
  });

  it("marks a scan ended before its last report as truncated", () => {
    const step = joinHidReport(undefined, part("AAA", true, "]d2"), 1000);
    if (!step.pending) throw new Error("pending");
    expect(flushTruncatedHidScan(step.pending)).toEqual({
      symbology: "]d2",
      data: latin1Bytes("AAA"),
      at: 1000,
      truncated: true,
    });
  });

  it("does not count an empty report as a scan", () => {
    expect(joinHidReport(undefined, part("", false), 1000)).toEqual({});
  });
});
