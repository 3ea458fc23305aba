// HID POS scanner descriptors as WebHID's `collections` shows them, built from the usage tables (HID POS Usage
// Tables 1.02, "Bar Code Scanner Page" 0x8C) and the vendors' documented report layouts. Reused by every HID test.
import type { HidCollectionInfoLike, HidReportItemLike } from "../../src/hid/hid-device-like.js";
import { extendedUsage, HID_POS_USAGES } from "../../src/hid/hid-pos-usages.js";

const U = HID_POS_USAGES;

function fields(usages: readonly number[], reportSize: number, reportCount: number): HidReportItemLike {
  return { usages: [...usages], isRange: false, reportSize, reportCount };
}

function padding(bits: number): HidReportItemLike {
  return { usages: [], isRange: false, reportSize: bits, reportCount: 1 };
}

/** Where the fake declares the beep usages, if anywhere. */
export type FakeFeedback = "output" | "feature" | "none";

function feedbackReports(feedback: FakeFeedback): Partial<HidCollectionInfoLike> {
  const report = {
    reportId: 4,
    items: [fields([U.soundErrorBeep, U.soundGoodReadBeep], 1, 2), padding(6)],
  };
  if (feedback === "output") return { outputReports: [report] };
  if (feedback === "feature") return { featureReports: [report] };
  return {};
}

/**
 * Honeywell HID POS (UsbRem.cpp, AndroidHidPos.cpp; Hand Held Products "USB Interfaces" note): input report 2 =
 * `[count][AIM × 3][data × 56][HHP code id][reserved][continued bit + 7 padding]`, and the output-redirection
 * feature report 0xFE on vendor page 0xFF66. The beep usages are the fake's choice, not Honeywell's documented ones.
 */
export function honeywellPosCollections(feedback: FakeFeedback = "none"): HidCollectionInfoLike[] {
  return [
    {
      usagePage: 0x8c,
      usage: 0x02,
      inputReports: [
        {
          reportId: 2,
          items: [
            fields([U.byteCount], 8, 1),
            fields([U.symbologyIdentifier1, U.symbologyIdentifier2, U.symbologyIdentifier3], 8, 3),
            fields([U.decodedData], 8, 56),
            fields([extendedUsage(0xff66, 0x01), extendedUsage(0xff66, 0x02)], 8, 2),
            fields([U.decodeDataContinued], 1, 1),
            padding(7),
          ],
        },
      ],
      ...feedbackReports(feedback),
    },
    { usagePage: 0xff66, usage: 0x01, featureReports: [{ reportId: 0xfe, items: [fields([0xff660003], 8, 1)] }] },
  ];
}

/**
 * Newland FM420 / HR200 "HID-POS" (Newland integration guide, "USB Interface"): input report 2 =
 * `[count][data × 56][reserved × 4][Newland symbology id][continued bit + 7 padding]`: no AIM fields, so the AIM id
 * (when the scanner's AIM prefix is on) is at the start of the data.
 */
export function newlandPosCollections(): HidCollectionInfoLike[] {
  return [
    {
      usagePage: 0x8c,
      usage: 0x02,
      inputReports: [
        {
          reportId: 2,
          items: [
            fields([U.byteCount], 8, 1),
            fields([U.decodedData], 8, 56),
            padding(32),
            fields([extendedUsage(0xff00, 0x01)], 8, 1),
            fields([U.decodeDataContinued], 1, 1),
            padding(7),
          ],
        },
      ],
    },
  ];
}

/**
 * A third layout: report 1 with the symbology identifier as a usage range, 64 NUL-padded data bytes and no byte
 * count, and the continued flag as a whole byte. It also declares an unrelated input report 3.
 */
export function separateFieldsPosCollections(): HidCollectionInfoLike[] {
  return [
    {
      usagePage: 0x8c,
      usage: 0x02,
      inputReports: [
        { reportId: 3, items: [fields([extendedUsage(0x8c, 0x61)], 8, 4)] },
        {
          reportId: 1,
          items: [
            {
              isRange: true,
              usageMinimum: U.symbologyIdentifier1,
              usageMaximum: U.symbologyIdentifier3,
              reportSize: 8,
              reportCount: 3,
            },
            fields([U.decodedData], 8, 64),
            fields([U.decodeDataContinued], 8, 1),
          ],
        },
      ],
    },
  ];
}

/** Honeywell's REM interface (vendor page 0xFF8C, qzind/tray#1312), with no item details to read offsets from. */
export function remInterfaceCollections(): HidCollectionInfoLike[] {
  return [{ usagePage: 0xff8c, usage: 0x01, inputReports: [{ reportId: 2, items: [] }] }];
}

/** A scanner in keyboard mode: only a Generic Desktop Keyboard collection. */
export function keyboardOnlyCollections(): HidCollectionInfoLike[] {
  return [
    {
      usagePage: 0x01,
      usage: 0x06,
      inputReports: [{ reportId: 0, items: [fields([extendedUsage(0x07, 0xe0)], 1, 8), padding(8)] }],
    },
  ];
}
