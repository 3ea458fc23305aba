// The one interface every payment provider implements (STYLE.md: interface + factory, like unstorage drivers). The
// shape is the micropay shape every real wallet API shares (Alipay alipay.trade.pay, WeChat Pay micropay):
// pay → paid | failure | "user paying" → query → reverse when the budget runs out, idempotent by out_trade_no.
// Every method returns a PaymentResult and never throws for outside trouble; test/support/provider-conformance.ts
// is the suite each provider must pass.
import type { PaymentResult } from "./errors.js";
import type { Money } from "./money.js";
import type { PaymentCodeKind } from "./payment-code.js";

/** How a customer pays with this provider. */
export type PayMode =
  /** The customer shows a payment code (付款码) that the till scans; `authCode` carries it. */
  | "code"
  /** The till shows a dynamic QR code (precreate) that the customer's wallet scans and pays. */
  | "qr"
  /** Notes and coins handed over; `tenderedMinor` is what the customer gave. */
  | "cash";

/** What a provider can do; the bridge refuses tenders it cannot serve. */
export interface ProviderCapabilities {
  readonly payModes: readonly PayMode[];
  /** `reverse` (cancel / revoke) is available. */
  readonly reverse: boolean;
  /** `refund` is available. */
  readonly refund: boolean;
  /** A refund may be less than the amount paid. */
  readonly partialRefund: boolean;
  /** `query` can tell the state of an order number. */
  readonly query: boolean;
  /** The largest amount accepted, in minor units. */
  readonly maxAmountMinor: number;
  /** How long the till may keep polling an undecided payment before reversing it, in ms (WeChat: 30 s, Alipay: ≤ 60 s). */
  readonly budgetMs: number;
}

/** One payment request. The order number is the idempotency key: the same one twice is one charge. */
export interface PayRequest {
  /** The merchant's order number (out_trade_no): `[A-Za-z0-9_]`, at most 32 characters (WeChat's limit). */
  readonly outTradeNo: string;
  readonly amount: Money;
  /** The customer's payment code, for mode `"code"`. */
  readonly authCode?: string;
  /** What the customer handed over, in minor units, for mode `"cash"`. */
  readonly tenderedMinor?: number;
  /** Shown on the customer's wallet statement. */
  readonly subject: string;
}

/** A settled payment. */
export interface PaidTrade {
  readonly state: "paid";
  /** The provider's own trade number (transaction_id / trade_no). */
  readonly providerTradeNo: string;
  /** The amount charged, in minor units (for cash: after rounding). */
  readonly paidMinor: number;
  /** The wallet that paid, when known. */
  readonly channel?: PaymentCodeKind | "cash";
  /** Change to hand back, for cash, in minor units. */
  readonly changeMinor?: number;
}

/** What a query learns about an order number. */
export type TradeStatus =
  | PaidTrade
  /** Created, the customer has not paid yet (entering a password, or a dynamic QR not yet scanned). */
  | { readonly state: "awaiting_customer" }
  /** The provider has never seen this order number: the pay request was lost before it arrived. */
  | { readonly state: "not_found" }
  /** Closed or reversed without a charge remaining (`refunded: true` when money was taken and given back). */
  | { readonly state: "reversed"; readonly refunded: boolean }
  /** Failed for good (declined, user cancelled, code expired). */
  | { readonly state: "failed"; readonly code: "declined" | "code_invalid_or_used" | "cancelled" };

/** A reverse (cancel / revoke) that went through. */
export interface ReverseOutcome {
  /** `"closed"`: nothing had been charged; `"refunded"`: the customer had paid and the money went back. */
  readonly action: "closed" | "refunded";
}

/** A refund of (part of) a paid order; idempotent by `outRefundNo`. */
export interface RefundRequest {
  readonly outTradeNo: string;
  /** The merchant's refund number (out_refund_no / out_request_no): the same one twice is one refund. */
  readonly outRefundNo: string;
  readonly amount: Money;
  readonly reason?: string;
}

/** A refund that went through. */
export interface RefundOutcome {
  readonly outRefundNo: string;
  /** Everything refunded on the order so far, in minor units. */
  readonly totalRefundedMinor: number;
}

/** A dynamic QR code for the customer's wallet to scan (merchant-presented mode). */
export interface PrecreatedTrade {
  /** The URL to render as a QR code. */
  readonly qrCodeUrl: string;
}

/** A payment provider: cash, an aggregated-payment gateway, a card terminal… */
export interface PaymentProvider {
  /** Names the provider in tenders and stored attempts, e.g. `"cash"`, `"gateway"`. */
  readonly id: string;
  readonly capabilities: ProviderCapabilities;
  /** Takes a payment. The same `outTradeNo` again returns that order's real state, never a second charge. */
  pay(request: PayRequest): Promise<PaymentResult<PaidTrade>>;
  /** Creates an order paid by the customer scanning `qrCodeUrl` (capability `payModes` includes `"qr"`). */
  precreate(request: PayRequest): Promise<PaymentResult<PrecreatedTrade>>;
  /** The state of an order number. */
  query(outTradeNo: string): Promise<PaymentResult<TradeStatus>>;
  /** Cancels an order: closes it if unpaid, refunds it if paid (Alipay cancel semantics). */
  reverse(outTradeNo: string): Promise<PaymentResult<ReverseOutcome>>;
  /** Refunds (part of) a paid order. */
  refund(request: RefundRequest): Promise<PaymentResult<RefundOutcome>>;
}
