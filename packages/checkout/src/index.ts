// @scangate/checkout — the till engine a POS vendor embeds with one import.
export type {
  BasketLine,
  LineCheck,
  LineCheckCode,
  LineMarkdown,
  LineQuantity,
  LineResolution,
} from "./basket/basket-line.js";
export { DEFAULT_GATE_POLICY, type GatePolicy } from "./basket/line-gate.js";
export { DEFAULT_PRICE_TOLERANCE, type PriceTolerance } from "./basket/price-line.js";
export type { Catalog } from "./catalog/catalog.js";
export type {
  CatalogError,
  CatalogErrorCode,
  CatalogResult,
  RowIssue,
  RowIssueCode,
} from "./catalog/catalog-errors.js";
export {
  type CatalogItem,
  type CatalogItemInput,
  CatalogItemSchema,
  type SaleUnit,
  SaleUnitSchema,
} from "./catalog/catalog-item.js";
export { CATALOG_JSON_FORMAT } from "./catalog/catalog-json.js";
export type { CatalogSearchOptions } from "./catalog/catalog-search.js";
export {
  type CatalogImportOptions,
  type CatalogImportSummary,
  type CatalogOptions,
  type CatalogStore,
  createCatalog,
} from "./catalog/create-catalog.js";
export type { IndexedDbBinding } from "./catalog/indexed-db-binding.js";
export { type MemoryCatalog, memoryCatalog } from "./catalog/memory-catalog.js";
export type { Checkout, CheckoutTender, ScanOutcome, Staff } from "./engine/checkout-api.js";
export type { CheckoutError, CheckoutErrorCode } from "./engine/checkout-errors.js";
export type { CheckoutEvent } from "./engine/checkout-events.js";
export type {
  CheckoutOptions,
  RefundRecordResult,
  SaleJournalPort,
  StoreInfo,
  TenderProviders,
} from "./engine/checkout-options.js";
export type { Alarm, CheckoutState, HeldBasket, PaymentInProgress } from "./engine/checkout-state.js";
export { createCheckout } from "./engine/create-checkout.js";
export type { RefundDone, RefundRequest } from "./engine/refund-flow.js";
export { saleRecordOf } from "./engine/sale-record.js";
export type { ScanAdded } from "./engine/scan-flow.js";
export {
  createSaleJournal,
  type JournalListOptions,
  type SaleJournal,
  type SaleJournalOptions,
  type SerialSale,
} from "./journal/create-sale-journal.js";
export type { JournalRefund, RefundInput } from "./journal/journal-db.js";
export type { JournalError, JournalErrorCode, JournalResult } from "./journal/journal-errors.js";
export { RefundInputSchema } from "./journal/refund-check.js";
export { formatMoney } from "./receipt/money-text.js";
export { receiptHtml } from "./receipt/receipt-html.js";
export type { Receipt, ReceiptDate, ReceiptLine, ReceiptLocale, ReceiptTender } from "./receipt/receipt-model.js";
export { type ReceiptOptions, receiptOf } from "./receipt/receipt-of.js";
export { type ReceiptTextOptions, receiptText } from "./receipt/receipt-text.js";
export type { CompletedSale, SaleTender, Totals } from "./sale/completed-sale.js";
export type { OpenBasket, OpenPayment } from "./sale/open-basket.js";
