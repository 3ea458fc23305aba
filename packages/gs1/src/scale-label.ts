// In-store scale labels inside parse(): a GTIN that is a restricted-circulation number (prefix 02, 20–29) is
// decoded by the till's RCN scheme, and its embedded price, weight or count fills the same fields as the
// AIs 392n, 310n and 30 would, so the checkout treats a scale label and a GS1 DataMatrix alike.
import { minorUnitDigits } from "./currencies.js";
import type { Gs1Error, Result } from "./errors.js";
import type { Gs1Data } from "./gs1-data.js";
import { scaleDecoderOf } from "./rcn-decoders.js";
import type { RcnScheme } from "./rcn-scheme.js";
import { isRestrictedCirculation } from "./restricted-circulation.js";
import { decimalOf } from "./values.js";

type Writable<T> = { -readonly [K in keyof T]: T[K] };

const DONE: Result<void, Gs1Error> = { ok: true, value: undefined };

/**
 * Decodes the data's GTIN as a scale label when it is one. A label whose price/weight check digit is wrong is
 * an error (selling at a misread price is worse than a re-scan); a prefix the scheme has no rule for stays a
 * plain GTIN.
 */
export function addScaleLabel(data: Writable<Gs1Data>, scheme: RcnScheme): Result<void, Gs1Error> {
  if (data.gtin === undefined || !hasScaleLabelPrefix(data.gtin) || !isRestrictedCirculation(data.gtin)) {
    return DONE;
  }
  const decoded = scaleDecoderOf(scheme)(data.gtin);
  if (!decoded.ok) return decoded.error.code === "NOT_GS1" ? DONE : decoded;
  const label = decoded.value;
  data.rcn = label;
  if (data.source === "gtin") data.source = "rcn";
  const { measure } = label;
  if (measure.kind === "price") {
    data.price ??= {
      kind: "money",
      ...decimalOf(String(measure.amountMinor), minorUnitDigits(measure.currency)),
      currency: measure.currency,
      amountMinor: measure.amountMinor,
    };
  } else if (measure.kind === "weight") {
    data.netWeight ??= { kind: "measure", ...decimalOf(String(measure.grams), 3), unit: "kg", unitCode: "KGM" };
  } else data.count ??= measure.count;
  return DONE;
}

/** A quick look before the full check, as most GTINs are not RCNs: 0 then 02 or 2x for a 13-digit RCN. */
function hasScaleLabelPrefix(gtin14: string): boolean {
  return gtin14[0] === "0" && (gtin14[1] === "2" || (gtin14[1] === "0" && gtin14[2] === "2"));
}
