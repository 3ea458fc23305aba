// @zxing/library (the engine of @zxing/browser) results → DecodedSymbol. It reports no AIM id and bends GS1 data
// in a different way per symbology (measured: research scanners.md §6.2, §11.3); each repair below is named in
// `normalizations` so a till can tell a repaired scan from one read as sent.
import { eanUpcSymbol, gs1OrPlainSymbol, hriToElementString } from "./aim-rules.js";
import type { CameraFormat, DecodedSymbol } from "./decoder.js";

/** @zxing/library `BarcodeFormat` names ScanGate reads, and the ScanGate format of each. */
export const ZXING_JS_FORMATS = {
  QR_CODE: "qr_code",
  DATA_MATRIX: "data_matrix",
  EAN_13: "ean_13",
  EAN_8: "ean_8",
  UPC_A: "upc_a",
  UPC_E: "upc_e",
  CODE_128: "code_128",
  RSS_14: "databar",
  RSS_EXPANDED: "databar_expanded",
} as const satisfies Record<string, CameraFormat>;

/** A @zxing/library format name ScanGate reads. */
export type ZxingJsFormatName = keyof typeof ZXING_JS_FORMATS;

/** The fields of a @zxing/library `Result` this module reads, with the format as its enum name. */
export interface ZxingJsResultLike {
  readonly format: string;
  readonly text: string;
  /** `Result.getRawBytes()`: the symbol's data codewords (not the text's bytes), when the reader keeps them. */
  readonly rawBytes?: Uint8Array | null;
}

const GS = "\u001d";
// ISO/IEC 18004 §7.4: the first 4 bits of a QR bit stream are the first segment's mode indicator.
const QR_MODE_FNC1_FIRST = 0b0101;
const QR_PLAIN_DATA_MODES: ReadonlySet<number> = new Set([0b0001, 0b0010, 0b0100, 0b1000]);

/** One @zxing/library result as a DecodedSymbol, or undefined for a format the till does not read. */
export function normalizeZxingJs(result: ZxingJsResultLike): DecodedSymbol | undefined {
  if (!(result.format in ZXING_JS_FORMATS)) return undefined;
  const format: CameraFormat = ZXING_JS_FORMATS[result.format as ZxingJsFormatName];
  const { text } = result;
  switch (format) {
    case "data_matrix":
      // FNC1 codeword 232 comes back as GS even in first position, where a scanner sends "]d2" (pitfall 19).
      return text.startsWith(GS)
        ? {
            format,
            text: text.slice(1),
            symbology: "]d2",
            symbologySource: "decoder",
            normalizations: ["aim:leading-gs"],
          }
        : { format, text, symbology: "]d1", symbologySource: "decoder" };
    case "qr_code":
      return { format, ...qrSymbol(text, result.rawBytes) };
    case "code_128":
      // With ASSUME_GS1 the reader writes FNC1 in first position as a "]C1" prefix in the text (zxing/zxing#1457).
      return text.startsWith("]C1")
        ? { format, text: text.slice(3), symbology: "]C1", symbologySource: "decoder", normalizations: ["aim:in-text"] }
        : { format, text, symbology: "]C0", symbologySource: "decoder" };
    case "databar":
      // DataBar Omnidirectional carries a GTIN-14 only; the reader returns its 14 digits without the AI.
      return {
        format,
        text: `01${text}`,
        symbology: "]e0",
        symbologySource: "decoder",
        normalizations: ["databar:ai-01"],
      };
    case "databar_expanded": {
      const elementString = hriToElementString(text);
      return elementString === undefined
        ? { format, text, symbology: "]e0", symbologySource: "decoder" }
        : {
            format,
            text: elementString,
            symbology: "]e0",
            symbologySource: "decoder",
            normalizations: ["hri:element-string"],
          };
    }
    case "ean_13":
    case "ean_8":
    case "upc_a":
    case "upc_e":
      return { format, ...eanUpcSymbol(format, text) };
    default:
      return undefined;
  }
}

// The reader translates FNC1-mode "%" to GS but keeps no mark of the mode; the mode indicator is still in the
// codewords, so "]Q3" versus "]Q1" is read, not guessed, unless an ECI or structured-append header comes first.
function qrSymbol(text: string, codewords: Uint8Array | null | undefined): Omit<DecodedSymbol, "format"> {
  const mode = codewords?.[0] === undefined ? undefined : codewords[0] >> 4;
  if (mode === QR_MODE_FNC1_FIRST) return { text, symbology: "]Q3", symbologySource: "decoder" };
  if (mode !== undefined && QR_PLAIN_DATA_MODES.has(mode))
    return { text, symbology: "]Q1", symbologySource: "decoder" };
  return gs1OrPlainSymbol(text, "]Q3", "]Q1");
}
