// One HID POS input report → its AIM id, data bytes and continued flag, by the layout read from the descriptor.
// Pure: a DataView in, values out; short or odd reports are read as far as they go, never thrown on.
import { splitAimPrefix } from "../aim-prefix.js";
import type { HidPosReportLayout } from "./report-layout.js";

/** What one input report says. */
export interface HidPosReport {
  /** The AIM id from the symbology fields ("]" + code + modifier); absent when they are empty or hold no AIM id. */
  readonly symbology?: string;
  /** The valid data bytes of this report (a copy, owned by the caller). */
  readonly data: Uint8Array;
  /** More of the same scan follows in the next report. */
  readonly continued: boolean;
}

/**
 * Decodes one input report, or returns undefined for a report that is not the scanned-data report.
 *
 * The valid length comes from the Byte Count field when there is one; otherwise trailing NULs (the padding of a
 * fixed-size data field) are dropped.
 *
 * @example
 * device.addEventListener("inputreport", (event) => {
 *   const report = decodeHidPosReport(layout, event.reportId, event.data);
 * });
 */
export function decodeHidPosReport(
  layout: HidPosReportLayout,
  reportId: number,
  data: DataView,
): HidPosReport | undefined {
  if (reportId !== layout.reportId) return undefined;
  const capacity = Math.max(0, Math.min(layout.dataLength, data.byteLength - layout.dataOffset));
  const bytes = new Uint8Array(data.buffer, data.byteOffset + Math.min(layout.dataOffset, data.byteLength), capacity);
  const count =
    layout.byteCountOffset !== undefined && layout.byteCountOffset < data.byteLength
      ? Math.min(data.getUint8(layout.byteCountOffset), capacity)
      : lengthWithoutTrailingNuls(bytes);
  const symbology = symbologyOf(layout, data);
  return {
    ...(symbology ? { symbology } : {}),
    data: bytes.slice(0, count),
    continued: layout.continued ? readBits(data, layout.continued.bitOffset, layout.continued.bitSize) !== 0 : false,
  };
}

function symbologyOf(layout: HidPosReportLayout, data: DataView): string | undefined {
  if (layout.symbologyOffsets.length !== 3) return undefined;
  const chars = layout.symbologyOffsets.map((offset) =>
    offset < data.byteLength ? String.fromCharCode(data.getUint8(offset)) : "",
  );
  const split = splitAimPrefix(chars.join(""));
  return split.text === "" ? split.symbology : undefined;
}

function lengthWithoutTrailingNuls(bytes: Uint8Array): number {
  let end = bytes.length;
  while (end > 0 && bytes[end - 1] === 0) end--;
  return end;
}

// HID packs fields least significant bit first (HID 1.11 §5.8).
function readBits(data: DataView, bitOffset: number, bitSize: number): number {
  let value = 0;
  for (let bit = 0; bit < bitSize; bit++) {
    const at = bitOffset + bit;
    const byteIndex = at >> 3;
    if (byteIndex >= data.byteLength) break;
    value |= ((data.getUint8(byteIndex) >> (at & 7)) & 1) << bit;
  }
  return value >>> 0;
}
