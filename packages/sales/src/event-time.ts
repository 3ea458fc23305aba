// eventTime is UTC; eventTimeZoneOffset is the store's offset at that instant (EPCIS 2.0 §7.4.1), read from the
// IANA zone with Intl so daylight-saving stores get the offset of the moment of sale, not of today.

const formatters = new Map<string, Intl.DateTimeFormat>();

/** The store zone's UTC offset at `epochMs`, as EPCIS writes it: `+08:00`, `-05:00`, `+00:00`. */
export function timeZoneOffset(timeZone: string, epochMs: number): string {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat("en-US", { timeZone, timeZoneName: "longOffset" });
    formatters.set(timeZone, formatter);
  }
  const name = formatter.formatToParts(epochMs).find((part) => part.type === "timeZoneName")?.value ?? "GMT";
  // "GMT" alone is UTC; otherwise "GMT+08:00" / "GMT-03:30".
  return name === "GMT" ? "+00:00" : name.slice(3);
}

/** Throws when `timeZone` is not an IANA zone this runtime knows (a configuration bug). */
export function checkTimeZone(timeZone: string): void {
  try {
    timeZoneOffset(timeZone, 0);
  } catch {
    throw new TypeError(`timeZone: "${timeZone}" is not an IANA time zone`);
  }
}
