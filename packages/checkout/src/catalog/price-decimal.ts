// Prices typed by people ("12.50" yuan) become integer minor units by moving the decimal point in the string, never
// through floating point: 0.1 + 0.2 style errors (e.g. 19.99 * 100 = 1998.9999999999998) cannot creep in.

/** Digits after the decimal point of `currency`'s minor unit (CNY 2, JPY 0, BHD 3), as Intl knows it. */
export function minorDigitsOf(currency: string): number {
  // Building an Intl.NumberFormat costs ~0.1 ms; receipts format dozens of amounts in one currency.
  let digits = MINOR_DIGITS.get(currency);
  if (digits === undefined) {
    try {
      digits =
        new Intl.NumberFormat("en", { style: "currency", currency }).resolvedOptions().maximumFractionDigits ?? 2;
    } catch {
      // An invalid code is refused by the schema's own currency check; 2 keeps this function total.
      digits = 2;
    }
    MINOR_DIGITS.set(currency, digits);
  }
  return digits;
}

const MINOR_DIGITS = new Map<string, number>();

/** "12.50" → 1250 for a 2-digit currency; `undefined` when the text is not a plain non-negative decimal with at
 * most `minorDigits` decimals. */
export function decimalToMinor(text: string, minorDigits: number): number | undefined {
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text.trim());
  if (!match) return undefined;
  const whole = match[1] ?? "";
  const fraction = match[2] ?? "";
  if (fraction.length > minorDigits) return undefined;
  const minor = Number(`${whole}${fraction.padEnd(minorDigits, "0")}`);
  return Number.isSafeInteger(minor) ? minor : undefined;
}

/** 1250 → "12.50" for a 2-digit currency. */
export function minorToDecimal(minor: number, minorDigits: number): string {
  const sign = minor < 0 ? "-" : "";
  const digits = String(Math.abs(minor)).padStart(minorDigits + 1, "0");
  if (minorDigits === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -minorDigits)}.${digits.slice(-minorDigits)}`;
}
