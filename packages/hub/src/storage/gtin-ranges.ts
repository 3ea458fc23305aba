// A producer owns the GTINs under its GS1 company prefixes. A GTIN-14 is an indicator digit (0 for the GTIN-13
// itself, 1–8 for its cases) followed by the GTIN-13 digits, so "under prefix P" means: digits 2… start with P.
// As key ranges over the GTIN-14 column that is ten ranges per prefix, which an ordinary index answers.

/** Inclusive GTIN-14 range. */
export interface GtinRange {
  readonly low: string;
  readonly high: string;
}

/** Disjoint, sorted GTIN-14 ranges covering every GTIN under the prefixes (a prefix inside a shorter one adds nothing). */
export function gtinRangesFor(companyPrefixes: readonly string[]): GtinRange[] {
  const sorted = [...new Set(companyPrefixes)].sort((a, b) => a.length - b.length);
  const kept: string[] = [];
  for (const prefix of sorted) if (!kept.some((shorter) => prefix.startsWith(shorter))) kept.push(prefix);
  const ranges: GtinRange[] = [];
  for (let indicator = 0; indicator <= 9; indicator += 1)
    for (const prefix of kept)
      ranges.push({ low: `${indicator}${prefix}`.padEnd(14, "0"), high: `${indicator}${prefix}`.padEnd(14, "9") });
  return ranges.sort((a, b) => (a.low < b.low ? -1 : 1));
}

/** Whether a GTIN-14 lies under one of the prefixes. */
export function isUnderPrefixes(gtin: string, companyPrefixes: readonly string[]): boolean {
  return companyPrefixes.some((prefix) => gtin.slice(1).startsWith(prefix));
}
