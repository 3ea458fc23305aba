// zxing-wasm (ZXing-C++) results → DecodedSymbol. With `textMode: "Plain"` zxing-cpp already returns what a
// scanner sends: the AIM id in `symbologyIdentifier`, the data without it, every later FNC1 as GS, and UPC-A/UPC-E
// widened to 13 digits (measured: research scanners.md §11.3). So this is mostly a rename; it stays pure so it runs
// inside the Worker and in Node tests alike. Never use the default `textMode: "HRI"`: it turns GS1 data into
// "(01)…(21)…" and drops the GS (pitfall 17).
import type { CameraFormat, DecodedSymbol, FramePoint } from "./decoder.js";

/** The fields of a zxing-wasm `ReadResult` this module reads (structural, so tests need not load the wasm). */
export interface ZxingWasmResultLike {
  readonly format: string;
  readonly text: string;
  readonly bytes: Uint8Array;
  readonly symbologyIdentifier: string;
  readonly isValid: boolean;
  readonly position?: {
    readonly topLeft: FramePoint;
    readonly topRight: FramePoint;
    readonly bottomRight: FramePoint;
    readonly bottomLeft: FramePoint;
  };
}

/** zxing-wasm input formats (ZXing-C++ `BarcodeFormat` names) for each ScanGate format. */
const ZXING_WASM_FORMATS: Readonly<Record<CameraFormat, readonly string[]>> = {
  qr_code: ["QRCode", "MicroQRCode"],
  data_matrix: ["DataMatrix"],
  ean_13: ["EAN13"],
  ean_8: ["EAN8"],
  upc_a: ["UPCA"],
  upc_e: ["UPCE"],
  code_128: ["Code128"],
  databar: ["DataBarOmni", "DataBarStk", "DataBarStkOmni"],
  databar_expanded: ["DataBarExp", "DataBarExpStk"],
  databar_limited: ["DataBarLtd"],
};

const FORMAT_OF_ZXING: ReadonlyMap<string, CameraFormat> = new Map(
  Object.entries(ZXING_WASM_FORMATS).flatMap(([format, names]) =>
    names.map((name) => [name, format as CameraFormat] as const),
  ),
);
// Variants a QR search returns under their own names.
const QR_VARIANTS: ReadonlyMap<string, CameraFormat> = new Map([
  ["QRCodeModel1", "qr_code"],
  ["QRCodeModel2", "qr_code"],
  ["RMQRCode", "qr_code"],
]);

/** The zxing-wasm `formats` reader option for a list of ScanGate formats. */
export function zxingWasmFormats(formats: readonly CameraFormat[]): string[] {
  return formats.flatMap((format) => ZXING_WASM_FORMATS[format]);
}

/** One zxing-wasm result as a DecodedSymbol, or undefined for an invalid result or a format the till does not read. */
export function normalizeZxingWasm(result: ZxingWasmResultLike): DecodedSymbol | undefined {
  const format = FORMAT_OF_ZXING.get(result.format) ?? QR_VARIANTS.get(result.format);
  if (!result.isValid || format === undefined) return undefined;
  const symbol: DecodedSymbol = {
    format,
    text: result.text,
    raw: result.bytes,
    ...(result.symbologyIdentifier === "" ? {} : { symbology: result.symbologyIdentifier, symbologySource: "decoder" }),
  };
  const at = result.position;
  if (at === undefined) return symbol;
  return { ...symbol, corners: [point(at.topLeft), point(at.topRight), point(at.bottomRight), point(at.bottomLeft)] };
}

// zxing-wasm's points are Emscripten value objects; a plain copy survives postMessage and structuredClone.
function point({ x, y }: FramePoint): FramePoint {
  return { x, y };
}
