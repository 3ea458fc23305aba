// GS1 mod-10 check digits (GenSpecs §7.9.1): weights 3, 1, 3, … from the rightmost payload digit, so leading
// zeros weigh nothing and zero-padding a GTIN-13 to 14 digits keeps its check digit.

/** The check digit for a string of payload digits (its first `length` characters, the digits before the check digit). */
export function mod10CheckDigit(payload: string, length = payload.length): number {
  let sum = 0;
  let weight = 3;
  for (let i = length - 1; i >= 0; i--) {
    sum += (payload.charCodeAt(i) - 48) * weight;
    weight = 4 - weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** Whether the last digit of an all-digit string is its GS1 mod-10 check digit. */
export function hasValidMod10CheckDigit(digits: string): boolean {
  const last = digits.length - 1;
  return last > 0 && mod10CheckDigit(digits, last) === digits.charCodeAt(last) - 48;
}

/**
 * The GS1 check digit of a GTIN given without it (7, 11, 12 or 13 digits).
 * @throws RangeError when the payload is not 7, 11, 12 or 13 digits — a programming error, not bad scan data.
 * @example gtinCheckDigit("950600013435") // 2
 */
export function gtinCheckDigit(payload: string): number {
  if (!/^(\d{7}|\d{11,13})$/.test(payload)) throw new RangeError(`not 7, 11, 12 or 13 digits: "${payload}"`);
  return mod10CheckDigit(payload);
}

/**
 * Whether a string is a GTIN-8, -12, -13 or -14 with a correct check digit.
 * @example isValidGtin("09506000134352") // true
 */
export function isValidGtin(gtin: string): boolean {
  return /^(\d{8}|\d{12,14})$/.test(gtin) && hasValidMod10CheckDigit(gtin);
}
