// The wire protocol of ScanGate's generic aggregated-payment gateway (聚合支付), spoken by `httpGateway` and by the
// simulator, and the one a POS vendor's adapter server translates to its acquirer (README "Mapping onto an
// acquirer"). Modelled on Alipay alipay.trade.pay / WeChat Pay micropay: every business answer is HTTP 200 with a
// gateway `code`; HTTP 5xx means the gateway itself failed. Zod schemas are the one source of truth for the types.
import { z } from "zod";

/** Request paths, relative to the gateway's base URL. */
export const GATEWAY_PATHS = {
  pay: "v1/pay",
  precreate: "v1/precreate",
  query: "v1/query",
  reverse: "v1/reverse",
  refund: "v1/refund",
} as const;

/** A gateway operation. */
export type GatewayOperation = keyof typeof GATEWAY_PATHS;

/** The headers that carry the request signature. */
export const SIGNATURE_HEADERS = {
  merchant: "x-sg-merchant",
  timestamp: "x-sg-timestamp",
  nonce: "x-sg-nonce",
  signature: "x-sg-signature",
} as const;

const OrderNumber = z.string().regex(/^[A-Za-z0-9_]{1,32}$/, "1–32 characters of [A-Za-z0-9_]");
const AmountMinor = z.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Currency = z.string().regex(/^[A-Z]{3}$/);

/** Body of `v1/pay` (payment code) and `v1/precreate` (dynamic QR, no `authCode`). */
export const PayBodySchema = z.object({
  merchantId: z.string().min(1),
  outTradeNo: OrderNumber,
  amountMinor: AmountMinor,
  currency: Currency,
  authCode: z.string().min(1).max(64).optional(),
  subject: z.string().max(128),
});
/** Body of `v1/pay` and `v1/precreate`. */
export type PayBody = z.infer<typeof PayBodySchema>;

/** Body of `v1/query` and `v1/reverse`. */
export const OrderBodySchema = z.object({ merchantId: z.string().min(1), outTradeNo: OrderNumber });
/** Body of `v1/query` and `v1/reverse`. */
export type OrderBody = z.infer<typeof OrderBodySchema>;

/** Body of `v1/refund`. */
export const RefundBodySchema = z.object({
  merchantId: z.string().min(1),
  outTradeNo: OrderNumber,
  outRefundNo: z.string().regex(/^[A-Za-z0-9_]{1,64}$/),
  amountMinor: AmountMinor,
  currency: Currency,
  reason: z.string().max(256).optional(),
});
/** Body of `v1/refund`. */
export type RefundBody = z.infer<typeof RefundBodySchema>;

/** Every code the gateway answers with; README maps each to a ScanGate code and to Alipay / WeChat codes. */
export const GATEWAY_CODES = [
  "SUCCESS",
  "USERPAYING",
  "SYSTEMERROR",
  "AUTH_CODE_INVALID",
  "AUTHCODEEXPIRE",
  "AUTH_CODE_USED",
  "NOTENOUGH",
  "PAYERROR",
  "USER_CANCELLED",
  "ORDERREVERSED",
  "ORDERCLOSED",
  "TRADE_NOT_EXIST",
  "TRADE_HAS_REFUND",
  "REFUND_EXCEEDED",
  "OUT_TRADE_NO_USED",
  "OUT_REFUND_NO_USED",
  "SIGN_ERROR",
  "PARAM_ERROR",
  "RATE_LIMITED",
] as const;
/** A gateway answer code. */
export type GatewayCode = (typeof GATEWAY_CODES)[number];

/** States of an order at the gateway (WeChat trade_state names). */
export const TradeStateSchema = z.enum(["SUCCESS", "USERPAYING", "NOTPAY", "CLOSED", "REVOKED", "PAYERROR"]);
/** A gateway order state. */
export type TradeState = z.infer<typeof TradeStateSchema>;

/** An order as the gateway reports it. */
export const TradeSchema = z.object({
  outTradeNo: OrderNumber,
  tradeNo: z.string().min(1).optional(),
  tradeState: TradeStateSchema,
  /** 0 only for the tombstone a reverse leaves for an order number the gateway never saw. */
  amountMinor: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  currency: Currency,
  channel: z.enum(["alipay", "wechat", "unionpay"]).optional(),
  refundedMinor: z.number().int().nonnegative(),
  /** For PAYERROR: why (a GatewayCode such as NOTENOUGH or USER_CANCELLED). */
  failCode: z.enum(GATEWAY_CODES).optional(),
});
/** An order as the gateway reports it. */
export type Trade = z.infer<typeof TradeSchema>;

/** Every gateway reply. Which optional fields are present depends on the operation and the code. */
export const GatewayReplySchema = z.object({
  code: z.enum(GATEWAY_CODES),
  message: z.string(),
  trade: TradeSchema.optional(),
  /** For `v1/reverse`: whether the order was closed unpaid or refunded (Alipay cancel's `action`). */
  action: z.enum(["close", "refund"]).optional(),
  /** For `v1/precreate`: the URL the till renders as a QR code. */
  qrCodeUrl: z.string().url().optional(),
  /** For `v1/refund`. */
  outRefundNo: z.string().optional(),
  totalRefundedMinor: z.number().int().nonnegative().optional(),
});
/** Every gateway reply. */
export type GatewayReply = z.infer<typeof GatewayReplySchema>;

/**
 * The string both sides sign: method, path (with its leading slash), timestamp, nonce and the exact body bytes as
 * text, one per line. Signing the raw body (not re-serialised JSON) means both sides hash the same bytes.
 */
export function canonicalString(method: string, path: string, timestamp: string, nonce: string, body: string): string {
  return [method.toUpperCase(), path, timestamp, nonce, body].join("\n");
}
