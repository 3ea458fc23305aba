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

const PERCENT = 37;
const PLUS = 43;

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
  let first = start;
  while (first < end) {
    const code = text.charCodeAt(first);
    if (code === PERCENT || (code === PLUS && plusIsSpace)) break;
    first++;
  }
  if (first === end) return text.slice(start, end);
  let decoded = text.slice(start, first);
  let copiedUpTo = first;
  for (let i = first; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code === PLUS && plusIsSpace) {
      decoded += `${text.slice(copiedUpTo, i)} `;
      copiedUpTo = i + 1;
    } else if (code === PERCENT) {
      const high = i + 2 < end ? hexValue(text.charCodeAt(i + 1)) : -1;
      const low = high < 0 ? -1 : hexValue(text.charCodeAt(i + 2));
      if (low < 0) return { at: i, reason: '"%" must be followed by two hex digits (write "%" as "%25")' };
      const character = high * 16 + low;
      if (character === 0) return { at: i, reason: "a null character (%00) is not allowed" };
      decoded += text.slice(copiedUpTo, i) + String.fromCharCode(character);
      i += 2;
      copiedUpTo = i + 1;
    }
  }
  return decoded + text.slice(copiedUpTo, end);
}

function hexValue(code: number): number {
  if (code >= 48 && code <= 57) return code - 48;
  const lower = code | 0x20;
  return lower >= 97 && lower <= 102 ? lower - 87 : -1;
}

const HEX = "0123456789ABCDEF";

/**
 * Percent-encodes every character except the RFC 3986 unreserved set `A–Z a–z 0–9 - . _ ~`, as the GS1 Syntax
 * Engine writes Digital Link URIs (a space becomes `%20`, `+` becomes `%2B`, `%` becomes `%25`).
 * @throws RangeError for a character above 0x7F: callers validate values first, and no GS1 character set has one.
 */
export function percentEncode(value: string): string {
  let encoded = "";
  let copiedUpTo = 0;
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (isUnreserved(code)) continue;
    if (code > 0x7f) throw new RangeError(`percentEncode() takes ASCII only, got ${JSON.stringify(value[i])}`);
    encoded += `${value.slice(copiedUpTo, i)}%${HEX[code >> 4]}${HEX[code & 15]}`;
    copiedUpTo = i + 1;
  }
  return copiedUpTo === 0 ? value : encoded + value.slice(copiedUpTo);
}

function isUnreserved(code: number): boolean {
  const lower = code | 0x20;
  return (
    (lower >= 97 && lower <= 122) ||
    (code >= 48 && code <= 57) ||
    code === 45 /* - */ ||
    code === 46 /* . */ ||
    code === 95 /* _ */ ||
    code === 126 /* ~ */
  );
}
