// Reads the price, weight or count that an in-store scale embeds in a restricted-circulation EAN-13 (prefix 02
// or 20–29). Which digits mean what is local (GenSpecs §2.1.11–2.1.12 leaves it to each GS1 Member Organisation
// or store), so the layout comes from an RcnScheme; the default fits Chinese retail scales.
import { hasValidMod10CheckDigit, mod10CheckDigit } from "./check-digit.js";
import { minorUnitDigits } from "./currencies.js";
import type { Gs1Error, Gs1ErrorCode, Result } from "./errors.js";
import { priceWeightCheckDigit } from "./price-check-digit.js";
import { attachScaleDecoder } from "./rcn-decoders.js";
import { DEFAULT_RCN_SCHEME } from "./rcn-default.js";
import { checkRcnRule } from "./rcn-rule.js";
import type { RcnRule, RcnScheme } from "./rcn-scheme.js";
import { isRcnPrefix, type RcnMeasure, type RcnValue } from "./restricted-circulation.js";

export { isRestrictedCirculation, type RcnMeasure, type RcnValue } from "./restricted-circulation.js";

/** Options for {@link decodeRcn}. */
export interface DecodeRcnOptions {
  /**
   * Whether a layout's price/weight check digit (`K`) must match. Turn it off only for labels known to print
   * something else in that position; the EAN check digit is checked regardless.
   * @default true
   */
  readonly verifyPriceWeightCheckDigit?: boolean;
}

/**
 * Decodes a scale label: a restricted-circulation EAN-13 whose digits carry an item code and a price, weight
 * or count, laid out as `scheme` says.
 *
 * Errors (never thrown): `EMPTY_INPUT`; `BAD_CHARSET` for a non-digit; `BAD_LENGTH` unless 13 digits or 14
 * with a leading 0; `BAD_CHECK_DIGIT` for a wrong EAN check digit (`linter: "csum"`) or a wrong price/weight
 * check digit (`offset` at the `K` digit); `NOT_GS1` for a valid GTIN that is not a restricted-circulation
 * number (see {@link isRestrictedCirculation}) or whose prefix the scheme has no rule for. `offset` counts
 * from the start of `gtin` as given.
 *
 * @param gtin the digits the scanner read, 13 (EAN-13) or 14 (GTIN-14 form, leading 0)
 * @param scheme the label layout: a preset from `RCN_PRESETS` or your own from `defineRcnScheme`; defaults to
 *   `DEFAULT_RCN_SCHEME` (Chinese scales: "FF IIIII PPPPP C", price in fen)
 * @throws RangeError only when the rule for the label's prefix is malformed — a scheme that skipped
 *   `defineRcnScheme`
 * @example
 * decodeRcn("2000123012506")
 * // { ok: true, value: { scheme: "CHINA_SCALE", prefix: "20", itemCode: "00123",
 * //   measure: { kind: "price", amountMinor: 1250, currency: "CNY" }, … } }
 * decodeRcn("2811111068708", RCN_PRESETS.GERMANY)
 * // { ok: true, value: { …, measure: { kind: "weight", grams: 6870 } } }
 */
export function decodeRcn(
  gtin: string,
  scheme: RcnScheme = DEFAULT_RCN_SCHEME,
  options: DecodeRcnOptions = {},
): Result<RcnValue, Gs1Error> {
  if (gtin === "") return failure("EMPTY_INPUT", "no digits to decode", 0);
  const nonDigit = gtin.search(/\D/);
  if (nonDigit >= 0) return failure("BAD_CHARSET", `${marked(gtin, nonDigit)}: an EAN-13 is digits only`, nonDigit);
  if (gtin.length !== 13 && gtin.length !== 14) {
    return failure("BAD_LENGTH", `${gtin}: an RCN is 13 digits, or 14 with a leading 0, not ${gtin.length}`, 0);
  }
  const last = gtin.length - 1;
  if (!hasValidMod10CheckDigit(gtin)) {
    const expected = mod10CheckDigit(gtin.slice(0, last));
    const message = `${marked(gtin, last)}: check digit should be ${expected}, not ${gtin[last]}`;
    return { ok: false, error: { code: "BAD_CHECK_DIGIT", message, offset: last, linter: "csum" } };
  }
  // A GTIN-14 with indicator 1–9 is a case of trade units, never a scale label: RCNs have no 14-digit form.
  if (gtin.length === 14 && !gtin.startsWith("0")) {
    return failure("NOT_GS1", `${marked(gtin, 0)}: a GTIN-14 with an indicator digit is not an RCN`, 0);
  }
  const shift = gtin.length - 13;
  const ean13 = gtin.slice(shift);
  const prefix = ean13.slice(0, 2);
  if (!isRcnPrefix(prefix)) {
    return failure("NOT_GS1", `${gtin}: prefix ${prefix} is not a restricted-circulation prefix (02, 20–29)`, shift);
  }
  const rule = scheme.rules.find((candidate) => candidate.prefixes.includes(prefix));
  if (rule === undefined) {
    return failure("NOT_GS1", `${gtin}: RCN scheme "${scheme.name}" has no rule for prefix ${prefix}`, shift);
  }
  const positions = checkRcnRule(rule, `RCN scheme "${scheme.name}"`);
  const valueDigits = ean13.slice(positions.value.start, positions.value.end);
  const checkDigitAt = positions.checkDigit;
  if (checkDigitAt !== undefined && options.verifyPriceWeightCheckDigit !== false) {
    const expected = priceWeightCheckDigit(valueDigits);
    const found = ean13[checkDigitAt];
    if (String(expected) !== found) {
      const offset = shift + checkDigitAt;
      const message = `${marked(gtin, offset)}: price/weight check digit of ${valueDigits} should be ${expected}, not ${found}`;
      return failure("BAD_CHECK_DIGIT", message, offset);
    }
  }
  // Zeroing the value also zeroes its price/weight check digit: every weighting factor maps 0 to 0.
  const payload = [...ean13.slice(0, 12)]
    .map((digit, index) => (index === checkDigitAt || isWithin(index, positions.value) ? "0" : digit))
    .join("");
  return {
    ok: true,
    value: {
      scheme: scheme.name,
      gtin: ean13,
      prefix,
      itemCode: ean13.slice(positions.itemCode.start, positions.itemCode.end),
      measure: measureOf(rule, Number(valueDigits)),
      gtinWithoutMeasure: `${payload}${mod10CheckDigit(payload)}`,
    },
  };
}

/**
 * Lets parse() decode labels of `scheme` with the generic decoder, which the scheme then carries (so that the
 * main entry need not); before the scheme is frozen.
 * @returns the scheme itself
 */
export function withScaleDecoder<T extends RcnScheme>(scheme: T): T {
  return attachScaleDecoder(scheme, (gtin) => decodeRcn(gtin, scheme));
}

function measureOf(rule: RcnRule, value: number): RcnMeasure {
  switch (rule.measure) {
    case "price":
      return {
        kind: "price",
        amountMinor: value * 10 ** (minorUnitDigits(rule.currency) - rule.decimals),
        currency: rule.currency,
      };
    case "weight":
      return { kind: "weight", grams: value * 10 ** (3 - rule.decimals) };
    case "count":
      return { kind: "count", count: value };
  }
}

function isWithin(index: number, range: { readonly start: number; readonly end: number }): boolean {
  return index >= range.start && index < range.end;
}

/** The input with the character at `offset` fenced, e.g. `251111|8|000120`, as the parser's messages do. */
function marked(input: string, offset: number): string {
  return `${input.slice(0, offset)}|${input.slice(offset, offset + 1)}|${input.slice(offset + 1)}`;
}

function failure(code: Gs1ErrorCode, message: string, offset: number): Result<never, Gs1Error> {
  return { ok: false, error: { code, message, offset } };
}
