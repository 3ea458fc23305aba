// Amounts, weights, dates and ages in the till's language (Intl; ¥ for CNY in both).
import type { Locale } from "../messages/index.js";

/** ¥12.50 in either language (the narrow symbol: English would otherwise write CN¥). */
export function money(minor: number, locale: Locale, currency = "CNY"): string {
  return new Intl.NumberFormat(locale, { style: "currency", currency, currencyDisplay: "narrowSymbol" }).format(
    minor / 100,
  );
}

/** 0.512 → "0.512". */
export function kilograms(kg: number, locale: Locale): string {
  return new Intl.NumberFormat(locale, { minimumFractionDigits: 3, maximumFractionDigits: 3 }).format(kg);
}

/** An age in ms as "5 min" / "3 hours" / "2 days". */
export function age(ms: number, locale: Locale): string {
  const format = (value: number, unit: "minute" | "hour" | "day") =>
    new Intl.NumberFormat(locale, { style: "unit", unit, unitDisplay: "long" }).format(value);
  const minutes = Math.floor(ms / 60_000);
  if (minutes < 60) return format(minutes, "minute");
  const hours = Math.floor(minutes / 60);
  return hours < 48 ? format(hours, "hour") : format(Math.floor(hours / 24), "day");
}

/** A time of day in the store's zone. */
export function timeOfDay(atMs: number, locale: Locale, timeZone: string): string {
  return new Intl.DateTimeFormat(locale, { timeZone, dateStyle: "short", timeStyle: "short" }).format(atMs);
}

/** Yuan typed by a person ("12.5", "12,50") → fen, or undefined. */
export function minorFromYuan(text: string): number | undefined {
  const cleaned = text
    .trim()
    .replace(",", ".")
    .replace(/^[¥￥]/, "");
  if (!/^\d{1,7}(\.\d{0,2})?$/.test(cleaned)) return undefined;
  const [whole = "0", fraction = ""] = cleaned.split(".");
  return Number(whole) * 100 + Number(fraction.padEnd(2, "0"));
}
