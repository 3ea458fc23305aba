// How a store's scale labels lay out a restricted-circulation EAN-13, as plain data. GS1 leaves prefixes 02 and
// 20–29 to each Member Organisation, and many (China among them) publish no layout at all, so the layout has to
// come from configuration: a scheme is JSON-shaped so integrators can keep theirs in a config file.
import { withScaleDecoder } from "./rcn.js";
import { checkRcnRule } from "./rcn-rule.js";

/** What a rule's value digits mean. */
export type RcnMeasureKind = "price" | "weight" | "count";

interface RcnRuleBase {
  /**
   * The two-digit EAN-13 prefixes this rule decodes: "02" or "20"–"29" (the GS1 prefixes reserved for
   * restricted circulation within a geographic region, GenSpecs §2.1.11–2.1.12). A prefix may appear in
   * only one rule of a scheme.
   * @example ["20", "21", "22"]
   */
  readonly prefixes: readonly string[];
  /**
   * One letter per EAN-13 digit, 13 in all: `FF` (the prefix) first and `C` (the EAN check digit) last; in
   * between one run of `I` (item code), one run of `V` (the embedded value) and at most one `K` (the
   * price/weight check digit, which needs a `V` run of 4 or 5 digits).
   * @example "FFIIIIIVVVVVC" // 2-digit prefix, 5-digit item code, 5-digit value
   * @example "FFIIIIKVVVVVC" // GS1 Germany: 4-digit item code, check digit, 5-digit value
   */
  readonly layout: string;
}

/** The value digits are a price in `currency`, e.g. the total a scale charged. */
export interface RcnPriceRule extends RcnRuleBase {
  readonly measure: "price";
  /** ISO 4217 alphabetic code. @example "CNY" */
  readonly currency: string;
  /**
   * How many of the value digits are decimals of the major unit (yuan, krone); at most the currency's ISO 4217
   * minor-unit digits (2 for CNY, 0 for JPY), so the price is a whole number of minor units.
   * @example 2 // "01250" is 12.50
   */
  readonly decimals: number;
}

/** The value digits are a net weight in kilograms. */
export interface RcnWeightRule extends RcnRuleBase {
  readonly measure: "weight";
  /**
   * How many of the value digits are decimals of a kilogram, 0–3 (finer than a gram is not representable).
   * @example 3 // "01234" is 1.234 kg
   */
  readonly decimals: number;
}

/** The value digits are a count of pieces. */
export interface RcnCountRule extends RcnRuleBase {
  readonly measure: "count";
}

/** How the labels with some prefixes are laid out and what their value digits mean. */
export type RcnRule = RcnPriceRule | RcnWeightRule | RcnCountRule;

/**
 * A named set of rules for the restricted-circulation EAN-13s of one region or store. Plain data: write one
 * in JSON, pass it through {@link defineRcnScheme} at start-up, and hand it to `decodeRcn`.
 */
export interface RcnScheme {
  /** Reported back in every decoded value, e.g. "CHINA_SCALE" or "my-market-2024". */
  readonly name: string;
  readonly rules: readonly RcnRule[];
}

/**
 * Checks a scheme and returns a frozen copy of it, so a typo in a config file fails at start-up rather than
 * at the till.
 *
 * A bad scheme is a programming or configuration error, not bad scan data, so this throws. `decodeRcn` runs
 * the same checks on the rule it uses, so a scheme that skipped this step cannot decode garbage either.
 *
 * @throws RangeError naming the scheme, the rule and what is wrong: a layout that is not 13 letters of the
 *   `FF…C` grammar, a prefix outside 02/20–29 or claimed by two rules, a `K` beside a value that is not 4 or
 *   5 digits, a currency that is not 3 capital letters, decimals out of range, or an unknown key
 * @example
 * const market = defineRcnScheme({
 *   name: "my-market",
 *   rules: [
 *     { prefixes: ["20"], layout: "FFIIIIIVVVVVC", measure: "price", currency: "CNY", decimals: 2 },
 *     { prefixes: ["21"], layout: "FFIIIIIVVVVVC", measure: "weight", decimals: 3 },
 *   ],
 * });
 */
export function defineRcnScheme(scheme: RcnScheme): RcnScheme {
  if (typeof scheme !== "object" || scheme === null) throw new RangeError("an RCN scheme must be an object");
  const { name, rules } = scheme;
  if (typeof name !== "string" || name === "") throw new RangeError("an RCN scheme needs a non-empty name");
  if (!Array.isArray(rules) || rules.length === 0) {
    throw new RangeError(`RCN scheme "${name}" needs at least one rule`);
  }
  const claimedBy = new Map<string, number>();
  rules.forEach((rule: RcnRule, index) => {
    checkRcnRule(rule, `RCN scheme "${name}", rule ${index}`);
    for (const prefix of rule.prefixes) {
      const earlier = claimedBy.get(prefix);
      if (earlier !== undefined) {
        throw new RangeError(`RCN scheme "${name}": prefix ${prefix} is in both rule ${earlier} and rule ${index}`);
      }
      claimedBy.set(prefix, index);
    }
  });
  const copies = rules.map((rule) => Object.freeze({ ...rule, prefixes: Object.freeze([...rule.prefixes]) }));
  return Object.freeze(withScaleDecoder({ name, rules: Object.freeze(copies) }));
}
