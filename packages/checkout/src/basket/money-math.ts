// Integer money arithmetic in minor units. Weights are carried as whole grams so that kg × price never goes
// through binary floating point (0.1 kg × ¥12.30 must be ¥1.23, not ¥1.2299999).

/** `numerator / denominator` rounded half up, for non-negative integers (Chinese retail rounds fen half up). */
export function divideRoundHalfUp(numerator: number, denominator: number): number {
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** Whole grams of a weight in kilograms as scales and AI 310n give it (three decimals). */
export function gramsOf(kg: number): number {
  return Math.round(kg * 1000);
}

/** Whole grams of a GS1 decimal weight in kg (AI 310n: `scaled` digits with `decimals` decimals), exactly. */
export function gramsOfDecimal(scaled: number, decimals: number): number {
  return decimals <= 3 ? scaled * 10 ** (3 - decimals) : divideRoundHalfUp(scaled, 10 ** (decimals - 3));
}

/** The price of `grams` at `pricePerKgMinor`, rounded half up to the minor unit. */
export function weighedPriceMinor(grams: number, pricePerKgMinor: number): number {
  return divideRoundHalfUp(grams * pricePerKgMinor, 1000);
}

/** The VAT inside a tax-inclusive gross amount at `ratePercent`: gross × r / (100 + r), rounded half up. */
export function includedTaxMinor(grossMinor: number, ratePercent: number): number {
  // Rates such as 9 or 13 are whole; 1.5 % exists in some schemes, so scale by 100 to stay in integers.
  const rate = Math.round(ratePercent * 100);
  return divideRoundHalfUp(grossMinor * rate, 10_000 + rate);
}
