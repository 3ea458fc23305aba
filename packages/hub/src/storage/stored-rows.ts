// Rows read back from either storage (both use the same column names) into the hub's types, and the WHERE clause
// of a producer's sales query. Stored rows were validated on the way in; these only convert.
import type { CaptureJob, SalesQuery, SalesRow, TokenSubject } from "./hub-storage.js";
import { nullIfEmpty } from "./rollup.js";

type Row = Record<string, unknown>;

/** A token row (joined with its producer's prefixes) back to its subject. */
export function tokenSubjectOf(row: Row): TokenSubject | undefined {
  if (row.kind === "admin") return { kind: "admin" };
  if (row.kind === "store") return { kind: "store", gln: String(row.subject) };
  if (row.kind === "producer" && typeof row.company_prefixes === "string")
    return { kind: "producer", id: String(row.subject), companyPrefixes: JSON.parse(row.company_prefixes) as string[] };
  return undefined;
}

/** A capture_jobs row back to a job. */
export function captureJobOf(row: Row): CaptureJob {
  return {
    captureId: String(row.capture_id),
    storeGln: String(row.store_gln),
    receivedAt: String(row.received_at),
    eventCount: Number(row.event_count),
    newEventCount: Number(row.new_event_count),
  };
}

/** A sales_daily row back to the wire's shape. */
export function salesRowOf(row: Row): SalesRow {
  return {
    gtin: String(row.gtin),
    batch: nullIfEmpty(String(row.batch)),
    day: String(row.day),
    store: String(row.store_gln),
    // Totals of decimal measures (0.525 KGM + …) carry binary rounding noise; 6 decimals is a gram of a tonne.
    quantity: Math.round(Number(row.quantity) * 1e6) / 1e6,
    uom: nullIfEmpty(String(row.uom)),
    events: Number(row.events),
  };
}

/** The WHERE clause of a sales query for one GTIN range, with `?` placeholders, and its parameters. */
export function salesFilter(query: SalesQuery, low: string, high: string): { where: string; parameters: string[] } {
  const clauses = ["gtin >= ?", "gtin <= ?"];
  const parameters = [low, high];
  const add = (clause: string, value: string | undefined) => {
    if (value === undefined) return;
    clauses.push(clause);
    parameters.push(value);
  };
  add("gtin = ?", query.gtin);
  add("batch = ?", query.batch);
  add("day >= ?", query.from);
  add("day <= ?", query.to);
  add("store_gln = ?", query.store);
  return { where: clauses.join(" AND "), parameters };
}
