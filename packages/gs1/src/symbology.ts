// AIM symbology identifiers (ISO/IEC 15424) that a till meets, and what each says about the data behind it.
// FNC1 in first position is never transmitted as a character: a scanner sends it as the AIM id (]C1, ]e0, ]d2,
// ]Q3, ]J1); later FNC1s arrive as GS (GenSpecs §5.1.2 figure 5.1.2-2; gs1-syntax-engine scandata.c).

/** What the data behind an AIM id is. */
export type SymbologyContent =
  /** A GS1 element string (FNC1 in first position). */
  | "gs1"
  /** Plain data, which may be a GS1 Digital Link URI. */
  | "plain"
  /** An EAN/UPC primary: 13 digits (]E0, UPC-A with a leading 0) or 8 digits (]E4), maybe with a `|]e0` composite. */
  | "ean13"
  | "ean8"
  /** ITF-14, which carries a GTIN-14. */
  | "itf14";

/** The content an AIM id announces, or undefined for one that cannot carry GS1 data here. */
export function symbologyContent(aimId: string): SymbologyContent | undefined {
  switch (aimId) {
    case "]C1": // GS1-128
    case "]e0": // GS1 DataBar, and GS1-128 composites
    case "]d2": // GS1 DataMatrix
    case "]Q3": // GS1 QR Code
    case "]J1": // GS1 DotCode
      return "gs1";
    case "]d1": // DataMatrix, ECC 200
    case "]Q1": // QR Code, model 2
    case "]J0": // DotCode
      return "plain";
    case "]E0": // EAN-13 and UPC-A
      return "ean13";
    case "]E4": // EAN-8
      return "ean8";
    case "]I1": // ITF with check digit
      return "itf14";
    default:
      return undefined;
  }
}

// The AIM ids symbologyContent knows, so that aimIdOf can hand out these strings rather than cut a new one per
// scan (and the switch above then compares identical strings).
const KNOWN_AIM_IDS = ["]d2", "]C1", "]e0", "]Q3", "]J1", "]E0", "]E4", "]I1", "]d1", "]Q1", "]J0"];

/** The AIM id the text starts with, or undefined when it starts with none. */
export function aimIdOf(text: string): string | undefined {
  if (!startsWithAimId(text)) return undefined;
  const letter = text.charCodeAt(1);
  const modifier = text.charCodeAt(2);
  for (const id of KNOWN_AIM_IDS) if (id.charCodeAt(1) === letter && id.charCodeAt(2) === modifier) return id;
  return text.slice(0, 3);
}

/** Whether the text starts with something shaped like an AIM id: "]" + a letter + a modifier character. */
function startsWithAimId(text: string): boolean {
  return (
    text.length >= 3 &&
    text.charCodeAt(0) === 93 /* ] */ &&
    isLetter(text.charCodeAt(1)) &&
    isAlphanumeric(text.charCodeAt(2))
  );
}

function isLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}

function isAlphanumeric(code: number): boolean {
  return isLetter(code) || (code >= 48 && code <= 57);
}
