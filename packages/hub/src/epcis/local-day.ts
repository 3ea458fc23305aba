// The day a sale counts for is the store's calendar date when it happened: EPCIS carries the instant
// (`eventTime`) and the offset the event was recorded in (`eventTimeZoneOffset`, EPCIS 2.0 §7.3.2), so the local
// date is the instant shifted by that offset, never the hub's own time zone.

const OFFSET = /^([+-])(\d{2}):(\d{2})$/;

/** The local calendar date "YYYY-MM-DD" of an instant recorded at an offset, or undefined when either is unreadable. */
export function localDay(eventTime: string, eventTimeZoneOffset: string): string | undefined {
  const instantMs = Date.parse(eventTime);
  const offset = OFFSET.exec(eventTimeZoneOffset);
  if (Number.isNaN(instantMs) || offset === null) return undefined;
  const sign = offset[1] === "-" ? -1 : 1;
  const offsetMs = sign * (Number(offset[2]) * 60 + Number(offset[3])) * 60_000;
  const shifted = new Date(instantMs + offsetMs);
  return Number.isNaN(shifted.getTime()) ? undefined : shifted.toISOString().slice(0, 10);
}
