// A full scripted day at a Zhejiang stall against real parts: the hub on 127.0.0.1 (rule feed, EPCIS capture,
// producer view), the rule store syncing the hub's signed feed, the payment gateway simulator, the sales outbox
// uploading to the hub, the sale journal. Scan, gate, acknowledge, markdown, weighed item, wallet and cash, a recall
// published mid-basket that stops the sale at settlement, a refund — and at the end the hub holds exactly the
// producer's share of the till's receipts.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Hub, startHub } from "@scangate/hub";
import { cash, createPaymentBridge, httpGateway, type PaymentBridge } from "@scangate/payments";
import { type GatewaySimulator, startGatewaySimulator } from "@scangate/payments/simulator";
import { createRuleStore, parseStorePolicy, type RuleNotice, type RuleStore, type TrustedKey } from "@scangate/rules";
import { createSalesOutbox, type SalesOutbox } from "@scangate/sales";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { filter, firstValueFrom, type Subscription } from "rxjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Checkout } from "../src/engine/checkout-api.js";
import type { CheckoutEvent } from "../src/engine/checkout-events.js";
import { createCheckout } from "../src/engine/create-checkout.js";
import { createSaleJournal } from "../src/journal/create-sale-journal.js";
import type { CompletedSale } from "../src/sale/completed-sale.js";
import { CATALOG, clockAt, EGGS, inspectionNotice, MILK, mapCatalog, NOW_MS, PORK } from "./support/till.js";

const ADMIN = "admin-token-for-the-scripted-day";
const STORE_GLN = "6901234000016";

let dataDir: string;
let hub: Hub;
let simulator: GatewaySimulator;
let storeToken: string;
let producerToken: string;
let rules: RuleStore;
let bridge: PaymentBridge;
let outbox: SalesOutbox;
let checkout: Checkout;
const subscriptions: Subscription[] = [];
const events: CheckoutEvent[] = [];

async function admin(path: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(new URL(path, hub.url), {
    method: "POST",
    headers: { authorization: `Bearer ${ADMIN}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as Record<string, unknown>;
}

/** Publishes notices on the hub and waits until the till's rule store has synced them. */
async function publish(notices: RuleNotice[]): Promise<void> {
  await admin("admin/notices", notices);
  const synced = await rules.sync();
  if (!synced.ok) throw new Error(`rule sync: ${synced.error.code}`);
}

const clock = { nowMs: NOW_MS };

beforeAll(async () => {
  dataDir = await mkdtemp(join(tmpdir(), "scangate-day-"));
  hub = await startHub({ dataDir, port: 0, adminToken: ADMIN, logger: false });
  storeToken = String((await admin("admin/stores", { gln: STORE_GLN, name: "朱家角菜场 12号摊" })).token);
  producerToken = String((await admin("admin/producers", { name: "浙江乳业", companyPrefixes: ["6901234"] })).token);
  simulator = await startGatewaySimulator({ seed: 11, userPayingMs: 100 });

  const keys = (await (await fetch(new URL("feed/keys.json", hub.url))).json()) as { trustedKeys: TrustedKey[] };
  const unique = Math.random().toString(36).slice(2);
  const scheduler = clockAt(clock);
  rules = createRuleStore({
    feedUrl: new URL("feed/", hub.url).href,
    keys: keys.trustedKeys,
    dbName: `day-rules-${unique}`,
    indexedDB,
    IDBKeyRange,
    retryLimit: 0,
  });
  subscriptions.push(rules.status$.subscribe());
  bridge = createPaymentBridge({
    providers: [
      cash(),
      httpGateway({ baseUrl: simulator.url, merchantId: simulator.merchantId, secret: simulator.secret }),
    ],
    dbName: `day-payments-${unique}`,
    indexedDB,
    IDBKeyRange,
    pollIntervalMs: 20,
  });
  outbox = createSalesOutbox({
    dbName: `day-sales-${unique}`,
    endpoint: hub.url,
    token: storeToken,
    storeGln: STORE_GLN,
    indexedDB,
    IDBKeyRange,
    acceptVolatileStorage: true,
  });
  subscriptions.push(outbox.status$.subscribe());
  const policy = parseStorePolicy({
    dates: { markdown: { withinDays: 3, percentOff: 30, reasonCode: "NEAR_EXPIRY_30" } },
  });
  if (!policy.ok) throw new Error(policy.error.message);
  checkout = createCheckout({
    catalog: mapCatalog(CATALOG),
    rules,
    payments: bridge,
    sales: outbox,
    journal: createSaleJournal({ dbName: `day-journal-${unique}`, indexedDB, IDBKeyRange }),
    store: { gln: STORE_GLN, name: "朱家角菜场 12号摊", region: "CN-ZJ" },
    cashier: "0012",
    policy: policy.value,
    scheduler,
  });
  checkout.events$.subscribe((event) => events.push(event));
  await publish([inspectionNotice("zj-2026-118", "LOT-BAD")]);
}, 60_000);

afterAll(async () => {
  for (const subscription of subscriptions) subscription.unsubscribe();
  await bridge?.close();
  await simulator?.close();
  await hub?.close();
  await rm(dataDir, { recursive: true, force: true });
});

const sales = () => events.flatMap((event): CompletedSale[] => (event.type === "sale_completed" ? [event.sale] : []));

describe("a scripted day at the stall", () => {
  it("sells, gates, takes wallet and cash, stops a recalled batch at settlement, refunds", async () => {
    // Customer 1: milk and eggs, cash.
    await checkout.scan(`]d201${MILK}17261231\u001d10LOT-OK`);
    await checkout.scan(`]E0${EGGS.slice(1)}`);
    expect(await checkout.pay({ kind: "cash", tenderedMinor: 5000 })).toMatchObject({
      ok: true,
      value: { state: "PAID" },
    });

    // Customer 2: a failed-inspection batch (blocked, taken out), an expired pack (blocked, taken out), an EAN-13 milk
    // whose batch cannot be seen (warn, acknowledged), pork weighed at the stall's scale, milk two days from expiry
    // (30 % markdown); pays with a wallet code scanned at the till.
    const bad = await checkout.scan(`]d201${MILK}17261231\u001d10LOT-BAD`);
    const expired = await checkout.scan(`]d201${MILK}17261128\u001d10LOT-OK`);
    if (!bad.ok || bad.value.kind !== "line" || !expired.ok || expired.value.kind !== "line")
      throw new Error("scans refused");
    expect([bad.value.line.gate, expired.value.line.gate]).toEqual(["block", "block"]);
    expect(checkout.snapshot().alarms.filter((alarm) => alarm.kind === "blocked")).toHaveLength(2);
    await checkout.removeLine(bad.value.line.id, "0012");
    await checkout.removeLine(expired.value.line.id, "0012");
    const ean = await checkout.scan(MILK.slice(1));
    if (!ean.ok || ean.value.kind !== "line") throw new Error("EAN refused");
    expect(ean.value.line.gate).toBe("warn");
    await checkout.acknowledge(ean.value.line.id, { by: "0012", role: "cashier" });
    await checkout.scan(`]d201${PORK}3103000525\u001d3922001890`);
    const nearExpiry = await checkout.scan(`]d201${MILK}17261201\u001d10LOT-OK`);
    expect(nearExpiry).toMatchObject({ ok: true, value: { line: { markdown: { discountMinor: 375 } } } });
    const wallet = await checkout.scan("131234567890121230");
    if (!wallet.ok || wallet.value.kind !== "payment") throw new Error("the payment code did not start a payment");
    expect(await wallet.value.payment).toMatchObject({ ok: true, value: { state: "PAID" } });

    // Customer 3: the producer recalls LOT-OK while the customer queues; settlement stops it.
    await checkout.scan(`]d201${MILK}17261231\u001d10LOT-OK`);
    await checkout.scan(`]E0${EGGS.slice(1)}`);
    await publish([
      inspectionNotice("zj-2026-118", "LOT-BAD"),
      { ...inspectionNotice("recall-LOT-OK", "LOT-OK"), kind: "recall" },
    ]);
    const refused = await checkout.pay({ kind: "cash", tenderedMinor: 5000 });
    expect(refused).toMatchObject({ ok: false, error: { code: "NOT_PAYABLE", lineIds: ["L1"] } });
    expect(checkout.snapshot().alarms).toContainEqual(
      expect.objectContaining({ kind: "blocked", lineId: "L1", atSettlement: true }),
    );
    await checkout.removeLine("L1", "0012");
    expect(await checkout.pay({ kind: "cash", tenderedMinor: 2000 })).toMatchObject({
      ok: true,
      value: { state: "PAID" },
    });

    // A refund of customer 1's eggs.
    const [first] = sales();
    if (!first) throw new Error("no first sale");
    expect(await checkout.refund(first.id, { lineIds: ["L2"], by: "9001" })).toMatchObject({
      ok: true,
      value: { amountMinor: 1800 },
    });

    // Receipts: 3 sales, the simulator charged the wallet once.
    expect(sales()).toHaveLength(3);
    expect(simulator.ledger().charges).toHaveLength(1);
    expect(sales()[1]?.tenders).toMatchObject([{ kind: "wallet", amountMinor: sales()[1]?.totals.totalMinor }]);
  }, 60_000);

  it("delivers every sale line to the hub once: the producer's view equals the till's receipts", async () => {
    await firstValueFrom(outbox.status$.pipe(filter((status) => status.pending === 0 && !status.uploading)));
    const expected = new Map<string, number>();
    for (const sale of sales())
      for (const line of sale.lines) {
        const key = `${line.gtin}|${line.batch ?? ""}`;
        const quantity = line.quantity.kind === "weight" ? line.quantity.kg : line.quantity.units;
        expected.set(key, Math.round(((expected.get(key) ?? 0) + quantity) * 1000) / 1000);
      }
    const response = await fetch(new URL("producer/sales", hub.url), {
      headers: { authorization: `Bearer ${producerToken}` },
    });
    expect(response.status).toBe(200);
    const { rows } = (await response.json()) as {
      rows: { gtin: string; batch?: string | null; quantity: number; store: string }[];
    };
    const held = new Map<string, number>();
    for (const row of rows) {
      const key = `${row.gtin}|${row.batch ?? ""}`;
      held.set(key, Math.round(((held.get(key) ?? 0) + row.quantity) * 1000) / 1000);
    }
    expect(held).toEqual(expected);
    expect(new Set(rows.map((row) => row.store))).toEqual(new Set([STORE_GLN]));
  }, 30_000);
});
