// The price/weight check digit some restricted-circulation EAN-13 layouts carry beside the embedded value
// (GS1 General Specifications §7.9.2–7.9.4). The EAN check digit already guards the whole number; this one
// exists because scales print it, and a misread price is costlier than a misread item code. Each weighting
// table is a permutation of 0–9, so any single-digit change in the value changes the check digit.

// GenSpecs §7.9.2: each weighting factor maps a digit (the index) to its weighted product (the character there).
/** "2-": the units digit minus the tens digit of digit × 2, mod 10. */
const TWO_MINUS = "0246891357";
/** "3": the units digit of digit × 3. */
const THREE = "0369258147";
/** "5+": the units digit plus the tens digit of digit × 5. */
const FIVE_PLUS = "0516273849";
/** "5-": the units digit minus the tens digit of digit × 5, mod 10. */
const FIVE_MINUS = "0594837261";

/** §7.9.3: the factor for each position of a 4-digit value. */
const FOUR_DIGIT_FACTORS = [TWO_MINUS, TWO_MINUS, THREE, FIVE_MINUS];
/** §7.9.4: the factor for each position of a 5-digit value. */
const FIVE_DIGIT_FACTORS = [FIVE_PLUS, TWO_MINUS, FIVE_MINUS, FIVE_PLUS, TWO_MINUS];

/**
 * The GS1 price/weight check digit of a 4- or 5-digit price or weight field.
 *
 * 4 digits (§7.9.3): sum the weighted products, multiply by 3, keep the units digit.
 * 5 digits (§7.9.4): sum the weighted products, take the step up to the next multiple of 10, and answer the
 * digit whose "5-" product is that step.
 *
 * @param digits the value field exactly as printed, leading zeros included
 * @throws RangeError when `digits` is not 4 or 5 ASCII digits — a programming error, not bad scan data
 * @example priceWeightCheckDigit("2875") // 9
 * @example priceWeightCheckDigit("14685") // 6
 */
export function priceWeightCheckDigit(digits: string): number {
  if (!/^\d{4,5}$/.test(digits)) {
    throw new RangeError(`a price/weight check digit needs a 4- or 5-digit value: "${digits}"`);
  }
  const factors = digits.length === 4 ? FOUR_DIGIT_FACTORS : FIVE_DIGIT_FACTORS;
  let sum = 0;
  factors.forEach((table, position) => {
    sum += Number(table[Number(digits[position])]);
  });
  if (digits.length === 4) return (sum * 3) % 10;
  return FIVE_MINUS.indexOf(String((10 - (sum % 10)) % 10));
}
