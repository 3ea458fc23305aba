// Building blocks shared by the linters: how a finding is shaped, and the all-digits check that many of GS1's
// linters start with.
import type { LintFailure, LintFailureKind } from "./types.js";

/**
 * A finding of `kind` (most linters report content) over `length` characters from `offset`. GS1's linters mark
 * an empty span for empty data; the contract promises at least one character, so such a span still covers one
 * position.
 */
export function failure(
  offset: number,
  length: number,
  message: string,
  kind: LintFailureKind = "content",
): LintFailure {
  return { kind, offset, length: Math.max(length, 1), message };
}

/** Index of the first character that is not an ASCII digit, or -1 when all are digits. */
export function firstNonDigit(value: string): number {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    if (code < 48 || code > 57) return i;
  }
  return -1;
}

/** Whether `text[start, end)` is one or more ASCII digits. */
export function isDigits(text: string, start = 0, end = text.length): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

/** Points at the first non-digit of data that must be all digits; undefined when there is none. */
export function nonDigitFailure(value: string, kind?: LintFailureKind): LintFailure | undefined {
  const at = firstNonDigit(value);
  return at < 0 ? undefined : failure(at, 1, `"${value.charAt(at)}" is not a digit`, kind);
}
