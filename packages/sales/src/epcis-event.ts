// One sale → one EPCIS 2.0 ObjectEvent per line (research §5.1): OBSERVE, retail_selling, retail_sold, what was
// sold as a quantity of its class (or the list of serialised units), where (store and till) and when (UTC + the
// store's offset). Pure: the time comes with the sale, the zone with the options.
import { saleEventId } from "./event-id.js";
import { timeZoneOffset } from "./event-time.js";
import { type IdentifierStyle, locationId, productClassId, serialisedItemId, toGtin14 } from "./identifiers.js";
import type { ParsedSale } from "./sale-schema.js";

/** The EPCIS 2.0 JSON-LD context every document names first. */
export const EPCIS_CONTEXT = "https://ref.gs1.org/standards/epcis/epcis-context.jsonld";
/** The namespace of ScanGate's event extension, declared in each document's `@context` as `scangate`. */
export const SCANGATE_NAMESPACE = "https://scangate.dev/ns/epcis/";

/** Where and how a till writes its events. */
export interface SaleEventOptions extends IdentifierStyle {
  /** The store's GLN (13 digits): `bizLocation`. */
  readonly storeGln: string;
  /** SGLN extension / AI (254) naming the till inside the store: `readPoint`. Absent = the store itself. */
  readonly tillExtension?: string;
  /** The store's IANA time zone, for `eventTimeZoneOffset`. */
  readonly timeZone: string;
}

/** What the till gated, in the `scangate:gate` extension (JSON-LD compact IRIs under `scangate:`). */
export interface GateExtension {
  readonly "scangate:action": "warn" | "block";
  readonly "scangate:overridden": boolean;
  readonly "scangate:overriddenBy"?: string;
  readonly "scangate:role"?: string;
  readonly "scangate:reasonCode"?: string;
  readonly "scangate:noticeIds"?: readonly string[];
}

/** A retail sale ObjectEvent as ScanGate writes it. */
export interface SaleObjectEvent {
  readonly type: "ObjectEvent";
  readonly eventID: string;
  readonly eventTime: string;
  readonly eventTimeZoneOffset: string;
  readonly action: "OBSERVE";
  readonly bizStep: "retail_selling";
  readonly disposition: "retail_sold";
  readonly readPoint: { readonly id: string };
  readonly bizLocation: { readonly id: string };
  readonly epcList?: readonly string[];
  readonly quantityList?: readonly { readonly epcClass: string; readonly quantity: number; readonly uom?: string }[];
  readonly "scangate:gate"?: GateExtension;
}

/** The events of a parsed sale, line by line; `soldAtMs` must be set (the outbox fills in its clock). */
export function saleEvents(
  sale: ParsedSale & { readonly soldAtMs: number },
  options: SaleEventOptions,
): SaleObjectEvent[] {
  const eventTime = new Date(sale.soldAtMs).toISOString();
  const eventTimeZoneOffset = timeZoneOffset(options.timeZone, sale.soldAtMs);
  const readPoint = { id: locationId(options.storeGln, options.tillExtension, options) };
  const bizLocation = { id: locationId(options.storeGln, undefined, options) };
  return sale.lines.map((line, index) => {
    const gtin14 = toGtin14(line.gtin);
    const what = line.serials
      ? { epcList: line.serials.map((serial) => serialisedItemId(gtin14, serial, options)) }
      : {
          quantityList: [
            {
              epcClass: productClassId(gtin14, line.batch, options),
              quantity: line.quantity,
              ...(line.uom ? { uom: line.uom } : {}),
            },
          ],
        };
    const gate = line.gate;
    return {
      type: "ObjectEvent",
      eventID: saleEventId(options.storeGln, sale.id, index),
      eventTime,
      eventTimeZoneOffset,
      action: "OBSERVE",
      bizStep: "retail_selling",
      disposition: "retail_sold",
      readPoint,
      bizLocation,
      ...what,
      ...(gate
        ? {
            "scangate:gate": {
              "scangate:action": gate.action,
              "scangate:overridden": gate.overridden,
              ...(gate.overriddenBy ? { "scangate:overriddenBy": gate.overriddenBy } : {}),
              ...(gate.role ? { "scangate:role": gate.role } : {}),
              ...(gate.reasonCode ? { "scangate:reasonCode": gate.reasonCode } : {}),
              ...(gate.noticeIds ? { "scangate:noticeIds": gate.noticeIds } : {}),
            },
          }
        : {}),
    };
  });
}

/** The head of every capture document up to the event list; `creationDate` is ISO 8601 UTC. */
function documentHead(creationDate: string): string {
  const head = JSON.stringify({
    "@context": [EPCIS_CONTEXT, { scangate: SCANGATE_NAMESPACE }],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate,
  });
  return `${head.slice(0, -1)},"epcisBody":{"eventList":[`;
}

/**
 * An EPCISDocument holding events already serialised as JSON text (as the outbox stores them): spliced, not
 * re-parsed, so a batch of 100 costs one string join.
 */
export function epcisDocumentText(eventsJson: readonly string[], creationDate: string): string {
  return `${documentHead(creationDate)}${eventsJson.join(",")}]}}`;
}
