// record(sale): validate, serialise, and commit the sale's events with its sale id in one IndexedDB transaction
// (sale-writer.ts groups concurrent sales into one).
// The promise resolves after the commit (with `strict` durability, after the disk flush), so a till may print the
// receipt knowing the sale will reach the producer. A sale id seen before is a no-op answering the first result.

import { type SaleEventOptions, saleEvents } from "./epcis-event.js";
import { type Result, type SalesError, salesError } from "./errors.js";
import { toGtin14 } from "./identifiers.js";
import type { PendingEvent, RecordedSale } from "./outbox-db.js";
import type { Routing } from "./routing.js";
import { SaleSchema } from "./sale-schema.js";
import type { SaleWriter, WriteOutcome } from "./sale-writer.js";

/** What `record` needs besides the database. */
export interface RecordContext extends SaleEventOptions {
  readonly routing: Routing;
  readonly nowMs: () => number;
}

/** Parses and serialises `input`; commits it unless its id is known. */
export async function recordSale(
  write: SaleWriter,
  input: unknown,
  context: RecordContext,
): Promise<Result<WriteOutcome, SalesError>> {
  const parsed = SaleSchema.safeParse(input);
  if (!parsed.success) {
    const issues = parsed.error.issues.map(
      (issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`,
    );
    return salesError("INVALID_SALE", `the sale was refused: ${issues[0] ?? "invalid"}`, { issues });
  }
  const recordedAtMs = context.nowMs();
  const sale = { ...parsed.data, soldAtMs: parsed.data.soldAtMs ?? recordedAtMs };
  // Serialised before the transaction opens: an IndexedDB transaction commits itself as soon as it waits on
  // anything but its own requests.
  const rows: PendingEvent[] = saleEvents(sale, context).map((event, index) => ({
    eventId: event.eventID,
    saleId: sale.id,
    route: context.routing.routeOf(toGtin14(sale.lines[index]?.gtin ?? "")),
    createdAtMs: recordedAtMs,
    attempts: 0,
    nextAttemptAtMs: recordedAtMs,
    json: JSON.stringify(event),
  }));
  const recorded: RecordedSale = { saleId: sale.id, recordedAtMs, eventIds: rows.map((row) => row.eventId) };
  try {
    return { ok: true, value: await write(recorded, rows) };
  } catch (error) {
    return salesError("STORAGE_FAILED", `recording sale ${sale.id} failed: ${(error as Error).message}`);
  }
}
