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
export {
  type CatalogItem,
  type CatalogItemInput,
  CatalogItemSchema,
  type SaleUnit,
  SaleUnitSchema,
} from "./catalog/catalog-item.js";
export type { CheckoutError, CheckoutErrorCode } from "./engine/checkout-errors.js";
export type { CheckoutEvent } from "./engine/checkout-events.js";
export type {
  CheckoutOptions,
  RefundRecordInput,
  RefundRecordResult,
  SaleJournalPort,
  StoreInfo,
  TenderProviders,
} from "./engine/checkout-options.js";
export type { Alarm, CheckoutState, HeldBasket, PaymentInProgress } from "./engine/checkout-state.js";
export {
  type Checkout,
  type CheckoutTender,
  createCheckout,
  type ScanOutcome,
  type Staff,
} from "./engine/create-checkout.js";
export type { RefundDone, RefundRequest } from "./engine/refund-flow.js";
export { saleRecordOf } from "./engine/sale-record.js";
export type { ScanAdded } from "./engine/scan-flow.js";
export type { CompletedSale, SaleTender, Totals } from "./sale/completed-sale.js";
