// Checks one rule of an RCN scheme and finds where its layout puts the item code, the value and the
// price/weight check digit. Shared by defineRcnScheme (at start-up) and decodeRcn (on every label it decodes).
import { minorUnitDigits } from "./currencies.js";
import type { RcnMeasureKind, RcnRule } from "./rcn-scheme.js";

/** A `[start, end)` range of digit positions in the 13-digit form. */
interface RcnDigitRange {
  readonly start: number;
  readonly end: number;
}

/** Where a layout puts its fields, as digit positions of the 13-digit form. */
interface RcnLayoutPositions {
  readonly itemCode: RcnDigitRange;
  readonly value: RcnDigitRange;
  /** Position of the price/weight check digit, when the layout has one. */
  readonly checkDigit: number | undefined;
}

const ALLOWED_KEYS: Record<RcnMeasureKind, readonly string[]> = {
  price: ["prefixes", "layout", "measure", "currency", "decimals"],
  weight: ["prefixes", "layout", "measure", "decimals"],
  count: ["prefixes", "layout", "measure"],
};

/**
 * Checks one rule and finds its fields in the layout.
 * @param where names the rule in error messages, e.g. `RCN scheme "DENMARK", rule 2`
 * @throws RangeError when the rule is malformed (see {@link defineRcnScheme})
 */
export function checkRcnRule(rule: RcnRule, where: string): RcnLayoutPositions {
  if (typeof rule !== "object" || rule === null) throw new RangeError(`${where}: a rule must be an object`);
  const measure: unknown = rule.measure;
  if (measure !== "price" && measure !== "weight" && measure !== "count") {
    throw new RangeError(`${where}: measure must be "price", "weight" or "count", not ${JSON.stringify(measure)}`);
  }
  const unknownKey = Object.keys(rule).find((key) => !ALLOWED_KEYS[measure].includes(key));
  if (unknownKey !== undefined) throw new RangeError(`${where}: unknown key "${unknownKey}" for a ${measure} rule`);
  if (!Array.isArray(rule.prefixes) || rule.prefixes.length === 0) {
    throw new RangeError(`${where}: prefixes must be a non-empty array`);
  }
  for (const prefix of rule.prefixes) {
    if (typeof prefix !== "string" || !/^(02|2\d)$/.test(prefix)) {
      throw new RangeError(`${where}: ${JSON.stringify(prefix)} is not a restricted-circulation prefix (02, 20–29)`);
    }
  }
  const positions = findLayoutPositions(rule.layout, where);
  if (positions.checkDigit !== undefined) {
    const valueLength = positions.value.end - positions.value.start;
    if (valueLength !== 4 && valueLength !== 5) {
      throw new RangeError(`${where}: a price/weight check digit (K) needs a 4- or 5-digit value, not ${valueLength}`);
    }
  }
  if (rule.measure === "price") {
    if (typeof rule.currency !== "string" || !/^[A-Z]{3}$/.test(rule.currency)) {
      throw new RangeError(`${where}: currency must be an ISO 4217 code such as "CNY"`);
    }
    checkWholeNumber(rule.decimals, 0, minorUnitDigits(rule.currency), `${where}: decimals for ${rule.currency}`);
  } else if (rule.measure === "weight") {
    checkWholeNumber(rule.decimals, 0, 3, `${where}: decimals`);
  }
  return positions;
}

function checkWholeNumber(value: unknown, min: number, max: number, what: string): void {
  if (typeof value !== "number" || !Number.isInteger(value) || value < min || value > max) {
    throw new RangeError(`${what} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
  }
}

function findLayoutPositions(layout: unknown, where: string): RcnLayoutPositions {
  if (typeof layout !== "string" || !/^FF[IVK]{10}C$/.test(layout)) {
    throw new RangeError(
      `${where}: layout must be 13 letters, "FF" + 10 of I/V/K + "C" (e.g. "FFIIIIIVVVVVC"), not ${JSON.stringify(layout)}`,
    );
  }
  const itemCode = findRun(layout, "I", where);
  const value = findRun(layout, "V", where);
  const checkDigits = findRun(layout, "K", where);
  if (itemCode === undefined || value === undefined) {
    throw new RangeError(`${where}: layout "${layout}" needs an item code (I) and a value (V)`);
  }
  if (checkDigits !== undefined && checkDigits.end - checkDigits.start > 1) {
    throw new RangeError(`${where}: layout "${layout}" has more than one price/weight check digit (K)`);
  }
  return { itemCode, value, checkDigit: checkDigits?.start };
}

/** The positions of `letter` in `layout`, which must be one unbroken run. */
function findRun(layout: string, letter: string, where: string): RcnDigitRange | undefined {
  const start = layout.indexOf(letter);
  if (start < 0) return undefined;
  const end = layout.lastIndexOf(letter) + 1;
  if (layout.slice(start, end) !== letter.repeat(end - start)) {
    throw new RangeError(`${where}: the ${letter} digits of layout "${layout}" must be next to each other`);
  }
  return { start, end };
}
