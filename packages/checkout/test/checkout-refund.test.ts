// Refunds of past sales, against the real sale journal (fake-indexeddb) and the payment gateway simulator over
// HTTP on 127.0.0.1: the money goes back the way it came, and the journal refuses a line refunded twice.
import { cash, createPaymentBridge, httpGateway } from "@scangate/payments";
import { type GatewaySimulator, startGatewaySimulator } from "@scangate/payments/simulator";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { CheckoutEvent } from "../src/engine/checkout-events.js";
import { createSaleJournal } from "../src/journal/create-sale-journal.js";
import { clockAt, EGGS, MILK, NOW_MS, openTill } from "./support/till.js";

let simulator: GatewaySimulator;
beforeAll(async () => {
  simulator = await startGatewaySimulator({ seed: 7, userPayingMs: 100 });
});
afterAll(() => simulator?.close());

let counter = 0;
/** A WeChat-style customer code (18 digits from 13) that the simulator pays at once. */
const walletCode = () => `13${String(++counter).padStart(6, "0")}${String(Date.now() % 1e6).padStart(6, "0")}1230`;

function tillWithWallet() {
  const unique = `${Date.now()}-${Math.random().toString(36).slice(2)}`;
  const scheduler = clockAt({ nowMs: NOW_MS });
  const bridge = createPaymentBridge({
    providers: [
      cash(),
      httpGateway({ baseUrl: simulator.url, merchantId: simulator.merchantId, secret: simulator.secret, scheduler }),
    ],
    dbName: `refund-payments-${unique}`,
    indexedDB,
    IDBKeyRange,
    scheduler,
    pollIntervalMs: 20,
  });
  onTestFinished(() => bridge.close());
  const journal = createSaleJournal({ dbName: `refund-journal-${unique}`, indexedDB, IDBKeyRange });
  return openTill({ overrides: { payments: bridge, journal } });
}

describe("refunds", () => {
  it("gives a line back in cash for a cash sale, once", async () => {
    const { checkout } = tillWithWallet();
    const events: CheckoutEvent[] = [];
    checkout.events$.subscribe((event) => events.push(event));
    await checkout.scan(`]d201${MILK}17261231\u001d10LOT-OK`);
    await checkout.scan(`]E0${EGGS.slice(1)}`);
    await checkout.pay({ kind: "cash", tenderedMinor: 5000 });
    const sale = checkout.snapshot().lastSale;
    if (!sale) throw new Error("no sale");

    const refunded = await checkout.refund(sale.id, { lineIds: ["L2"], by: "9001" });
    expect(refunded).toMatchObject({ ok: true, value: { amountMinor: 1800, tender: "cash" } });
    expect(events.filter((event) => event.type === "refund")).toMatchObject([
      { refundedSaleId: sale.id, amountMinor: 1800 },
    ]);
    expect(await checkout.refund(sale.id, { lineIds: ["L2"], by: "9001" })).toMatchObject({
      ok: false,
      error: { code: "REFUND_REFUSED", detail: "LINE_ALREADY_REFUNDED" },
    });
    expect(await checkout.refund("no-such-sale", { amountMinor: 100, by: "9001" })).toMatchObject({
      ok: false,
      error: { code: "NOT_FOUND" },
    });
  });

  it("sends a wallet sale's refund back through the gateway, which records it", async () => {
    const { checkout } = tillWithWallet();
    await checkout.scan(`]d201${MILK}17261231\u001d10LOT-OK`);
    const scanned = await checkout.scan(walletCode()); // the customer's code starts the wallet payment
    if (!scanned.ok || scanned.value.kind !== "payment") throw new Error("the payment code did not start a payment");
    expect(await scanned.value.payment).toMatchObject({ ok: true, value: { state: "PAID" } });
    const sale = checkout.snapshot().lastSale;
    if (!sale) throw new Error("no sale");
    const paidOrder = sale.tenders[0]?.outTradeNo;
    expect(sale.tenders).toMatchObject([{ kind: "wallet", amountMinor: 1250, wallet: "wechat" }]);

    expect(await checkout.refund(sale.id, { amountMinor: 500, by: "9001", reason: "bruised" })).toMatchObject({
      ok: true,
      value: { tender: "wallet", attemptId: paidOrder },
    });
    expect(simulator.ledger().refunds.filter((refund) => refund.outTradeNo === paidOrder)).toMatchObject([
      { amountMinor: 500 },
    ]);
    expect(await checkout.refund(sale.id, { amountMinor: 800, by: "9001" })).toMatchObject({
      ok: false,
      error: { code: "REFUND_REFUSED", detail: "REFUND_EXCEEDS_PAID" },
    });
  });
});
