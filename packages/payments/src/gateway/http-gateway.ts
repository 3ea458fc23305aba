// The generic aggregated-payment gateway client: the protocol of protocol.ts over ky, signed with HMAC-SHA256.
// Paranoid by design: when a request that can move money (pay, reverse, refund) gets no clear answer — a timeout, a
// dropped connection, an HTTP 5xx, a reply we cannot read — the result is `outcome_unknown`, never a failure, so
// the bridge queries instead of paying again. A query that fails changes nothing, so it is `unavailable`.
import ky, { HTTPError, type KyInstance, TimeoutError } from "ky";
import { asyncScheduler, type SchedulerLike } from "rxjs";
import { type PaymentErrorCode, type PaymentResult, paymentError } from "../errors.js";
import type { PaidTrade, PaymentProvider, TradeStatus } from "../provider.js";
import { GATEWAY_CODE_MAP } from "./gateway-codes.js";
import {
  GATEWAY_PATHS,
  type GatewayOperation,
  type GatewayReply,
  GatewayReplySchema,
  SIGNATURE_HEADERS,
  type Trade,
} from "./protocol.js";
import { createRequestSigner } from "./signing.js";

/** Options of `httpGateway`. */
export interface HttpGatewayOptions {
  /** Base URL of the gateway, e.g. `https://pay.example.com/` (paths `v1/pay` … resolve against it). */
  readonly baseUrl: string;
  /** The merchant id the gateway issued. */
  readonly merchantId: string;
  /** The shared HMAC secret the gateway issued (UTF-8). */
  readonly secret: string;
  /** The provider id used in tenders. @default "gateway" */
  readonly id?: string;
  /** The fetch ky calls. @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch;
  /** Timeout of each request, in ms; a pay that times out is `outcome_unknown`. @default 10_000 */
  readonly timeoutMs?: number;
  /** The clock for request timestamps (`scheduler.now()`, epoch ms). @default rxjs asyncScheduler */
  readonly scheduler?: SchedulerLike;
  /** Largest amount the acquirer accepts, in minor units. @default 50_000_00 (¥50,000) */
  readonly maxAmountMinor?: number;
  /** How long the bridge may poll an undecided payment before reversing it, in ms. @default 30_000 (WeChat's rule) */
  readonly budgetMs?: number;
}

type Reply = { ok: true; value: GatewayReply } | { ok: false; error: ReturnType<typeof paymentError>["error"] };

const MONEY_MOVING: ReadonlySet<GatewayOperation> = new Set(["pay", "reverse", "refund", "precreate"]);

function randomNonce(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(12));
  return Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("");
}

/** The TradeStatus a gateway order is in. */
export function tradeStatusOf(trade: Trade): TradeStatus {
  switch (trade.tradeState) {
    case "SUCCESS":
      return paidOf(trade);
    case "USERPAYING":
    case "NOTPAY":
      return { state: "awaiting_customer" };
    case "CLOSED":
      return { state: "reversed", refunded: false };
    case "REVOKED":
      return { state: "reversed", refunded: trade.refundedMinor > 0 };
    case "PAYERROR": {
      const code = trade.failCode ? GATEWAY_CODE_MAP[trade.failCode] : "declined";
      return { state: "failed", code: code === "code_invalid_or_used" || code === "cancelled" ? code : "declined" };
    }
  }
}

function paidOf(trade: Trade): PaidTrade {
  return {
    state: "paid",
    providerTradeNo: trade.tradeNo ?? trade.outTradeNo,
    paidMinor: trade.amountMinor,
    ...(trade.channel ? { channel: trade.channel } : {}),
  };
}

function failure(reply: GatewayReply): ReturnType<typeof paymentError> {
  const mapped = GATEWAY_CODE_MAP[reply.code];
  const code: PaymentErrorCode = mapped === "ok" ? "outcome_unknown" : mapped;
  return paymentError(code, `gateway: ${reply.code}: ${reply.message}`, { gatewayCode: reply.code });
}

/**
 * A PaymentProvider for ScanGate's aggregated-payment gateway protocol (docs/gateway-protocol.md). A POS vendor
 * runs a small adapter server speaking this protocol in front of its acquirer (README: "Mapping onto an acquirer").
 * @example
 * const gateway = httpGateway({ baseUrl: "https://pay.example.com/", merchantId: "M1001", secret: process.env.SECRET });
 * const paid = await gateway.pay({ outTradeNo: "SG1", amount: { amountMinor: 1250, currency: "CNY" }, authCode, subject: "veg" });
 */
export function httpGateway(options: HttpGatewayOptions): PaymentProvider {
  if (!options.baseUrl || !options.merchantId || !options.secret)
    throw new TypeError("httpGateway: baseUrl, merchantId and secret are required");
  const baseUrl = options.baseUrl.endsWith("/") ? options.baseUrl : `${options.baseUrl}/`;
  const scheduler = options.scheduler ?? asyncScheduler;
  const signer = createRequestSigner(options.secret);
  const client: KyInstance = ky.create({
    baseUrl,
    timeout: options.timeoutMs ?? 10_000,
    // Never retried here: a retry of a pay is the bridge's decision (same order number, after a query).
    retry: 0,
    throwHttpErrors: true,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function call(operation: GatewayOperation, payload: Record<string, unknown>): Promise<Reply> {
    const path = GATEWAY_PATHS[operation];
    const body = JSON.stringify({ merchantId: options.merchantId, ...payload });
    const timestamp = String(Math.trunc(scheduler.now()));
    const nonce = randomNonce();
    const unclear: PaymentErrorCode = MONEY_MOVING.has(operation) ? "outcome_unknown" : "unavailable";
    try {
      const signature = await signer.sign("POST", new URL(path, baseUrl).pathname, timestamp, nonce, body);
      const response = await client.post(path, {
        body,
        headers: {
          "content-type": "application/json",
          [SIGNATURE_HEADERS.merchant]: options.merchantId,
          [SIGNATURE_HEADERS.timestamp]: timestamp,
          [SIGNATURE_HEADERS.nonce]: nonce,
          [SIGNATURE_HEADERS.signature]: signature,
        },
      });
      const parsed = GatewayReplySchema.safeParse(await response.json());
      if (!parsed.success) return paymentError(unclear, `${operation}: unreadable gateway reply`);
      return { ok: true, value: parsed.data };
    } catch (error) {
      if (error instanceof HTTPError) {
        const status = error.response.status;
        const code: PaymentErrorCode = status === 429 ? "unavailable" : status >= 500 ? unclear : "integration";
        return paymentError(code, `${operation}: gateway answered HTTP ${status}`, { status });
      }
      const reason = error instanceof TimeoutError ? "timed out" : (error as Error).message;
      return paymentError(unclear, `${operation}: ${reason}`);
    }
  }

  return {
    id: options.id ?? "gateway",
    capabilities: {
      payModes: ["code", "qr"],
      reverse: true,
      refund: true,
      partialRefund: true,
      query: true,
      maxAmountMinor: options.maxAmountMinor ?? 50_000_00,
      budgetMs: options.budgetMs ?? 30_000,
    },
    async pay(request): Promise<PaymentResult<PaidTrade>> {
      const reply = await call("pay", {
        outTradeNo: request.outTradeNo,
        amountMinor: request.amount.amountMinor,
        currency: request.amount.currency,
        authCode: request.authCode ?? "",
        subject: request.subject,
      });
      if (!reply.ok) return reply;
      if (reply.value.code !== "SUCCESS") return failure(reply.value);
      if (reply.value.trade?.tradeState !== "SUCCESS")
        return paymentError("outcome_unknown", "pay: SUCCESS without a paid trade", { gatewayCode: "SUCCESS" });
      return { ok: true, value: paidOf(reply.value.trade) };
    },
    async precreate(request) {
      const reply = await call("precreate", {
        outTradeNo: request.outTradeNo,
        amountMinor: request.amount.amountMinor,
        currency: request.amount.currency,
        subject: request.subject,
      });
      if (!reply.ok) return reply;
      if (reply.value.code !== "SUCCESS") return failure(reply.value);
      if (!reply.value.qrCodeUrl) return paymentError("outcome_unknown", "precreate: SUCCESS without a QR URL");
      return { ok: true, value: { qrCodeUrl: reply.value.qrCodeUrl } };
    },
    async query(outTradeNo) {
      const reply = await call("query", { outTradeNo });
      if (!reply.ok) return reply;
      if (reply.value.code === "TRADE_NOT_EXIST") return { ok: true, value: { state: "not_found" } };
      if (reply.value.code !== "SUCCESS") return failure(reply.value);
      if (!reply.value.trade) return paymentError("unavailable", "query: SUCCESS without a trade");
      return { ok: true, value: tradeStatusOf(reply.value.trade) };
    },
    async reverse(outTradeNo) {
      const reply = await call("reverse", { outTradeNo });
      if (!reply.ok) return reply;
      if (reply.value.code !== "SUCCESS") return failure(reply.value);
      return { ok: true, value: { action: reply.value.action === "refund" ? "refunded" : "closed" } };
    },
    async refund(request) {
      const reply = await call("refund", {
        outTradeNo: request.outTradeNo,
        outRefundNo: request.outRefundNo,
        amountMinor: request.amount.amountMinor,
        currency: request.amount.currency,
        ...(request.reason !== undefined ? { reason: request.reason } : {}),
      });
      if (!reply.ok) return reply;
      if (reply.value.code !== "SUCCESS") return failure(reply.value);
      return {
        ok: true,
        value: { outRefundNo: request.outRefundNo, totalRefundedMinor: reply.value.totalRefundedMinor ?? 0 },
      };
    },
  };
}
