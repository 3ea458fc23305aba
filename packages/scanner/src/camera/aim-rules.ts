// How ScanGate works out the AIM symbology identifier (ISO/IEC 15424) when a camera decoder does not report it:
// @zxing/library and BarcodeDetector return text and a format, never the id (research scanners.md §6.2, pitfall 18).
// Each rule says whether the id follows from what the decoder did report ("decoder") or is a guess from the
// content ("inferred"); the difference reaches the till as `Scan.symbologySource`.
import { lookupAi, parse } from "@scangate/gs1";
import type { DecodedSymbol } from "./decoder.js";

const GS = "\u001d";

type SymbolFields = Omit<DecodedSymbol, "format" | "corners">;

/**
 * EAN/UPC: the id follows from the format (GS1 GenSpecs §5.1.3: UPC-A and UPC-E travel as 13 digits under `]E0`,
 * EAN-8 as 8 digits under `]E4`). UPC-A arrives as 12 digits from most engines and UPC-E as 8; both are widened.
 */
export function eanUpcSymbol(format: "ean_13" | "ean_8" | "upc_a" | "upc_e", digits: string): SymbolFields {
  if (format === "ean_8") return { text: digits, symbology: "]E4", symbologySource: "decoder" };
  if (format === "upc_a" && digits.length === 12) {
    return { text: `0${digits}`, symbology: "]E0", symbologySource: "decoder", normalizations: ["upc-a:13-digits"] };
  }
  if (format === "upc_e" && digits.length === 8) {
    const upcA = expandUpcE(digits);
    if (upcA !== undefined) {
      return { text: `0${upcA}`, symbology: "]E0", symbologySource: "decoder", normalizations: ["upc-e:expanded"] };
    }
  }
  return { text: digits, symbology: "]E0", symbologySource: "decoder" };
}

/**
 * The UPC-A (12 digits) that an 8-digit UPC-E (number system, 6 data digits, check digit) stands for, or undefined
 * when the input is not UPC-E shaped. The check digit carries over unchanged (GS1 GenSpecs §5.2.2.4.2).
 * @example expandUpcE("01234565") // "012345000065"
 */
export function expandUpcE(upcE: string): string | undefined {
  if (!/^[01]\d{7}$/.test(upcE)) return undefined;
  const system = upcE.slice(0, 1);
  const d = upcE.slice(1, 7);
  const check = upcE.slice(7);
  const last = d.slice(5);
  let body: string;
  if (last === "0" || last === "1" || last === "2") body = `${d.slice(0, 2)}${last}0000${d.slice(2, 5)}`;
  else if (last === "3") body = `${d.slice(0, 3)}00000${d.slice(3, 5)}`;
  else if (last === "4") body = `${d.slice(0, 4)}00000${d.slice(4, 5)}`;
  else body = `${d.slice(0, 5)}0000${last}`;
  return system + body + check;
}

/**
 * A symbol that may or may not carry GS1 data, read by a decoder that does not say (DataMatrix, QR and Code 128
 * through BarcodeDetector; QR with an ECI header through @zxing/library). A leading GS is the decoder's rendering of
 * FNC1 in first position, so it becomes the GS1 id; otherwise the GS1 id is inferred when the text parses as a GS1
 * element string, and the plain id when it does not.
 */
export function gs1OrPlainSymbol(text: string, gs1Aim: string, plainAim: string): SymbolFields {
  if (text.startsWith(GS)) {
    return { text: text.slice(1), symbology: gs1Aim, symbologySource: "decoder", normalizations: ["aim:leading-gs"] };
  }
  const looksGs1 = /^\d\d/.test(text) && parse(gs1Aim + text, { rcn: false }).ok;
  return { text, symbology: looksGs1 ? gs1Aim : plainAim, symbologySource: "inferred" };
}

/**
 * A bracketed element string "(01)09521234543213(17)251231(10)ABC123" as the element string the symbol encodes
 * ("010952123454321317251231" + "10ABC123"), with GS after each variable-length field except the last — what a
 * scanner sends for DataBar Expanded, and what @zxing/library replaces with text for people (pitfall 18).
 * Returns undefined for text that is not bracketed AIs.
 */
export function hriToElementString(hri: string): string | undefined {
  const fields = [...hri.matchAll(/\((\d{2,4})\)([^(]*)/g)];
  if (fields.length === 0 || fields.map((field) => field[0]).join("") !== hri) return undefined;
  return fields
    .map(([, ai = "", value = ""], index) => {
      const needsGs = index < fields.length - 1 && !lookupAi(ai)?.predefinedLength;
      return ai + value + (needsGs ? GS : "");
    })
    .join("");
}
