// What a scanned item costs. Fixed-price items: units × catalogue price. Variable-measure items: a price encoded in
// the barcode (AI 392n, or an in-store scale label) wins, because it is what the customer saw on the label; the
// weight × catalogue price per kg is only a cross-check, and a mismatch past the tolerance warns (a mis-set scale,
// or a label moved from a cheaper product).
import type { Gs1Data } from "@scangate/gs1";
import type { Markdown } from "@scangate/rules";
import type { CatalogItem } from "../catalog/catalog-item.js";
import type { LineCheck, LineMarkdown, LineQuantity } from "./basket-line.js";
import { divideRoundHalfUp, gramsOf, gramsOfDecimal, weighedPriceMinor } from "./money-math.js";

/** How far an encoded price may be from weight × price per kg before the line warns. */
export interface PriceTolerance {
  /** Percent of the computed price. @default 2 */
  readonly percent: number;
  /** At least this many minor units (scales round to a few fen). @default 10 */
  readonly minimumMinor: number;
}

/** The default weight/price tolerance. */
export const DEFAULT_PRICE_TOLERANCE: PriceTolerance = { percent: 2, minimumMinor: 10 };

/** A line's quantity, unit price and amount before markdown, and any price check. */
export interface LinePrice {
  readonly quantity: LineQuantity;
  readonly unitPriceMinor: number;
  readonly amountMinor: number;
  readonly checks: readonly LineCheck[];
}

/** The measure a scan carries: grams from AI 310n or a weight label, a price from AI 392n or a price label. */
function measureOf(data: Gs1Data): { grams?: number; encodedPriceMinor?: number } {
  const measure: { grams?: number; encodedPriceMinor?: number } = {};
  if (data.netWeight?.unitCode === "KGM")
    measure.grams = gramsOfDecimal(data.netWeight.scaled, data.netWeight.decimals);
  if (data.price?.amountMinor !== undefined) measure.encodedPriceMinor = data.price.amountMinor;
  const label = data.rcn?.measure;
  if (label?.kind === "weight") measure.grams = label.grams;
  if (label?.kind === "price") measure.encodedPriceMinor = label.amountMinor;
  return measure;
}

/** Prices a scanned item; `units` applies to items sold by the unit. */
export function priceScannedItem(
  data: Gs1Data,
  item: CatalogItem,
  units: number,
  tolerance: PriceTolerance,
): LinePrice {
  const { grams, encodedPriceMinor } = measureOf(data);
  if (grams === undefined && encodedPriceMinor === undefined) {
    const count = data.rcn?.measure.kind === "count" ? data.rcn.measure.count : units;
    return {
      quantity: { kind: "count", units: count },
      unitPriceMinor: item.priceMinor,
      amountMinor: count * item.priceMinor,
      checks: [],
    };
  }
  if (grams === undefined) {
    // A price label without a weight: one piece at the printed price.
    const price = encodedPriceMinor as number;
    return { quantity: { kind: "count", units: 1 }, unitPriceMinor: price, amountMinor: price, checks: [] };
  }
  const computed = weighedPriceMinor(grams, item.priceMinor);
  const quantity: LineQuantity = { kind: "weight", kg: grams / 1000 };
  if (encodedPriceMinor === undefined)
    return { quantity, unitPriceMinor: item.priceMinor, amountMinor: computed, checks: [] };
  const allowed = Math.max(tolerance.minimumMinor, divideRoundHalfUp(computed * tolerance.percent, 100));
  const checks: LineCheck[] =
    item.unit === "kg" && Math.abs(encodedPriceMinor - computed) > allowed
      ? [
          {
            code: "WEIGHT_PRICE_MISMATCH",
            action: "warn",
            message: `label price ${encodedPriceMinor} differs from ${grams} g × ${item.priceMinor}/kg = ${computed}`,
            encodedPriceMinor,
            computedPriceMinor: computed,
          },
        ]
      : [];
  return { quantity, unitPriceMinor: item.priceMinor, amountMinor: encodedPriceMinor, checks };
}

/** Prices an item added by hand: a count of units, or a weight in kilograms for items sold by the kg. */
export function priceManualItem(item: CatalogItem, amount: { units?: number; kg?: number }): LinePrice {
  if (item.unit === "kg" && amount.kg !== undefined) {
    const grams = gramsOf(amount.kg);
    return {
      quantity: { kind: "weight", kg: grams / 1000 },
      unitPriceMinor: item.priceMinor,
      amountMinor: weighedPriceMinor(grams, item.priceMinor),
      checks: [],
    };
  }
  const units = amount.units ?? 1;
  return {
    quantity: { kind: "count", units },
    unitPriceMinor: item.priceMinor,
    amountMinor: units * item.priceMinor,
    checks: [],
  };
}

/** The line discount for a near-expiry markdown the rules returned; `undefined` when it takes nothing off. */
export function lineMarkdown(markdown: Markdown | undefined, price: LinePrice): LineMarkdown | undefined {
  if (markdown === undefined) return undefined;
  const discountMinor =
    "percentOff" in markdown
      ? // percentOff may have decimals (12.5 %): scale to hundredths of a percent to stay in integers.
        divideRoundHalfUp(price.amountMinor * Math.round(markdown.percentOff * 100), 10_000)
      : price.amountMinor -
        Math.min(price.amountMinor, markdown.priceMinor * (price.quantity.kind === "count" ? price.quantity.units : 1));
  if (discountMinor <= 0) return undefined;
  return { reasonCode: markdown.reasonCode, discountMinor, daysLeft: markdown.daysLeft };
}
