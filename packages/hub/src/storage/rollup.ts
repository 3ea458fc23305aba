// The per-(GTIN, batch, day, store, unit) totals producers read, computed from the events of one capture so that
// storage adds them in the same transaction as the events: reading 10 million sale lines then costs one indexed
// range scan over the totals instead of a scan over the lines.
import type { CapturedEvent } from "../epcis/sale-events.js";

/** One total to add; `batch` and `uom` are "" for none, because they are part of a primary key. */
export interface RollupDelta {
  readonly gtin: string;
  readonly batch: string;
  readonly day: string;
  readonly store: string;
  readonly uom: string;
  readonly quantity: number;
  readonly events: number;
}

/** The totals the given (new) events add, sorted by key so concurrent transactions lock rows in one order. */
export function rollupOf(events: readonly CapturedEvent[]): RollupDelta[] {
  const totals = new Map<string, { -readonly [K in keyof RollupDelta]: RollupDelta[K] }>();
  for (const event of events) {
    const seenInEvent = new Set<string>();
    for (const line of event.lines) {
      const batch = line.batch ?? "";
      const uom = line.uom ?? "";
      const key = `${line.gtin}\u0000${batch}\u0000${event.day}\u0000${event.storeGln}\u0000${uom}`;
      let total = totals.get(key);
      if (total === undefined) {
        total = { gtin: line.gtin, batch, day: event.day, store: event.storeGln, uom, quantity: 0, events: 0 };
        totals.set(key, total);
      }
      total.quantity += line.quantity;
      if (!seenInEvent.has(key)) total.events += 1;
      seenInEvent.add(key);
    }
  }
  return [...totals.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, total]) => total);
}

/** Stored "" back to the wire's null. */
export function nullIfEmpty(value: string): string | null {
  return value === "" ? null : value;
}
