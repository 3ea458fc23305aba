// The default RCN scheme, for the label Chinese retail scales print out of the box, with a decoder of its own:
// it is the only layout most tills here meet, and a fixed layout needs none of the generic decoder's checks.
import { mod10CheckDigit } from "./check-digit.js";
import { fail, type Gs1Error, type Result } from "./errors.js";
import { attachScaleDecoder } from "./rcn-decoders.js";
import type { RcnScheme } from "./rcn-scheme.js";
import type { RcnValue } from "./restricted-circulation.js";

/**
 * The label most Chinese retail scales (Dahua, Aclas, Rongta …) print out of the box: "FF IIIII PPPPP C",
 * a 2-digit flag 20–29, the 5-digit PLU/item code, the 5-digit total price in fen (so at most ¥999.99) and
 * the EAN check digit, with no separate price check digit. GS1 China publishes no layout for prefixes
 * 20–29, and stalls rarely change the scale's default, so this is what a wet-market till meets first.
 * Vendors document it as `F1F2 CCCCC XXXXX CD` (e.g. https://m.d17.cc/tz_283844/sell/showpro-59702441.html).
 * A scale set to print weight, or a different flag, needs a scheme of its own (see `defineRcnScheme`).
 */
export const CHINA_SCALE: RcnScheme = /* @__PURE__ */ attachScaleDecoder(
  {
    name: "CHINA_SCALE",
    rules: [
      {
        prefixes: ["20", "21", "22", "23", "24", "25", "26", "27", "28", "29"],
        layout: "FFIIIIIVVVVVC",
        measure: "price",
        currency: "CNY",
        decimals: 2,
      },
    ],
  },
  decodeDefaultScaleLabel,
);

/**
 * What parse() and `decodeRcn` use when no scheme is given: `RCN_PRESETS.CHINA_SCALE`, because ScanGate's
 * tills sit in Chinese wet markets and supermarkets, where the scale's factory layout is what gets scanned.
 */
export const DEFAULT_RCN_SCHEME: RcnScheme = CHINA_SCALE;

/**
 * Decodes a label as CHINA_SCALE lays it out, exactly as `decodeRcn(gtin, CHINA_SCALE)` does (a test holds
 * them to the same answers) for the labels parse() hands it: a restricted-circulation GTIN whose check digit
 * is already verified, 13 digits or 14 with a leading 0.
 */
export function decodeDefaultScaleLabel(gtin: string): Result<RcnValue, Gs1Error> {
  const shift = gtin.length - 13;
  const ean13 = gtin.slice(shift);
  const prefix = ean13.slice(0, 2);
  if (prefix === "02") {
    const message = `${gtin}: RCN scheme "${CHINA_SCALE.name}" has no rule for prefix ${prefix}`;
    return fail("NOT_GS1", message, shift);
  }
  const payload = `${ean13.slice(0, 7)}00000`;
  return {
    ok: true,
    value: {
      scheme: CHINA_SCALE.name,
      gtin: ean13,
      prefix,
      itemCode: ean13.slice(2, 7),
      measure: { kind: "price", amountMinor: Number(ean13.slice(7, 12)), currency: "CNY" },
      gtinWithoutMeasure: `${payload}${mod10CheckDigit(payload)}`,
    },
  };
}
