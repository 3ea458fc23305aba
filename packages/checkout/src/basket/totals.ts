// Basket totals from its lines. The total is the sum of line totals exactly: no rounding happens here, every
// rounding happened once, on its line, where the receipt shows it.
import type { Totals } from "../sale/completed-sale.js";
import type { BasketLine } from "./basket-line.js";
import { includedTaxMinor } from "./money-math.js";

/** Totals of `lines`, all in `currency`. Tax is computed per rate on the rate's gross, not per line. */
export function totalsOf(lines: readonly BasketLine[], currency: string): Totals {
  let subtotalMinor = 0;
  let markdownMinor = 0;
  let units = 0;
  const grossByRate = new Map<number, number>();
  for (const line of lines) {
    subtotalMinor += line.amountMinor;
    markdownMinor += line.markdown?.discountMinor ?? 0;
    units += line.quantity.kind === "count" ? line.quantity.units : 1;
    if (line.taxRatePercent !== undefined)
      grossByRate.set(line.taxRatePercent, (grossByRate.get(line.taxRatePercent) ?? 0) + line.totalMinor);
  }
  const taxes = [...grossByRate]
    .sort(([a], [b]) => b - a)
    .map(([ratePercent, grossMinor]) => ({
      ratePercent,
      grossMinor,
      taxMinor: includedTaxMinor(grossMinor, ratePercent),
    }));
  return { currency, subtotalMinor, markdownMinor, totalMinor: subtotalMinor - markdownMinor, units, taxes };
}
