import { describe, expect, it } from "vitest";
import { HID_POS_USAGES } from "../src/hid/hid-pos-usages.js";
import { HONEYWELL_FIXED_LAYOUT, hidPosReportLayout } from "../src/hid/report-layout.js";
import {
  honeywellPosCollections,
  keyboardOnlyCollections,
  newlandPosCollections,
  remInterfaceCollections,
  separateFieldsPosCollections,
} from "./fakes/hid-pos-descriptors.js";

function layoutOf(collections: Parameters<typeof hidPosReportLayout>[0]) {
  const result = hidPosReportLayout(collections);
  if (!result.ok) throw new Error(`expected a layout: ${result.error.message}`);
  return result.value;
}

describe("the HID POS report layout, read from the device's collections", () => {
  it("reads Honeywell's descriptor to the same offsets as Honeywell's documented layout", () => {
    expect(layoutOf(honeywellPosCollections())).toEqual({ ...HONEYWELL_FIXED_LAYOUT, origin: "descriptor" });
  });

  it("reads Newland's layout: no AIM fields, data from byte 1, the continued flag at byte 62", () => {
    expect(layoutOf(newlandPosCollections())).toEqual({
      reportId: 2,
      byteCountOffset: 0,
      symbologyOffsets: [],
      dataOffset: 1,
      dataLength: 56,
      continued: { bitOffset: 62 * 8, bitSize: 1 },
      origin: "descriptor",
    });
  });

  it("reads a symbology usage range, NUL-padded data without a byte count, and a whole-byte flag", () => {
    expect(layoutOf(separateFieldsPosCollections())).toEqual({
      reportId: 1,
      symbologyOffsets: [0, 1, 2],
      dataOffset: 3,
      dataLength: 64,
      continued: { bitOffset: 67 * 8, bitSize: 8 },
      origin: "descriptor",
    });
  });

  it("reads Decoded Data declared as one 448-bit buffered-bytes field", () => {
    const layout = layoutOf([
      {
        usagePage: 0x8c,
        usage: 0x02,
        inputReports: [
          { reportId: 2, items: [{ usages: [HID_POS_USAGES.decodedData], reportSize: 448, reportCount: 1 }] },
        ],
      },
    ]);
    expect(layout).toMatchObject({ dataOffset: 0, dataLength: 56, symbologyOffsets: [] });
  });

  it("falls back to Honeywell's fixed layout for the REM interface on vendor page 0xFF8C", () => {
    expect(layoutOf(remInterfaceCollections())).toBe(HONEYWELL_FIXED_LAYOUT);
  });

  it("falls back to Honeywell's fixed layout when Decoded Data is not whole bytes", () => {
    const collections = [
      {
        usagePage: 0x8c,
        usage: 0x02,
        inputReports: [
          {
            reportId: 2,
            items: [
              { usages: [HID_POS_USAGES.decodeDataContinued], reportSize: 1, reportCount: 1 },
              { usages: [HID_POS_USAGES.decodedData], reportSize: 8, reportCount: 56 },
            ],
          },
        ],
      },
    ];
    expect(layoutOf(collections)).toBe(HONEYWELL_FIXED_LAYOUT);
  });

  it("says a scanner that shows only a keyboard collection is not in HID POS mode", () => {
    const result = hidPosReportLayout(keyboardOnlyCollections());
    expect(result).toEqual({
      ok: false,
      error: {
        code: "NOT_POS_MODE",
        message: "no HID POS (usage page 0x8C) collection; the device shows usage pages 0x01 (a keyboard)",
        hasKeyboard: true,
        usagePages: [1],
      },
    });
  });

  it("says a device with no collections at all is not in HID POS mode, without calling it a keyboard", () => {
    const result = hidPosReportLayout([]);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ hasKeyboard: false, usagePages: [] });
  });
});
