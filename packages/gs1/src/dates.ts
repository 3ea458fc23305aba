// GS1 dates as calendar dates ("YYYY-MM-DD"), never JavaScript Dates at UTC midnight.

/**
 * The four-digit year of a two-digit GS1 year, by the sliding window of GenSpecs §7.12: relative to the current
 * year, a year 51–99 ahead belongs to the previous century and a year 50–99 behind to the next one, so the
 * window runs from 49 years back to 50 years ahead.
 */
export function yearFromTwoDigits(twoDigitYear: number, currentYear: number): number {
  const century = currentYear - (currentYear % 100);
  const difference = twoDigitYear - (currentYear % 100);
  if (difference >= 51) return century - 100 + twoDigitYear;
  if (difference <= -50) return century + 100 + twoDigitYear;
  return century + twoDigitYear;
}

/** Days in a month of the proleptic Gregorian calendar. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2) return year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28;
  return month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/**
 * "YYYY-MM-DD" for GS1 date digits (YYMMDD, or YYYYMMDD when `digits` has 8). A day of 00 ("day not
 * specified", allowed where the dictionary says `yymmd0`) is read as the last day of the month, which is how
 * GS1 and the peers (biip, BarcodeParser) interpret it for expiry: the product is good through that month.
 * The digits must already have passed the date linters.
 */
export function calendarDate(digits: string, currentYear: number): string {
  const fourDigitYear = digits.length === 8;
  const year = fourDigitYear
    ? twoDigits(digits, 0) * 100 + twoDigits(digits, 2)
    : yearFromTwoDigits(twoDigits(digits, 0), currentYear);
  const monthAt = fourDigitYear ? 4 : 2;
  const day = twoDigits(digits, monthAt + 2) || daysInMonth(year, twoDigits(digits, monthAt));
  return `${year < 1000 ? String(year).padStart(4, "0") : year}-${digits.slice(monthAt, monthAt + 2)}-${day < 10 ? "0" : ""}${day}`;
}

/** The number of the two digits at `index`. */
export function twoDigits(digits: string, index: number): number {
  return (digits.charCodeAt(index) - 48) * 10 + digits.charCodeAt(index + 1) - 48;
}

/** The calendar year of a "YYYY-MM-DD" date. */
export function yearOf(date: string): number {
  return Number(date.slice(0, 4));
}
