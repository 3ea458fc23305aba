// The character-level syntax of a Digital Link URI: which characters may appear unescaped, which may not be in
// the host, and the http(s) scheme: one regular expression search each, as fast as a hand-written loop.

// RFC 3986 §2: unreserved, reserved and "%" are the engine's `uriCharacters`; any other character (space, quotes,
// <>, {}, |, \, ^, ` and non-ASCII) must be percent-encoded.
const ILLEGAL_CHARACTER = /[^\w.~:/?#[\]@!$&'()*+,;=%-]/;
// Characters a host cannot have (the engine's `badDomainCharacters`): no user info ("@"), no IPv6 zone id
// ("%25"), no sub-delimiters.
const BAD_HOST_CHARACTER = /[_~?#@!$&'()*+,;=%]/;

/** Offset of the first character a URI may not contain unescaped, or -1. */
export function firstIllegalCharacter(uri: string): number {
  return uri.search(ILLEGAL_CHARACTER);
}

/** Offset of the first character in `uri[start, end)` that a host may not contain, or -1. */
export function firstBadHostCharacter(uri: string, start: number, end: number): number {
  const at = uri.slice(start, end).search(BAD_HOST_CHARACTER);
  return at < 0 ? at : start + at;
}

/**
 * Length of an "http://" or "https://" prefix in any letter case, or 0. Schemes are case-insensitive (RFC 3986
 * §3.1); the engine takes only all-lower or all-upper, we take what phones and scanners send.
 */
export function schemeLength(uri: string): number {
  return /^https:\/\//i.test(uri) ? 8 : /^http:\/\//i.test(uri) ? 7 : 0;
}
