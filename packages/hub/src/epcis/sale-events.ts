// From validated EPCIS events to what the hub stores: each event's id, and for sale events (ObjectEvent,
// bizStep retail_selling) the lines a producer reads: GTIN, batch, local day, store GLN, quantity and unit.
// Non-sale events are kept for idempotency but carry no lines.
import { z } from "zod";
import { type HubError, hubError, type Result } from "../errors.js";
import { readLocationGln, readProductClass, readProductInstance } from "./identifiers.js";
import { localDay } from "./local-day.js";

/** One line of a sale: a quantity of one GTIN (and batch) in one unit. */
export interface SaleLine {
  readonly gtin: string;
  /** null when the identifier carries no batch (an SGTIN, a GTIN-only class). */
  readonly batch: string | null;
  /** Units, or the measure in `uom` (e.g. 0.525 KGM). */
  readonly quantity: number;
  /** UN/CEFACT unit code, null for a count of units. */
  readonly uom: string | null;
}

/** One event as the hub stores it. */
export interface CapturedEvent {
  readonly eventId: string;
  /** The store GLN the event is attributed to. */
  readonly storeGln: string;
  /** The store's local date of the event, "YYYY-MM-DD". */
  readonly day: string;
  readonly eventTime: string;
  /** Empty for events that are not sales. */
  readonly lines: readonly SaleLine[];
}

// The schema already checked types and formats; this reads only the fields the hub uses.
const EventFieldsSchema = z.object({
  type: z.string(),
  eventID: z.string().min(1).max(512).optional(),
  eventTime: z.string(),
  eventTimeZoneOffset: z.string(),
  bizStep: z.string().optional(),
  bizLocation: z.object({ id: z.string() }).optional(),
  epcList: z.array(z.string()).optional(),
  quantityList: z
    .array(z.object({ epcClass: z.string(), quantity: z.number().optional(), uom: z.string().optional() }))
    .optional(),
});
type EventFields = z.infer<typeof EventFieldsSchema>;

// CBV 2.0 §8.2: a bizStep is the bare word in JSON-LD, or its URN (CBV 1.x) or web-URI form.
const RETAIL_SELLING = new Set([
  "retail_selling",
  "urn:epcglobal:cbv:bizstep:retail_selling",
  "https://ref.gs1.org/cbv/BizStep-retail_selling",
]);

/**
 * Reads events (already valid EPCIS 2.0) for storage, attributed to the store whose token sent them.
 * @returns the events in document order, or MISSING_EVENT_ID, UNSUPPORTED_IDENTIFIER or STORE_MISMATCH for the
 * first event the hub cannot store.
 */
export function readCapturedEvents(events: readonly unknown[], storeGln: string): Result<CapturedEvent[], HubError> {
  const captured: CapturedEvent[] = [];
  const identifiers = memoisedIdentifiers();
  for (const [index, event] of events.entries()) {
    const fields = EventFieldsSchema.safeParse(event);
    if (!fields.success) return refuse("INVALID_EPCIS_DOCUMENT", index, "lacks eventTime or eventTimeZoneOffset");
    const read = readEvent(fields.data, storeGln, index, identifiers);
    if (!read.ok) return read;
    captured.push(read.value);
  }
  return { ok: true, value: captured };
}

// A till's document repeats the same store and the same few products in every event; reading each distinct
// identifier once per document keeps capture cost per event low.
function memoisedIdentifiers() {
  const memo = <T>(read: (id: string, day: string) => T) => {
    const cache = new Map<string, T>();
    return (id: string, day: string): T => {
      const key = `${day}\u0000${id}`;
      if (!cache.has(key)) cache.set(key, read(id, day));
      return cache.get(key) as T;
    };
  };
  return {
    gln: memo(readLocationGln),
    productClass: memo(readProductClass),
    productInstance: memo(readProductInstance),
  };
}
type Identifiers = ReturnType<typeof memoisedIdentifiers>;

function readEvent(
  event: EventFields,
  storeGln: string,
  index: number,
  identifiers: Identifiers,
): Result<CapturedEvent, HubError> {
  if (event.eventID === undefined)
    return refuse("MISSING_EVENT_ID", index, "has no eventID; the hub needs it to ignore retried events");
  const day = localDay(event.eventTime, event.eventTimeZoneOffset);
  if (day === undefined) return refuse("INVALID_EPCIS_DOCUMENT", index, "has an unreadable eventTime");
  const base = { eventId: event.eventID, storeGln, day, eventTime: event.eventTime };
  if (event.type !== "ObjectEvent" || event.bizStep === undefined || !RETAIL_SELLING.has(event.bizStep))
    return { ok: true, value: { ...base, lines: [] } };
  if (event.bizLocation !== undefined) {
    const gln = identifiers.gln(event.bizLocation.id, day);
    if (gln === undefined) return refuse("UNSUPPORTED_IDENTIFIER", index, `bizLocation ${event.bizLocation.id}`);
    if (gln !== storeGln)
      return refuse("STORE_MISMATCH", index, `is a sale at ${gln}, but the token belongs to store ${storeGln}`);
  }
  const lines: SaleLine[] = [];
  for (const item of event.quantityList ?? []) {
    const product = identifiers.productClass(item.epcClass, day);
    if (product === undefined) return refuse("UNSUPPORTED_IDENTIFIER", index, `epcClass ${item.epcClass}`);
    // EPCIS 2.0 §7.3.3.3: a QuantityElement without quantity names the class but no amount; it sells nothing.
    lines.push({
      gtin: product.gtin,
      batch: product.batch ?? null,
      quantity: item.quantity ?? 0,
      uom: item.uom ?? null,
    });
  }
  for (const epc of event.epcList ?? []) {
    const product = identifiers.productInstance(epc, day);
    if (product === undefined) return refuse("UNSUPPORTED_IDENTIFIER", index, `epc ${epc}`);
    lines.push({ gtin: product.gtin, batch: product.batch ?? null, quantity: 1, uom: null });
  }
  return { ok: true, value: { ...base, lines } };
}

function refuse(code: HubError["code"], index: number, what: string): { ok: false; error: HubError } {
  const article = code === "UNSUPPORTED_IDENTIFIER" ? "has an identifier the hub cannot read:" : "";
  const message = `event ${index} ${article ? `${article} ` : ""}${what}`;
  return { ok: false, error: hubError(code, message, [`epcisBody.eventList.${index}: ${what}`]) };
}
