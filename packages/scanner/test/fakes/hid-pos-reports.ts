// Builds the input reports a HID POS scanner sends for one scan, by walking the fake's own descriptor (written
// here again, independently of src/hid, so the tests do not check the parser against itself).
import type { HidCollectionInfoLike, HidReportInfoLike, HidReportItemLike } from "../../src/hid/hid-device-like.js";
import { HID_POS_USAGES } from "../../src/hid/hid-pos-usages.js";

const U = HID_POS_USAGES;

/** One input report: its id and its bytes without the id, as WebHID's `inputreport` event carries them. */
export interface FakeInputReport {
  readonly reportId: number;
  readonly bytes: Uint8Array<ArrayBuffer>;
}

/** Options of {@link hidPosScanReports}. */
export interface ScanReportOptions {
  /** The AIM id written to the symbology fields (ignored by layouts without them). */
  readonly aim?: string;
  /** Bytes per report; defaults to the Decoded Data capacity. Smaller values split scans sooner. */
  readonly bytesPerReport?: number;
}

/** The reports that carry `data` on a device with these collections, continued flag set on all but the last. */
export function hidPosScanReports(
  collections: readonly HidCollectionInfoLike[],
  data: Uint8Array,
  options: ScanReportOptions = {},
): FakeInputReport[] {
  const report = scanDataReport(collections);
  const capacity = fieldsOf(report).filter((field) => field.usage === U.decodedData).length;
  const perReport = Math.min(options.bytesPerReport ?? capacity, capacity);
  const reports: FakeInputReport[] = [];
  for (let start = 0; start === 0 || start < data.length; start += perReport) {
    const chunk = data.subarray(start, start + perReport);
    const continued = start + perReport < data.length;
    reports.push({ reportId: report.reportId ?? 0, bytes: encode(report, chunk, continued, options.aim ?? "") });
  }
  return reports;
}

function scanDataReport(collections: readonly HidCollectionInfoLike[]): HidReportInfoLike {
  const all = (list: readonly HidCollectionInfoLike[]): HidReportInfoLike[] =>
    list.flatMap((c) => [...(c.inputReports ?? []), ...all(c.children ?? [])]);
  const found = all(collections).find((report) => fieldsOf(report).some((field) => field.usage === U.decodedData));
  if (!found) throw new Error("the fake device has no Decoded Data report");
  return found;
}

interface Field {
  readonly usage: number | undefined;
  readonly bitSize: number;
}

function fieldsOf(report: HidReportInfoLike): Field[] {
  return (report.items ?? []).flatMap((item) =>
    Array.from({ length: item.reportCount ?? 0 }, (_, index) => ({
      usage: usageOf(item, index),
      bitSize: item.reportSize ?? 0,
    })),
  );
}

function usageOf(item: HidReportItemLike, index: number): number | undefined {
  if (item.isRange) return Math.min((item.usageMinimum ?? 0) + index, item.usageMaximum ?? 0);
  const usages = item.usages ?? [];
  return usages[Math.min(index, usages.length - 1)];
}

function encode(
  report: HidReportInfoLike,
  chunk: Uint8Array,
  continued: boolean,
  aim: string,
): Uint8Array<ArrayBuffer> {
  const fields = fieldsOf(report);
  const bits = fields.reduce((total, field) => total + field.bitSize, 0);
  const bytes = new Uint8Array(Math.ceil(bits / 8));
  let bitOffset = 0;
  let dataIndex = 0;
  for (const field of fields) {
    let value = 0;
    if (field.usage === U.byteCount) value = chunk.length;
    else if (field.usage === U.symbologyIdentifier1) value = aim.charCodeAt(0) || 0;
    else if (field.usage === U.symbologyIdentifier2) value = aim.charCodeAt(1) || 0;
    else if (field.usage === U.symbologyIdentifier3) value = aim.charCodeAt(2) || 0;
    else if (field.usage === U.decodedData) value = chunk[dataIndex++] ?? 0;
    else if (field.usage === U.decodeDataContinued) value = continued ? 1 : 0;
    for (let bit = 0; bit < field.bitSize; bit++) {
      if ((value >> bit) & 1) {
        const at = bitOffset + bit;
        bytes[at >> 3] = (bytes[at >> 3] ?? 0) | (1 << (at & 7));
      }
    }
    bitOffset += field.bitSize;
  }
  return bytes;
}
