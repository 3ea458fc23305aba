// @scangate/sales — a durable sales stream from every till back to the producers, as EPCIS 2.0 events.

export { type CompanyPrefixLengths, companyPrefixLength } from "./company-prefix.js";
export {
  createSalesOutbox,
  type FlushSummary,
  type SalesOutbox,
} from "./create-sales-outbox.js";
// EPCIS 2.0 serialisation (pure; the outbox uses it, and so can a till that posts elsewhere)
export {
  EPCIS_CONTEXT,
  epcisDocumentText,
  type GateExtension,
  type SaleEventOptions,
  type SaleObjectEvent,
  SCANGATE_NAMESPACE,
  saleEvents,
} from "./epcis-event.js";
export type { Result, SalesError, SalesErrorCode } from "./errors.js";
export { SALE_EVENT_NAMESPACE, saleEventId } from "./event-id.js";
export { timeZoneOffset } from "./event-time.js";
export type { DeadLetter, OutboxStorage, RecordedSale } from "./outbox-db.js";
export type { OnlineEventTarget, SalesOutboxOptions } from "./outbox-options.js";
export type { SalesOutboxStatus } from "./outbox-status.js";
export type { ProducerRoute } from "./routing.js";
// The sale model (zod schemas; types inferred from them)
export {
  type GateRecord,
  GateRecordSchema,
  GtinSchema,
  type ParsedSale,
  type Sale,
  type SaleLine,
  SaleLineSchema,
  SaleSchema,
} from "./sale-schema.js";
