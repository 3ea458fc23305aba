// @scangate/payments — a payment bridge that never charges twice and never loses a payment.

// The bridge (what a till uses)
export {
  type AttemptState,
  isResolved,
  type PaymentAttempt,
  type RefundRecord,
  type SaleSummary,
  type Tender,
  UNRESOLVED_STATES,
} from "./bridge/attempt.js";
export {
  type AttemptUpdate,
  createPaymentBridge,
  type PaymentBridge,
  type PaymentBridgeOptions,
} from "./bridge/create-payment-bridge.js";
// Providers
export { type CashMovement, type CashOptions, type CashProvider, type CashRounding, cash, roundCash } from "./cash.js";
// Errors and results
export type { BridgeError, BridgeErrorCode, PaymentError, PaymentErrorCode, PaymentResult } from "./errors.js";
export { GATEWAY_CODE_MAP } from "./gateway/gateway-codes.js";
export { type HttpGatewayOptions, httpGateway } from "./gateway/http-gateway.js";
// The gateway wire protocol (for adapter servers)
export {
  canonicalString,
  GATEWAY_CODES,
  GATEWAY_PATHS,
  type GatewayCode,
  type GatewayReply,
  GatewayReplySchema,
  type OrderBody,
  OrderBodySchema,
  type PayBody,
  PayBodySchema,
  type RefundBody,
  RefundBodySchema,
  SIGNATURE_HEADERS,
  type Trade,
  TradeSchema,
  type TradeState,
} from "./gateway/protocol.js";
export { createRequestSigner, type RequestSigner } from "./gateway/signing.js";
// Money and payment codes
export { type Money, type MoneyLimits, validateMoney } from "./money.js";
export { classifyPaymentCode, type PaymentCodeKind } from "./payment-code.js";
export type {
  PaidTrade,
  PayMode,
  PaymentProvider,
  PayRequest,
  PrecreatedTrade,
  ProviderCapabilities,
  RefundOutcome,
  RefundRequest,
  ReverseOutcome,
  TradeStatus,
} from "./provider.js";
export type { Result } from "./result.js";
