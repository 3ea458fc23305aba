// Everything that can be wrong with a scan, as stable codes. Renaming a code is a breaking change; the README
// lists every code and a test checks that list against this file.

/** Why a scan could not be read as GS1 data. */
export type Gs1ErrorCode =
  /** Nothing left after stripping the scanner's suffix and whitespace. */
  | "EMPTY_INPUT"
  /** Not GS1 data in any shape ScanGate knows (e.g. a plain QR code with free text, a non-GS1 AIM id). */
  | "NOT_GS1"
  /** The structure is broken: a double separator, a bracket out of place, a non-digit where an AI must be. */
  | "BAD_SYNTAX"
  /** An AI that the GS1 Syntax Dictionary does not define. */
  | "UNKNOWN_AI"
  /** A value that is too short, too long, empty or truncated by a separator. */
  | "BAD_LENGTH"
  /** A character outside the AI's character set (numeric, CSET 82, CSET 39 or base64url). */
  | "BAD_CHARSET"
  /** A check digit (or GMN check character pair, or EAN/UPC price check digit) that does not match. */
  | "BAD_CHECK_DIGIT"
  /** A date or time that does not exist (month 13, 30 February, hour 25, day 00 where a day is required). */
  | "BAD_DATE"
  /** Any other GS1 Syntax Test failed; `linter` names it (e.g. "iso4217", "couponcode"). */
  | "LINT_FAILED"
  /** The same AI twice with different values. */
  | "DUPLICATE_AI"
  /** An AI whose required companion AIs are missing (an error only with `strict: true`). */
  | "MISSING_REQUIRED_AI"
  /** Two AIs that must not appear together (an error only with `strict: true`). */
  | "EXCLUSIVE_AIS"
  /** A GS1 Digital Link URI that breaks the URI syntax rules (no primary key, bad order, qualifier in query …). */
  | "BAD_DIGITAL_LINK"
  /** An AIM symbology identifier that cannot carry GS1 data (e.g. `]e1`), or a shape it does not allow. */
  | "UNSUPPORTED_SYMBOLOGY";

/** A parse failure: a stable code, an English message for logs, and where the problem is. */
export interface Gs1Error {
  readonly code: Gs1ErrorCode;
  /** English, for logs and integrators. Names the AI and shows the position, e.g. `(01)1234567890123|4|`. */
  readonly message: string;
  /** Character offset in the normalised input (after suffix and AIM id handling) where the problem starts. */
  readonly offset?: number;
  /** The AI at fault, when there is one. */
  readonly ai?: string;
  /** The GS1 Syntax Test that failed, for BAD_CHECK_DIGIT, BAD_DATE and LINT_FAILED. */
  readonly linter?: string;
}

/** Something worth knowing about a scan that was still read. */
export type Gs1WarningCode =
  /** A required companion AI is missing (GS1 association rule `req`); an error with `strict: true`. */
  | "MISSING_REQUIRED_AI"
  /** Two AIs that GS1 says must not appear together (association rule `ex`); an error with `strict: true`. */
  | "EXCLUSIVE_AIS"
  /** The same AI appeared twice with the same value; it is kept once. */
  | "REPEATED_AI"
  /** A GTIN-8/12/13 in a Digital Link path was zero-padded to 14 digits (the standard wants 14). */
  | "NON_CANONICAL_GTIN"
  /** A keyboard-wedge substitute (e.g. `|`) was read as a GS separator. */
  | "SEPARATOR_SUBSTITUTED"
  /** A redundant separator (after a predefined-length AI, or at the end) was ignored. */
  | "REDUNDANT_SEPARATOR";

export interface Gs1Warning {
  readonly code: Gs1WarningCode;
  readonly message: string;
  readonly ai?: string;
}

/** The result of reading outside input: a value, or a typed error. Never an exception. */
export type Result<T, E> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: E };

/** A Gs1Error, with `offset` and `ai` only where there is one: the one place errors are built. */
export function gs1Error(code: Gs1ErrorCode, message: string, offset?: number, ai?: string): Gs1Error {
  const error: { -readonly [K in keyof Gs1Error]: Gs1Error[K] } = { code, message };
  if (offset !== undefined) error.offset = offset;
  if (ai !== undefined) error.ai = ai;
  return error;
}

/** A failed Result carrying {@link gs1Error}. */
export function fail(
  code: Gs1ErrorCode,
  message: string,
  offset?: number,
  ai?: string,
): { ok: false; error: Gs1Error } {
  return { ok: false, error: gs1Error(code, message, offset, ai) };
}
