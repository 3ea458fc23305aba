// "Expired" is decided on the store's calendar date, not UTC's: in Shanghai a pack expiring 2026-12-31 is still
// sellable at 2026-12-31T23:30+08:00, which is 15:30 UTC, and no longer at 00:30+08:00 on 1 January, which UTC
// still calls 31 December.

// Building a DateTimeFormat costs tens of µs; one per zone is kept (a cache of immutable formatters, not state).
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (formatter === undefined) {
    formatter = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/**
 * The calendar date "YYYY-MM-DD" at `nowMs` in the store's IANA time zone: the `today` evaluate() takes.
 * Throws RangeError for an unknown zone or a non-finite instant (a caller's bug, not outside input).
 * @param nowMs - epoch milliseconds from the till's injected clock
 * @param timeZone - IANA zone of the store. @default "Asia/Shanghai"
 * @example
 * storeDate(Date.parse("2026-12-31T16:30:00Z")); // "2027-01-01" (00:30 in Shanghai)
 */
export function storeDate(nowMs: number, timeZone = "Asia/Shanghai"): string {
  if (!Number.isFinite(nowMs)) throw new RangeError(`storeDate: nowMs must be a finite number, got ${nowMs}`);
  let year = "";
  let month = "";
  let day = "";
  for (const part of formatterFor(timeZone).formatToParts(nowMs)) {
    if (part.type === "year") year = part.value;
    else if (part.type === "month") month = part.value;
    else if (part.type === "day") day = part.value;
  }
  return `${year.padStart(4, "0")}-${month}-${day}`;
}
