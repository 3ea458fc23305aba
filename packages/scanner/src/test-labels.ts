// The printable test labels of the scanner self-test (research scanners.md §7 "Diagnostic label set"): each
// symbology a till meets, each GS1 one with a variable-length AI followed by another AI, so that a lost or
// substituted GS shows. `expected` is exactly what zxing-wasm (textMode "Plain") decodes from the drawn symbol;
// test/diagnose-labels.test.ts draws every label with bwip-js and checks it.
import type { Scan } from "./types.js";

/** What a correctly configured scanner delivers for a label: the AIM id and the data, every later FNC1 as GS. */
export type ExpectedScan = Pick<Scan, "text" | "symbology">;

/** The names of the shipped test labels. */
export type TestLabelId =
  | "gs1-datamatrix"
  | "gs1-qr"
  | "gs1-128"
  | "gs1-databar-expanded"
  | "ean-13"
  | "gs1-digital-link-qr";

/** A label to print or show on screen, and the scan it must produce. */
export interface TestLabel {
  readonly id: TestLabelId;
  /** English, for the set-up screen. */
  readonly title: string;
  /** How to draw it: a bwip-js `bcid` and its `text` (bracketed AIs for the GS1 symbologies). */
  readonly symbol: { readonly bcid: string; readonly text: string };
  /** The scan, AIM id apart, exactly as a scanner set up for GS1 sends it. */
  readonly expected: ExpectedScan;
}

const GS = "\u001d";

/**
 * The test labels, in the order a set-up screen shows them. The GTIN is GS1's example 09521234543213; the
 * expiry 2029-12-31 is far enough ahead that the label does not read as expired on a till.
 */
export const TEST_LABELS: readonly TestLabel[] = [
  {
    id: "gs1-datamatrix",
    title: "GS1 DataMatrix: GTIN, expiry, batch, serial",
    symbol: { bcid: "gs1datamatrix", text: "(01)09521234543213(17)291231(10)ABC123(21)SER42" },
    expected: { symbology: "]d2", text: `01095212345432131729123110ABC123${GS}21SER42` },
  },
  {
    id: "gs1-qr",
    title: "GS1 QR Code: GTIN, expiry, batch, serial",
    symbol: { bcid: "gs1qrcode", text: "(01)09521234543213(17)291231(10)ABC123(21)SER42" },
    expected: { symbology: "]Q3", text: `01095212345432131729123110ABC123${GS}21SER42` },
  },
  {
    id: "gs1-128",
    title: "GS1-128: GTIN, batch, serial",
    symbol: { bcid: "gs1-128", text: "(01)09521234543213(10)AB12(21)S1" },
    expected: { symbology: "]C1", text: `010952123454321310AB12${GS}21S1` },
  },
  {
    id: "gs1-databar-expanded",
    title: "GS1 DataBar Expanded: GTIN, batch, serial",
    symbol: { bcid: "databarexpanded", text: "(01)09521234543213(10)ABC123(21)SER42" },
    expected: { symbology: "]e0", text: `010952123454321310ABC123${GS}21SER42` },
  },
  {
    id: "ean-13",
    title: "EAN-13",
    symbol: { bcid: "ean13", text: "952123454321" },
    expected: { symbology: "]E0", text: "9521234543213" },
  },
  {
    id: "gs1-digital-link-qr",
    title: "QR Code with a GS1 Digital Link URI",
    symbol: { bcid: "qrcode", text: "https://id.gs1.org/01/09521234543213/10/ABC123?17=291231" },
    expected: { symbology: "]Q1", text: "https://id.gs1.org/01/09521234543213/10/ABC123?17=291231" },
  },
];
