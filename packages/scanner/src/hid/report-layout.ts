// Where a HID POS scanner puts the AIM id, the data, the byte count and the continued flag in its input report,
// read from the device's own report descriptor (WebHID `collections`), so no vendor switch is needed: Honeywell
// puts the AIM id in bytes 1–3, Newland and Unitech send no AIM id and the flag at byte 62 (research/scanners.md
// §4.2, §9.3). Devices that show a HID POS collection without usable items get Honeywell's documented layout.
import type { Result } from "@scangate/gs1";
import type { HidCollectionInfoLike, HidReportInfoLike } from "./hid-device-like.js";
import { BARCODE_SCANNER_PAGE, extendedUsage, HID_POS_USAGES, HONEYWELL_REM_PAGE } from "./hid-pos-usages.js";
import { allCollections, collectReports, type HidReportField, reportFields } from "./report-fields.js";

/** Byte and bit positions of a scanned-data input report. Offsets count from the first byte after the report id. */
export interface HidPosReportLayout {
  readonly reportId: number;
  /** Byte offset of the Byte Count field (valid data bytes in this report), when the device declares one. */
  readonly byteCountOffset?: number;
  /** Byte offsets of the symbology identifier characters ("]", code, modifier); empty when the report has none. */
  readonly symbologyOffsets: readonly number[];
  /** Byte offset and capacity of the Decoded Data field. */
  readonly dataOffset: number;
  readonly dataLength: number;
  /** The Decode Data Continued field, when declared; non-zero means more of the scan follows. */
  readonly continued?: { readonly bitOffset: number; readonly bitSize: number };
  /** Read from the descriptor, or Honeywell's fixed layout as the fallback. */
  readonly origin: "descriptor" | "honeywell-fixed";
}

/**
 * Honeywell's report 2 (`UsbRem.cpp`, `AndroidHidPos.cpp`, and Hand Held Products' "USB Interfaces" note):
 * `[count][AIM × 3][data × 56][HHP code id][reserved][flags: bit 0 = continued]`.
 */
export const HONEYWELL_FIXED_LAYOUT: HidPosReportLayout = {
  reportId: 2,
  byteCountOffset: 0,
  symbologyOffsets: [1, 2, 3],
  dataOffset: 4,
  dataLength: 56,
  continued: { bitOffset: 62 * 8, bitSize: 1 },
  origin: "honeywell-fixed",
};

/** Why a device cannot be read as a HID POS scanner. */
export interface HidPosLayoutError {
  readonly code: "NOT_POS_MODE";
  readonly message: string;
  /** The device shows a Generic Desktop Keyboard collection: it is a scanner in keyboard mode. */
  readonly hasKeyboard: boolean;
  /** The usage pages of the device's top-level collections, for the set-up screen. */
  readonly usagePages: readonly number[];
}

/**
 * Finds the scanned-data report of a HID POS scanner in its collections.
 *
 * @example
 * const layout = hidPosReportLayout(device.collections);
 * if (!layout.ok) console.warn(layout.error.message); // e.g. a scanner left in keyboard mode
 */
export function hidPosReportLayout(
  collections: readonly HidCollectionInfoLike[],
): Result<HidPosReportLayout, HidPosLayoutError> {
  for (const report of collectReports(collections, "inputReports")) {
    const layout = layoutFromReport(report);
    if (layout) return { ok: true, value: layout };
  }
  const every = allCollections(collections);
  if (every.some((c) => c.usagePage === BARCODE_SCANNER_PAGE || c.usagePage === HONEYWELL_REM_PAGE)) {
    return { ok: true, value: HONEYWELL_FIXED_LAYOUT };
  }
  const hasKeyboard = every.some((c) => extendedUsage(c.usagePage ?? 0, c.usage ?? 0) === HID_POS_USAGES.keyboard);
  const usagePages = [...new Set(collections.map((c) => c.usagePage ?? 0))];
  const shows = usagePages.map((page) => `0x${page.toString(16).padStart(2, "0")}`).join(", ") || "none";
  return {
    ok: false,
    error: {
      code: "NOT_POS_MODE",
      message: `no HID POS (usage page 0x8C) collection; the device shows usage pages ${shows}${hasKeyboard ? " (a keyboard)" : ""}`,
      hasKeyboard,
      usagePages,
    },
  };
}

function layoutFromReport(report: HidReportInfoLike): HidPosReportLayout | undefined {
  const fields = reportFields(report);
  const data = contiguousBytes(fields.filter((f) => f.usage === HID_POS_USAGES.decodedData));
  if (!data || data.length === 0) return undefined;
  const symbology = fields
    .filter((f) => isSymbologyUsage(f.usage) && isByteAligned(f))
    .sort((a, b) => (a.usage ?? 0) - (b.usage ?? 0) || a.bitOffset - b.bitOffset)
    .flatMap((f) => byteOffsetsOf(f));
  const byteCount = fields.find((f) => f.usage === HID_POS_USAGES.byteCount && isByteAligned(f) && f.bitSize === 8);
  const continued = fields.find((f) => f.usage === HID_POS_USAGES.decodeDataContinued && f.bitSize <= 32);
  return {
    reportId: report.reportId ?? 0,
    ...(byteCount ? { byteCountOffset: byteCount.bitOffset / 8 } : {}),
    symbologyOffsets: symbology,
    dataOffset: data.offset,
    dataLength: data.length,
    ...(continued ? { continued: { bitOffset: continued.bitOffset, bitSize: continued.bitSize } } : {}),
    origin: "descriptor",
  };
}

// Decoded Data may be 56 one-byte fields or one 448-bit buffered-bytes field; either way it must be whole bytes
// in one run, or the report is not one ScanGate can read.
function contiguousBytes(fields: readonly HidReportField[]): { offset: number; length: number } | undefined {
  const first = fields[0];
  if (!first) return undefined;
  let end = first.bitOffset;
  for (const field of fields) {
    if (!isByteAligned(field) || field.bitOffset !== end) return undefined;
    end += field.bitSize;
  }
  return { offset: first.bitOffset / 8, length: (end - first.bitOffset) / 8 };
}

function isSymbologyUsage(usage: number | undefined): boolean {
  return (
    usage === HID_POS_USAGES.symbologyIdentifier1 ||
    usage === HID_POS_USAGES.symbologyIdentifier2 ||
    usage === HID_POS_USAGES.symbologyIdentifier3
  );
}

function isByteAligned(field: HidReportField): boolean {
  return field.bitSize > 0 && field.bitSize % 8 === 0 && field.bitOffset % 8 === 0;
}

function byteOffsetsOf(field: HidReportField): number[] {
  return Array.from({ length: field.bitSize / 8 }, (_, index) => field.bitOffset / 8 + index);
}
