// EPCIS 2.0 sale events and capture documents as a till sends them (shaped like
// /work/shared/data/epcis-sale-example.jsonld, which validates against GS1's schema).
import { gtinCheckDigit } from "@scangate/gs1";

/** A GTIN-14 with a correct check digit from 13 digits of payload. */
export function gtin(payload13: string): string {
  return `${payload13}${gtinCheckDigit(payload13)}`;
}

/** A GLN with a correct check digit from 12 digits of payload. */
export function gln(payload12: string): string {
  return `${payload12}${gtinCheckDigit(payload12)}`;
}

export const STORE_A = gln("690123400001");
export const STORE_B = gln("690123400002");
/** Under company prefix 6901234. */
export const TOFU = gtin("0690123400011");
export const CABBAGE = gtin("0690123400012");
/** Under company prefix 6927777 (another producer). */
export const RICE = gtin("0692777700015");

/** Options of {@link saleEvent}. */
export interface SaleEventOptions {
  readonly id: string;
  readonly store: string;
  readonly gtin: string;
  readonly batch?: string;
  readonly quantity?: number;
  readonly uom?: string;
  /** Digital Link (default) or EPC URN identifiers. */
  readonly identifiers?: "digital-link" | "urn";
  readonly eventTime?: string;
  readonly offset?: string;
  readonly serials?: readonly string[];
}

/** One retail_selling ObjectEvent. */
export function saleEvent(options: SaleEventOptions): Record<string, unknown> {
  const urn = options.identifiers === "urn";
  const epcClass = urn
    ? `urn:epc:class:lgtin:${options.gtin.slice(1, 8)}.${options.gtin.slice(0, 1)}${options.gtin.slice(8, 13)}.${options.batch ?? "LOT1"}`
    : `https://id.gs1.org/01/${options.gtin}${options.batch === undefined ? "" : `/10/${encodeURIComponent(options.batch)}`}`;
  const location = urn
    ? `urn:epc:id:sgln:${options.store.slice(0, 7)}.${options.store.slice(7, 12)}.0`
    : `https://id.gs1.org/414/${options.store}`;
  const event: Record<string, unknown> = {
    type: "ObjectEvent",
    eventID: options.id,
    eventTime: options.eventTime ?? "2027-03-15T01:41:07.000Z",
    eventTimeZoneOffset: options.offset ?? "+08:00",
    action: "OBSERVE",
    bizStep: "retail_selling",
    disposition: "retail_sold",
    bizLocation: { id: location },
  };
  if (options.serials !== undefined)
    event.epcList = options.serials.map((serial) => `https://id.gs1.org/01/${options.gtin}/21/${serial}`);
  else
    event.quantityList = [
      { epcClass, quantity: options.quantity ?? 1, ...(options.uom === undefined ? {} : { uom: options.uom }) },
    ];
  return event;
}

/** An EPCISDocument around the events. */
export function captureDocument(events: readonly Record<string, unknown>[]): Record<string, unknown> {
  return {
    "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: "2027-03-15T01:41:09.120Z",
    epcisBody: { eventList: events },
  };
}
