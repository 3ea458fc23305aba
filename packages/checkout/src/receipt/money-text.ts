// Amounts as a receipt prints them. Both locales print CNY as "¥12.50": the till and its customer are in China, the
// header names the store, and "CN¥" (what Intl prints in English) would cost a column on a 32-column slip and set the
// English receipt's amounts out of line with the Chinese one. Any other currency prints its ISO code: "USD 12.50".
import { minorDigitsOf, minorToDecimal } from "../catalog/price-decimal.js";

/** 1250 CNY → "¥12.50" (or "￥12.50" with `yuanSign`); −149 → "-¥1.49"; 1250 USD → "USD 12.50". */
export function formatMoney(amountMinor: number, currency: string, yuanSign: "¥" | "￥" = "¥"): string {
  const sign = amountMinor < 0 ? "-" : "";
  const digits = minorToDecimal(Math.abs(amountMinor), minorDigitsOf(currency));
  return currency === "CNY" ? `${sign}${yuanSign}${digits}` : `${sign}${currency} ${digits}`;
}

/** "YYYY-MM-DD HH:MM:SS" of `atMs` in the IANA `timeZone` (the store's wall clock, whatever the machine's zone). */
export function localTimeText(atMs: number, timeZone: string): string {
  // An Intl.DateTimeFormat takes ~1 ms to build (time-zone data): one per zone, kept.
  let format = WALL_CLOCKS.get(timeZone);
  if (format === undefined) {
    format = new Intl.DateTimeFormat("en-US", {
      timeZone,
      hourCycle: "h23",
      year: "numeric",
      month: "2-digit",
      day: "2-digit",
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
    });
    WALL_CLOCKS.set(timeZone, format);
  }
  const parts = format.formatToParts(atMs);
  const part = (type: Intl.DateTimeFormatPartTypes) => parts.find((entry) => entry.type === type)?.value ?? "";
  return `${part("year")}-${part("month")}-${part("day")} ${part("hour")}:${part("minute")}:${part("second")}`;
}

const WALL_CLOCKS = new Map<string, Intl.DateTimeFormat>();
