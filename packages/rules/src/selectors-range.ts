// How a batch or serial range is ordered. Printed batch codes mix shapes ("240312", "L0042", "A7-19"), so one
// rule decides per range, from its two ends, and the publisher can predict it:
// - both ends all digits and of the same length → numeric: a value matches when it is all digits and its number
//   lies between them ("100".."200" holds "150" and "0150", not "1000" or "15");
// - otherwise → lexicographic on UTF-16 code units, as JavaScript's `<` on strings ("A100".."A200" holds "A15").

/** The order a range's ends impose: "numeric" when both are all digits of one length, else "lexicographic". */
export type RangeOrder = "numeric" | "lexicographic";

const ALL_DIGITS = /^\d+$/;

/** The order of a range with these ends (see the rule at the top of this file). */
export function rangeOrder(from: string, to: string): RangeOrder {
  return from.length === to.length && ALL_DIGITS.test(from) && ALL_DIGITS.test(to) ? "numeric" : "lexicographic";
}

/** A digit string without leading zeros ("" for zero), so numbers compare by length, then text. */
function significantDigits(digits: string): string {
  let start = 0;
  while (start < digits.length && digits.charCodeAt(start) === 48) start++;
  return digits.slice(start);
}

/** Compares two all-digit strings by their numeric value, without converting (batches can exceed 2^53). */
function compareNumeric(left: string, right: string): number {
  const a = significantDigits(left);
  const b = significantDigits(right);
  if (a.length !== b.length) return a.length - b.length;
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A range ready for matching: its ends, and its order decided once. */
export interface CompiledRange {
  readonly from: string;
  readonly to: string;
  readonly order: RangeOrder;
}

/** Compiles `{ from, to }` with its order. */
export function compileRange(range: { readonly from: string; readonly to: string }): CompiledRange {
  return { from: range.from, to: range.to, order: rangeOrder(range.from, range.to) };
}

/** Whether `from` does not lie after `to` in the range's own order (an inverted range matches nothing). */
export function isOrderedRange(from: string, to: string): boolean {
  return rangeOrder(from, to) === "numeric" ? compareNumeric(from, to) <= 0 : from <= to;
}

/** Whether `value` lies in the range, ends included. */
export function inRange(range: CompiledRange, value: string): boolean {
  if (range.order === "lexicographic") return range.from <= value && value <= range.to;
  if (!ALL_DIGITS.test(value)) return false;
  return compareNumeric(range.from, value) <= 0 && compareNumeric(value, range.to) <= 0;
}
