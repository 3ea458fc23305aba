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

const SYMBOLOGIES: Readonly<Record<string, SymbologyContent>> = {
  "]C1": "gs1", // GS1-128
  "]e0": "gs1", // GS1 DataBar, and GS1-128 composites
  "]d2": "gs1", // GS1 DataMatrix
  "]Q3": "gs1", // GS1 QR Code
  "]J1": "gs1", // GS1 DotCode
  "]d1": "plain", // DataMatrix, ECC 200
  "]Q1": "plain", // QR Code, model 2
  "]J0": "plain", // DotCode
  "]E0": "ean13", // EAN-13 and UPC-A
  "]E4": "ean8", // EAN-8
  "]I1": "itf14", // ITF with check digit
};

/** The content an AIM id announces, or undefined for one that cannot carry GS1 data here. */
export function symbologyContent(aimId: string): SymbologyContent | undefined {
  return SYMBOLOGIES[aimId];
}

/** Whether the text starts with something shaped like an AIM id: "]" + a letter + a modifier character. */
export function startsWithAimId(text: string): boolean {
  return text.length >= 3 && text.charCodeAt(0) === 93 /* ] */ && /^[A-Za-z][0-9A-Za-z]$/.test(text.slice(1, 3));
}
