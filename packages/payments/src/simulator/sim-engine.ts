// The simulator's aggregator: trades keyed by order number, single-use payment codes, customers who take time to
// enter a password, reverse and refund rules, and a ledger of every movement of money. Time is read from an injected
// clock and a waiting customer is resolved lazily at the next request, so the engine needs no timers.
// Rules (modelled on Alipay alipay.trade.pay/cancel and WeChat Pay micropay/reverse):
// - the same order number with the same parameters returns the order's real state (idempotency); with other
//   parameters it is OUT_TRADE_NO_USED;
// - a payment code is burnt by its first use, even when that payment fails (Alipay: "即使支付失败也需刷新");
// - reverse closes an unpaid order and refunds a paid one (Alipay cancel); a reversed order cannot be refunded and
//   its order number cannot be paid again; a reverse of an unknown order number leaves a tombstone so a late pay
//   request cannot take money afterwards.

import type { GatewayCode, GatewayReply, OrderBody, PayBody, RefundBody, Trade } from "../gateway/protocol.js";
import { classifyPaymentCode } from "../payment-code.js";
import { behaviourOfCode, type CodeBehaviour } from "./sim-script.js";

/** A charge the simulator made. */
export interface LedgerCharge {
  readonly outTradeNo: string;
  readonly tradeNo: string;
  readonly amountMinor: number;
  readonly currency: string;
  readonly channel: string;
  readonly atMs: number;
}

/** Money the simulator gave back, by a refund or by reversing a paid order. */
export interface LedgerRefund {
  readonly outTradeNo: string;
  /** The refund number, or `"reverse"` for a reversal. */
  readonly outRefundNo: string;
  readonly amountMinor: number;
  readonly atMs: number;
}

/** Everything the simulator did, for test assertions. */
export interface SimulatorLedger {
  readonly charges: readonly LedgerCharge[];
  readonly refunds: readonly LedgerRefund[];
  /** Every order it knows, as `v1/query` would report it. */
  readonly trades: readonly Trade[];
}

interface SimTrade {
  trade: Trade;
  readonly authCode: string | undefined;
  readonly subject: string;
  resolveAtMs?: number | undefined;
  behaviour?: CodeBehaviour;
  readonly refunds: Map<string, number>;
  readonly qrToken?: string;
}

/** The engine's operations; each returns the reply to send. */
export interface SimulatorEngine {
  pay(body: PayBody): GatewayReply;
  precreate(body: PayBody, qrUrlFor: (token: string) => string): GatewayReply;
  query(body: OrderBody): GatewayReply;
  reverse(body: OrderBody, options: { refuseWhilePaying: boolean; payFirst: boolean }): GatewayReply;
  refund(body: RefundBody): GatewayReply;
  /** The customer's wallet pays a dynamic QR code. */
  payQr(token: string, channel: "alipay" | "wechat" | "unionpay"): GatewayReply;
  setCodeBehaviour(authCode: string, behaviour: CodeBehaviour): void;
  ledger(): SimulatorLedger;
}

/** Options of the engine. */
export interface SimulatorEngineOptions {
  readonly clock: () => number;
  /** Draws numbers in [0, 1); seeded, so trade numbers repeat run to run. */
  readonly random: () => number;
  readonly userPayingMs: number;
}

const reply = (code: GatewayCode, message: string, extra: Partial<GatewayReply> = {}): GatewayReply => ({
  code,
  message,
  ...extra,
});

/** A fresh engine with no trades. */
export function createSimulatorEngine(options: SimulatorEngineOptions): SimulatorEngine {
  const trades = new Map<string, SimTrade>();
  const byQrToken = new Map<string, SimTrade>();
  const usedCodes = new Set<string>();
  const scriptedCodes = new Map<string, CodeBehaviour>();
  const charges: LedgerCharge[] = [];
  const refunds: LedgerRefund[] = [];
  let serial = 0;

  const newTradeNo = () => {
    serial += 1;
    return `SIM${String(serial).padStart(8, "0")}${Math.floor(options.random() * 1e8)
      .toString()
      .padStart(8, "0")}`;
  };

  function charge(sim: SimTrade, channel: "alipay" | "wechat" | "unionpay"): void {
    const tradeNo = sim.trade.tradeNo ?? newTradeNo();
    sim.trade = { ...sim.trade, tradeState: "SUCCESS", tradeNo, channel };
    const { outTradeNo, amountMinor, currency } = sim.trade;
    charges.push({ outTradeNo, tradeNo, amountMinor, currency, channel, atMs: options.clock() });
  }

  /** A customer who was entering a password decides once their time has come. */
  function settle(sim: SimTrade, force = false): void {
    if (sim.trade.tradeState !== "USERPAYING" || sim.resolveAtMs === undefined) return;
    if (!force && options.clock() < sim.resolveAtMs) return;
    sim.resolveAtMs = undefined;
    if (sim.behaviour?.outcome === "cancel")
      sim.trade = { ...sim.trade, tradeState: "PAYERROR", failCode: "USER_CANCELLED" };
    else charge(sim, sim.trade.channel ?? "alipay");
  }

  function current(outTradeNo: string): SimTrade | undefined {
    const sim = trades.get(outTradeNo);
    if (sim) settle(sim);
    return sim;
  }

  /** The reply for an order that exists, as a repeated pay sees it. */
  function stateReply(sim: SimTrade): GatewayReply {
    const trade = sim.trade;
    switch (trade.tradeState) {
      case "SUCCESS":
        return reply("SUCCESS", "paid", { trade });
      case "USERPAYING":
        return reply("USERPAYING", "waiting for the customer's password", { trade });
      case "PAYERROR":
        return reply(trade.failCode ?? "PAYERROR", "payment failed", { trade });
      case "REVOKED":
        return reply("ORDERREVERSED", "order reversed; place a new order", { trade });
      case "CLOSED":
        return reply("ORDERCLOSED", "order closed", { trade });
      case "NOTPAY":
        return reply("OUT_TRADE_NO_USED", "order number already used for a QR order", { trade });
    }
  }

  function newTrade(body: PayBody, extra: Partial<Trade> = {}): Trade {
    return {
      outTradeNo: body.outTradeNo,
      tradeState: "NOTPAY",
      amountMinor: body.amountMinor,
      currency: body.currency,
      refundedMinor: 0,
      ...extra,
    };
  }

  return {
    pay(body) {
      const existing = current(body.outTradeNo);
      if (existing) {
        const same =
          existing.authCode === body.authCode &&
          existing.trade.amountMinor === body.amountMinor &&
          existing.trade.currency === body.currency;
        return same || existing.trade.amountMinor === 0
          ? stateReply(existing)
          : reply("OUT_TRADE_NO_USED", "order number already used with other parameters");
      }
      const authCode = body.authCode ?? "";
      const channel = classifyPaymentCode(authCode);
      if (channel === null) return reply("AUTH_CODE_INVALID", "not a payment code of a known wallet");
      if (usedCodes.has(authCode)) return reply("AUTH_CODE_USED", "payment code already used; refresh it");
      usedCodes.add(authCode);
      const behaviour = scriptedCodes.get(authCode) ?? behaviourOfCode(authCode, options.userPayingMs);
      const sim: SimTrade = { trade: newTrade(body, { channel }), authCode, subject: body.subject, refunds: new Map() };
      trades.set(body.outTradeNo, sim);
      if (behaviour.outcome === "decline" && behaviour.userPayingMs === 0) {
        sim.trade = { ...sim.trade, tradeState: "PAYERROR", failCode: "NOTENOUGH" };
        return reply("NOTENOUGH", "insufficient balance", { trade: sim.trade });
      }
      if (behaviour.userPayingMs > 0) {
        sim.trade = { ...sim.trade, tradeState: "USERPAYING" };
        sim.behaviour = behaviour;
        sim.resolveAtMs = options.clock() + behaviour.userPayingMs;
        return stateReply(sim);
      }
      if (behaviour.outcome === "cancel") {
        sim.trade = { ...sim.trade, tradeState: "PAYERROR", failCode: "USER_CANCELLED" };
        return stateReply(sim);
      }
      charge(sim, channel);
      return stateReply(sim);
    },

    precreate(body, qrUrlFor) {
      const existing = current(body.outTradeNo);
      if (existing) {
        if (existing.qrToken && existing.trade.amountMinor === body.amountMinor)
          return reply("SUCCESS", "order exists", { trade: existing.trade, qrCodeUrl: qrUrlFor(existing.qrToken) });
        return reply("OUT_TRADE_NO_USED", "order number already used");
      }
      const qrToken = `${body.outTradeNo}_${Math.floor(options.random() * 1e12).toString(36)}`;
      const sim: SimTrade = {
        trade: newTrade(body),
        authCode: undefined,
        subject: body.subject,
        refunds: new Map(),
        qrToken,
      };
      trades.set(body.outTradeNo, sim);
      byQrToken.set(qrToken, sim);
      return reply("SUCCESS", "QR order created", { trade: sim.trade, qrCodeUrl: qrUrlFor(qrToken) });
    },

    query(body) {
      const sim = current(body.outTradeNo);
      if (!sim) return reply("TRADE_NOT_EXIST", "no such order");
      return reply("SUCCESS", "order found", { trade: sim.trade });
    },

    reverse(body, { refuseWhilePaying, payFirst }) {
      let sim = current(body.outTradeNo);
      if (!sim) {
        sim = {
          trade: newTrade({ ...body, amountMinor: 0, currency: "XXX", subject: "" }),
          authCode: undefined,
          subject: "",
          refunds: new Map(),
        };
        sim.trade = { ...sim.trade, tradeState: "REVOKED" };
        trades.set(body.outTradeNo, sim);
        return reply("SUCCESS", "unknown order closed", { action: "close", trade: sim.trade });
      }
      if (sim.trade.tradeState === "USERPAYING") {
        if (payFirst) settle(sim, true);
        else if (refuseWhilePaying)
          return reply("USERPAYING", "the customer is paying; reverse later", { trade: sim.trade });
      }
      const trade = sim.trade;
      if (trade.tradeState === "REVOKED")
        return reply("SUCCESS", "already reversed", { action: trade.refundedMinor > 0 ? "refund" : "close", trade });
      if (trade.tradeState === "SUCCESS") {
        if (trade.refundedMinor > 0) return reply("TRADE_HAS_REFUND", "order has refunds; refund the rest instead");
        sim.trade = { ...trade, tradeState: "REVOKED", refundedMinor: trade.amountMinor };
        refunds.push({
          outTradeNo: trade.outTradeNo,
          outRefundNo: "reverse",
          amountMinor: trade.amountMinor,
          atMs: options.clock(),
        });
        return reply("SUCCESS", "paid order reversed: refunded", { action: "refund", trade: sim.trade });
      }
      sim.resolveAtMs = undefined;
      sim.trade = { ...trade, tradeState: "REVOKED" };
      return reply("SUCCESS", "order closed", { action: "close", trade: sim.trade });
    },

    refund(body) {
      const sim = current(body.outTradeNo);
      if (!sim) return reply("TRADE_NOT_EXIST", "no such order");
      const trade = sim.trade;
      if (trade.tradeState === "REVOKED" || trade.tradeState === "CLOSED")
        return reply("ORDERREVERSED", "order was reversed; nothing to refund", { trade });
      if (trade.tradeState !== "SUCCESS") return reply("ORDERCLOSED", "order is not paid", { trade });
      const known = sim.refunds.get(body.outRefundNo);
      if (known !== undefined)
        return known === body.amountMinor
          ? reply("SUCCESS", "refund already done", {
              trade,
              outRefundNo: body.outRefundNo,
              totalRefundedMinor: trade.refundedMinor,
            })
          : reply("OUT_REFUND_NO_USED", "refund number used for another amount");
      if (trade.refundedMinor + body.amountMinor > trade.amountMinor)
        return reply("REFUND_EXCEEDED", "refund exceeds what is left on the order");
      sim.refunds.set(body.outRefundNo, body.amountMinor);
      sim.trade = { ...trade, refundedMinor: trade.refundedMinor + body.amountMinor };
      refunds.push({
        outTradeNo: trade.outTradeNo,
        outRefundNo: body.outRefundNo,
        amountMinor: body.amountMinor,
        atMs: options.clock(),
      });
      return reply("SUCCESS", "refunded", {
        trade: sim.trade,
        outRefundNo: body.outRefundNo,
        totalRefundedMinor: sim.trade.refundedMinor,
      });
    },

    payQr(token, channel) {
      const sim = byQrToken.get(token);
      if (!sim) return reply("TRADE_NOT_EXIST", "no such QR order");
      if (sim.trade.tradeState === "NOTPAY") charge(sim, channel);
      return stateReply(sim);
    },

    setCodeBehaviour(authCode, behaviour) {
      scriptedCodes.set(authCode, behaviour);
    },

    ledger() {
      for (const sim of trades.values()) settle(sim);
      return {
        charges: [...charges],
        refunds: [...refunds],
        trades: [...trades.values()].map((sim) => sim.trade),
      };
    },
  };
}
