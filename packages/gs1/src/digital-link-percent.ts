// Percent-encoding of Digital Link path segments and query values (RFC 3986 §2.1 and §2.3), as the GS1 Syntax
// Engine does it (dl.c `URIunescape`, `URIescape` and their tests). GS1 data is ASCII (CSET 82, CSET 39,
// base64url), so each `%hh` stands for one character: bytes above 0x7F decode to characters that element
// validation then rejects, and nothing here can throw the way `decodeURIComponent` does on malformed UTF-8.

/** Why a value could not be percent-decoded, and where. */
export interface PercentDecodeFailure {
  /** Offset of the offending `%` in the text that was decoded. */
  readonly at: number;
  readonly reason: string;
}

/**
 * Decodes `text[start, end)`. In a query value `+` means a space (HTML form encoding, as the GS1 Syntax Engine
 * reads it); in a path segment it is a literal `+`.
 * @returns the decoded value, or a failure for `%00` (a null is never GS1 data) or a `%` not followed by two hex
 * digits (a literal `%` must be written `%25`)
 */
export function percentDecode(
  text: string,
  start: number,
  end: number,
  plusIsSpace: boolean,
): string | PercentDecodeFailure {
  const value = text.slice(start, end);
  // Most values have nothing to decode: answer the cut itself.
  if (!value.includes("%") && !(plusIsSpace && value.includes("+"))) return value;
  let decoded = "";
  for (let i = 0; i < value.length; i++) {
    let character = value.charAt(i);
    if (character === "%") {
      const hex = value.slice(i + 1, i + 3);
      if (!/^[\dA-Fa-f]{2}$/.test(hex)) return { at: start + i, reason: '"%" needs two hex digits' };
      if (hex === "00") return { at: start + i, reason: "%00 is not allowed" };
      character = String.fromCharCode(Number.parseInt(hex, 16));
      i += 2;
    } else if (character === "+" && plusIsSpace) character = " ";
    decoded += character;
  }
  return decoded;
}

/**
 * Percent-encodes every character except the RFC 3986 unreserved set `A–Z a–z 0–9 - . _ ~`, as the GS1 Syntax
 * Engine writes Digital Link URIs (a space becomes `%20`, `+` becomes `%2B`, `%` becomes `%25`).
 * @throws RangeError for a character above 0x7F: callers validate values first, and no GS1 character set has one.
 */
export function percentEncode(value: string): string {
  // Most values (GTINs, lots, serials) need no escaping: answer them as they are.
  if (!/[^\w.~-]/.test(value)) return value;
  return value.replace(/[^\w.~-]/g, (character) => {
    const code = character.charCodeAt(0);
    if (code > 0x7f) throw new RangeError(`not ASCII: ${JSON.stringify(character)}`);
    return `%${code < 16 ? "0" : ""}${code.toString(16).toUpperCase()}`;
  });
}
