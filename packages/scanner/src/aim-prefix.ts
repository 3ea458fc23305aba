// Splits the AIM symbology identifier (ISO/IEC 15424) off the front of scanned text. Every transport that carries
// the identifier inside the data (keyboard wedge, serial, HID data fields) uses this one function, so the rule for
// "what counts as an AIM id" lives in one place.

/** Scanned text with its leading AIM symbology identifier, if any, split off. */
export interface AimSplit {
  /** The identifier, e.g. "]d2"; absent when the text does not start with one. */
  readonly symbology?: string;
  /** The text after the identifier (all of it when there is none). */
  readonly text: string;
}

const RIGHT_BRACKET = 0x5d;

/**
 * Splits a leading AIM symbology identifier (`]` + a symbology letter + a modifier character) off scanned text.
 *
 * Only the three-character shape is checked, not a table of known identifiers, so a scanner's newer symbology still
 * keeps its identifier. A leading GS (some decoders send it in place of `]d2`) is left in the text: the GS1 parser
 * reads it as FNC1 in first position, and guessing the symbology here would hide that it was never sent.
 *
 * @example
 * splitAimPrefix("]d2010950600013435217261231"); // { symbology: "]d2", text: "010950600013435217261231" }
 * splitAimPrefix("4006381333931"); // { text: "4006381333931" }
 */
export function splitAimPrefix(text: string): AimSplit {
  if (text.length >= 3 && text.charCodeAt(0) === RIGHT_BRACKET && isAimSymbologyCode(text[1], text[2])) {
    return { symbology: text.slice(0, 3), text: text.slice(3) };
  }
  return { text };
}

/** ISO/IEC 15424: the code character is a letter; the modifier is a digit or a letter. */
function isAimSymbologyCode(code: string | undefined, modifier: string | undefined): boolean {
  return code !== undefined && modifier !== undefined && /^[A-Za-z]$/.test(code) && /^[0-9A-Za-z]$/.test(modifier);
}
