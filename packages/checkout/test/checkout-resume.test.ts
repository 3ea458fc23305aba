// A till that stops in the middle of a sale (a crash, a reload) and starts again: the journal kept the open
// basket, the payment bridge kept the payment; resume() brings the basket back and a customer who paid gets the
// sale — once. Real journal and bridge on fake-indexeddb, the gateway simulator over HTTP on 127.0.0.1.
import { cash, createPaymentBridge, httpGateway } from "@scangate/payments";
import { type GatewaySimulator, startGatewaySimulator } from "@scangate/payments/simulator";
import type { Sale } from "@scangate/sales";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { filter, firstValueFrom, lastValueFrom } from "rxjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSaleJournal } from "../src/journal/create-sale-journal.js";
import { clockAt, EGGS, MILK, NOW_MS, openTill } from "./support/till.js";

let simulator: GatewaySimulator;
beforeAll(async () => {
  simulator = await startGatewaySimulator({ seed: 5, userPayingMs: 150 });
});
afterAll(() => simulator?.close());

/** One till's storage: the same database names across a crash. */
function tillStorage() {
  const unique = Math.random().toString(36).slice(2);
  const recorded: Sale[] = [];
  return {
    recorded,
    /** The till as it starts (again): a fresh journal, bridge and checkout on the same databases. */
    start() {
      const scheduler = clockAt({ nowMs: NOW_MS });
      const bridge = createPaymentBridge({
        providers: [
          cash(),
          httpGateway({ baseUrl: simulator.url, merchantId: simulator.merchantId, secret: simulator.secret }),
        ],
        dbName: `resume-payments-${unique}`,
        indexedDB,
        IDBKeyRange,
        pollIntervalMs: 20,
      });
      const journal = createSaleJournal({ dbName: `resume-journal-${unique}`, indexedDB, IDBKeyRange });
      const sales = {
        record: async (sale: Sale) => {
          recorded.push(sale);
          return { ok: true as const, value: { saleId: sale.id, recordedAtMs: NOW_MS, eventIds: [] } };
        },
      };
      const { checkout } = openTill({ overrides: { payments: bridge, journal, sales, scheduler } });
      return { checkout, bridge, journal };
    },
  };
}

describe("resume after a crash", () => {
  it("brings the basket back with its lines", async () => {
    const storage = tillStorage();
    const before = storage.start();
    await before.checkout.scan(`]d201${MILK}17261231\u001d10LOT-OK`);
    await before.checkout.scan(`]E0${EGGS.slice(1)}`);
    await before.bridge.close(); // the till stops; nothing else is closed cleanly

    const after = storage.start();
    expect((await after.checkout.resume()).ok).toBe(true);
    expect(after.checkout.snapshot()).toMatchObject({
      lines: [{ gtin: MILK, batch: "LOT-OK" }, { gtin: EGGS }],
      totals: { totalMinor: 3050 },
    });
    await after.bridge.close();
  });

  it("completes the sale of a customer who paid while the till was down, once", async () => {
    const storage = tillStorage();
    const before = storage.start();
    await before.checkout.scan(`]d201${MILK}17261231\u001d10LOT-OK`);
    const code = `13${String(Date.now() % 1e12).padStart(12, "0")}1239`; // the customer types a password first
    const scanned = await before.checkout.scan(code);
    if (!scanned.ok || scanned.value.kind !== "payment") throw new Error("the payment code did not start a payment");
    await firstValueFrom(before.checkout.state$.pipe(filter((state) => state.payment?.state === "AWAITING_CUSTOMER")));
    const saleId = before.checkout.snapshot().saleId;
    await before.bridge.close(); // the till dies while the customer is still typing

    const after = storage.start();
    const recovered = await after.bridge.recover(); // the bridge finds the attempt and asks the gateway
    expect(recovered).toMatchObject({ ok: true, value: [{ state: "PAID" }] });
    expect((await after.checkout.resume()).ok).toBe(true);
    const done = await firstValueFrom(after.checkout.state$.pipe(filter((state) => state.lastSale?.id === saleId)));
    expect(done.lastSale).toMatchObject({ tenders: [{ kind: "wallet", amountMinor: 1250 }] });
    expect(done.lines).toEqual([]);
    expect(await after.journal.get(saleId)).toMatchObject({ id: saleId });
    expect(storage.recorded.map((sale) => sale.id)).toEqual([saleId]);
    const order = done.lastSale?.tenders[0]?.outTradeNo;
    expect(simulator.ledger().charges.filter((charge) => charge.outTradeNo === order)).toHaveLength(1);

    // A second restart finds nothing left to resume.
    await after.bridge.close();
    const again = storage.start();
    await again.checkout.resume();
    expect(again.checkout.snapshot().lines).toEqual([]);
    expect(storage.recorded).toHaveLength(1);
    await again.bridge.close();
  });

  it("counts a payment the bridge took after the basket was last saved, instead of charging again", async () => {
    const storage = tillStorage();
    const before = storage.start();
    await before.checkout.scan(`]d201${MILK}17261231\u001d10LOT-OK`);
    const saleId = before.checkout.snapshot().saleId;
    // The bridge takes the payment, and the till stops before the checkout heard of it.
    const money = (amountMinor: number) => ({ amountMinor, currency: "CNY" });
    const code = `13${String((Date.now() + 7) % 1e12).padStart(12, "0")}1230`;
    const paid = await lastValueFrom(
      before.bridge.start({
        saleId,
        saleTotal: money(1250),
        amount: money(1250),
        providerId: "gateway",
        authCode: code,
      }),
    );
    expect(paid).toMatchObject({ ok: true, value: { state: "PAID" } });
    await before.bridge.close();

    const after = storage.start();
    await after.bridge.recover();
    await after.checkout.resume();
    expect(after.checkout.snapshot()).toMatchObject({
      lines: [],
      lastSale: { id: saleId, tenders: [{ kind: "wallet" }] },
    });
    expect(storage.recorded.map((sale) => sale.id)).toEqual([saleId]);
    await after.bridge.close();
  });
});
