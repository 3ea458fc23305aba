// GS1 Company Prefix lengths. An EPC URN splits a GTIN or GLN into company prefix and item/location reference,
// and the split cannot be read off the digits: it is whatever length GS1 (or the GS1 Member Organisation)
// allocated. A till that wants URNs is configured with that knowledge as a table of leading digits → length.

/**
 * Leading digits of a GS1 Company Prefix → its length (6–12). The longest matching key wins, so
 * `{ "952": 7, "9521999": 9 }` reads 952 1234 … as a 7-digit prefix and 952 1999 … as a 9-digit one.
 */
export type CompanyPrefixLengths = Readonly<Record<string, number>>;

/** The length table checked once: keys are digits, lengths 6–12. Throws for a broken configuration (a bug). */
export function checkCompanyPrefixLengths(table: CompanyPrefixLengths): void {
  for (const [digits, length] of Object.entries(table))
    if (!/^\d{1,12}$/.test(digits) || !Number.isInteger(length) || length < 6 || length > 12)
      throw new TypeError(`companyPrefixLengths: "${digits}" → ${length} is not digits → 6..12`);
}

/**
 * The company prefix length for `digits` (a GTIN-14 without its indicator digit, or a GLN), or undefined when no
 * key of the table matches.
 */
export function companyPrefixLength(table: CompanyPrefixLengths, digits: string): number | undefined {
  let best: { keyLength: number; length: number } | undefined;
  for (const [key, length] of Object.entries(table))
    if (digits.startsWith(key) && (!best || key.length > best.keyLength)) best = { keyLength: key.length, length };
  return best?.length;
}
