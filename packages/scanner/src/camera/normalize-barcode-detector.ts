// W3C BarcodeDetector results (native, or the `barcode-detector` polyfill) → DecodedSymbol. `DetectedBarcode` has
// no field for the AIM id (research scanners.md §0 item 8), so: EAN/UPC and DataBar get theirs from the format;
// DataMatrix, QR and Code 128 get one inferred from the content until a re-decode with zxing-wasm reads the real
// one (see `refinedSymbol`).
import { eanUpcSymbol, gs1OrPlainSymbol, hriToElementString } from "./aim-rules.js";
import type { CameraFormat, DecodedSymbol, FramePoint } from "./decoder.js";

/** The fields of a `DetectedBarcode` this module reads. */
export interface DetectedBarcodeLike {
  readonly rawValue: string;
  readonly format: string;
  readonly boundingBox: { readonly x: number; readonly y: number; readonly width: number; readonly height: number };
  readonly cornerPoints: readonly FramePoint[];
}

/** BarcodeDetector format names (spec and polyfill) and the ScanGate format each is read as. */
const FORMAT_OF_DETECTOR: ReadonlyMap<string, CameraFormat> = new Map<string, CameraFormat>([
  ["qr_code", "qr_code"],
  ["micro_qr_code", "qr_code"],
  ["data_matrix", "data_matrix"],
  ["ean_13", "ean_13"],
  ["ean_8", "ean_8"],
  ["upc_a", "upc_a"],
  ["upc_e", "upc_e"],
  ["code_128", "code_128"],
  ["databar", "databar"],
  ["databar_omni", "databar"],
  ["databar_stacked", "databar"],
  ["databar_stacked_omni", "databar"],
  ["databar_expanded", "databar_expanded"],
  ["databar_expanded_stacked", "databar_expanded"],
  ["databar_limited", "databar_limited"],
]);

/** The AIM ids a re-decode can tell apart for each format whose GS1-ness the detector hides. */
export const REFINABLE_FORMATS: ReadonlySet<CameraFormat> = new Set(["data_matrix", "qr_code"]);

/** One detected barcode as a DecodedSymbol, or undefined for a format the till does not read. */
export function normalizeDetectedBarcode(barcode: DetectedBarcodeLike): DecodedSymbol | undefined {
  const format = FORMAT_OF_DETECTOR.get(barcode.format);
  if (format === undefined) return undefined;
  const [a, b, c, d] = barcode.cornerPoints;
  const corners = a && b && c && d ? { corners: [point(a), point(b), point(c), point(d)] as const } : {};
  return { format, ...fieldsFor(format, barcode.rawValue), ...corners };
}

/**
 * The symbol with the AIM id a second decoder (zxing-wasm on the symbol's region) read for the same data, or the
 * symbol unchanged when the second decoder found nothing that matches.
 */
export function refinedSymbol(symbol: DecodedSymbol, redecoded: readonly DecodedSymbol[]): DecodedSymbol {
  const match = redecoded.find((other) => other.format === symbol.format && other.text === symbol.text);
  if (match?.symbology === undefined) return symbol;
  return { ...symbol, symbology: match.symbology, symbologySource: "decoder" };
}

function fieldsFor(format: CameraFormat, text: string): Omit<DecodedSymbol, "format"> {
  switch (format) {
    case "ean_13":
    case "ean_8":
    case "upc_a":
    case "upc_e":
      return eanUpcSymbol(format, text);
    case "data_matrix":
      return gs1OrPlainSymbol(text, "]d2", "]d1");
    case "qr_code":
      return gs1OrPlainSymbol(text, "]Q3", "]Q1");
    case "code_128":
      return gs1OrPlainSymbol(text, "]C1", "]C0");
    default:
      return dataBarFields(text);
  }
}

// DataBar always carries GS1 data, so "]e0" follows from the format. Engines differ in the text: the element
// string (zxing-cpp, so the polyfill), bracketed HRI, or a bare GTIN-14 for DataBar Omnidirectional.
function dataBarFields(text: string): Omit<DecodedSymbol, "format"> {
  const fromDecoder = { symbology: "]e0", symbologySource: "decoder" } as const;
  if (/^\d{14}$/.test(text)) return { text: `01${text}`, ...fromDecoder, normalizations: ["databar:ai-01"] };
  const elementString = text.startsWith("(") ? hriToElementString(text) : undefined;
  if (elementString !== undefined)
    return { text: elementString, ...fromDecoder, normalizations: ["hri:element-string"] };
  return { text, ...fromDecoder };
}

function point({ x, y }: FramePoint): FramePoint {
  return { x, y };
}
