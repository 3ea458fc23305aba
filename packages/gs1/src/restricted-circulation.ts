// What a decoded scale label is, and which GTINs are scale labels at all: restricted-circulation EAN-13s
// (prefix 02 or 20–29, GenSpecs §2.1.11–2.1.12). The package's main entry needs both for parse(); the decoding
// of arbitrary layouts lives in the "rcn" subpath.
import { hasValidMod10CheckDigit } from "./check-digit.js";

/** The embedded value, as integers: money in minor units, weight in grams. */
export type RcnMeasure =
  /** A price, e.g. `{ kind: "price", amountMinor: 1250, currency: "CNY" }` for ¥12.50. */
  | { readonly kind: "price"; readonly amountMinor: number; readonly currency: string }
  /** A net weight, e.g. `{ kind: "weight", grams: 1234 }` for 1.234 kg. */
  | { readonly kind: "weight"; readonly grams: number }
  /** A number of pieces. */
  | { readonly kind: "count"; readonly count: number };

/** A decoded scale label. */
export interface RcnValue {
  /** The `name` of the scheme that decoded it, e.g. "CHINA_SCALE". */
  readonly scheme: string;
  /** The label as a 13-digit EAN-13 (a 14-digit input loses its leading 0). */
  readonly gtin: string;
  /** The first two digits: "02" or "20"–"29". */
  readonly prefix: string;
  /** The item (PLU) digits, leading zeros kept, e.g. "00123". Together with `prefix` it names the product. */
  readonly itemCode: string;
  readonly measure: RcnMeasure;
  /**
   * The label with the value and its check digit zeroed and the EAN check digit recomputed: one GTIN per
   * product whatever it weighed, for catalogues keyed by GTIN. e.g. "2000123012506" → "2000123000008".
   */
  readonly gtinWithoutMeasure: string;
}

/**
 * Whether `gtin` is a restricted-circulation EAN-13 for a geographic region: 13 digits (or 14 with a leading
 * 0), a valid check digit and the prefix 02 or 20–29. Says nothing about whether a given scheme can decode it.
 * @example isRestrictedCirculation("2000123012506") // true
 * @example isRestrictedCirculation("6901234567892") // false: an ordinary GTIN
 */
export function isRestrictedCirculation(gtin: string): boolean {
  if (!/^0?\d{13}$/.test(gtin) || !hasValidMod10CheckDigit(gtin)) return false;
  return isRcnPrefix(gtin.slice(gtin.length - 13, gtin.length - 11));
}

/** Whether two digits are a restricted-circulation prefix: 02 or 20–29. */
export function isRcnPrefix(prefix: string): boolean {
  return prefix === "02" || prefix.startsWith("2");
}
