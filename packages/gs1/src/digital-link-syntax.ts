// The character-level syntax of a Digital Link URI: which characters may appear unescaped, which may not be in
// the host, and the http(s) scheme. Tables, not regular expressions: this runs on every scan.

// RFC 3986 §2: unreserved, reserved and "%"; the engine's `uriCharacters`. Space, quotes, <>, {}, |, \, ^, `
// and non-ASCII must be percent-encoded.
const URI_CHARACTERS = characterTable(
  "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-._~:/?#[]@!$&'()*+,;=%",
);
// Characters of URI_CHARACTERS that a host cannot have (the engine's `badDomainCharacters`): no user info
// ("@"), no IPv6 zone id ("%25"), no sub-delimiters.
const BAD_HOST_CHARACTERS = characterTable("_~?#@!$&'()*+,;=%");

function characterTable(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < characters.length; i++) table[characters.charCodeAt(i)] = 1;
  return table;
}

/** Offset of the first character a URI may not contain unescaped, or -1. */
export function firstIllegalCharacter(uri: string): number {
  for (let i = 0; i < uri.length; i++) {
    const code = uri.charCodeAt(i);
    if (code > 127 || URI_CHARACTERS[code] !== 1) return i;
  }
  return -1;
}

/** Offset of the first character in `uri[start, end)` that a host may not contain, or -1. */
export function firstBadHostCharacter(uri: string, start: number, end: number): number {
  for (let i = start; i < end; i++) if (BAD_HOST_CHARACTERS[uri.charCodeAt(i)] === 1) return i;
  return -1;
}

/**
 * Length of an "http://" or "https://" prefix in any letter case, or 0. Schemes are case-insensitive (RFC 3986
 * §3.1); the engine takes only all-lower or all-upper, we take what phones and scanners send.
 */
export function schemeLength(uri: string): number {
  if (uri.length < 7) return 0;
  const scheme = uri.slice(0, 8).toLowerCase();
  if (scheme === "https://") return 8;
  return scheme.startsWith("http://") ? 7 : 0;
}
