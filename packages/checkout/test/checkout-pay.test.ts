// Paying: cash with change, split tender, the completed sale (journal and sales outbox, both real on
// fake-indexeddb), and what a refused tender looks like.
import { createSalesOutbox } from "@scangate/sales";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { describe, expect, it } from "vitest";
import type { CheckoutEvent } from "../src/engine/checkout-events.js";
import type { CompletedSale } from "../src/sale/completed-sale.js";
import { EGGS, MILK, openTill, PORK, TOFU } from "./support/till.js";

describe("paying", () => {
  it("takes cash, gives change, completes the sale and opens a new basket", async () => {
    const journaled: CompletedSale[] = [];
    const journal = {
      add: async (sale: CompletedSale) => {
        journaled.push(sale);
        return { ok: true };
      },
      findSerial: async () => undefined,
    };
    const { checkout } = openTill({ overrides: { journal } });
    const events: CheckoutEvent[] = [];
    checkout.events$.subscribe((event) => events.push(event));
    await checkout.scan(`]d201${MILK}17261231\u001d10LOT-OK`);
    await checkout.scan(`]E0${EGGS.slice(1)}`);
    const saleId = checkout.snapshot().saleId;

    const paid = await checkout.pay({ kind: "cash", tenderedMinor: 5000 });
    expect(paid).toMatchObject({ ok: true, value: { state: "PAID" } });
    const state = checkout.snapshot();
    expect(state.lines).toEqual([]);
    expect(state.saleId).not.toBe(saleId);
    expect(state.lastSale).toMatchObject({
      id: saleId,
      storeDate: "2026-11-29",
      cashier: "0012",
      totals: { totalMinor: 3050, taxes: [{ ratePercent: 9, grossMinor: 3050, taxMinor: 252 }] },
      tenders: [{ kind: "cash", amountMinor: 3050, tenderedMinor: 5000, changeMinor: 1950 }],
    });
    expect(journaled.map((sale) => sale.id)).toEqual([saleId]);
    expect(events.map((event) => event.type)).toContain("sale_completed");
    expect(
      events.filter((event) => event.type === "payment").map((event) => event.type === "payment" && event.state),
    ).toContain("PAID");
  });

  it("splits a tender: part now, the rest later, and completes when the tenders cover the total", async () => {
    const { checkout } = openTill();
    await checkout.addItem({ gtin: PORK, kg: 1 }); // ¥36.00
    expect(await checkout.pay({ kind: "cash", tenderedMinor: 2000, amountMinor: 2000 })).toMatchObject({ ok: true });
    expect(checkout.snapshot()).toMatchObject({ dueMinor: 1600, tenders: [{ amountMinor: 2000 }] });
    expect(await checkout.addItem({ gtin: EGGS })).toMatchObject({ ok: false, error: { code: "PAYMENT_IN_PROGRESS" } });
    expect(await checkout.pay({ kind: "cash", tenderedMinor: 1600, amountMinor: 1700 })).toMatchObject({
      ok: false,
      error: { code: "INVALID_QUANTITY" },
    });
    await checkout.pay({ kind: "cash", tenderedMinor: 2000 });
    expect(checkout.snapshot()).toMatchObject({
      lines: [],
      lastSale: { tenders: [{ amountMinor: 2000 }, { amountMinor: 1600, changeMinor: 400 }] },
    });
  });

  it("records the sale in the sales outbox for the producer, without in-store scale labels", async () => {
    const outbox = createSalesOutbox({
      dbName: `checkout-sales-${Math.random().toString(36).slice(2)}`,
      endpoint: "http://127.0.0.1:9/",
      token: "t",
      storeGln: "6901234000016",
      indexedDB,
      IDBKeyRange,
      acceptVolatileStorage: true,
    });
    const recorded: string[] = [];
    const sales = {
      record: async (sale: Parameters<typeof outbox.record>[0]) => {
        const result = await outbox.record(sale);
        if (result.ok)
          recorded.push(
            ...sale.lines.map((line) => `${line.gtin}/${line.batch ?? ""}×${line.quantity}${line.uom ?? ""}`),
          );
        return result;
      },
    };
    const { checkout } = openTill({ overrides: { sales } });
    await checkout.scan(`]d201${MILK}17261231\u001d10LOT-OK`);
    await checkout.scan(`]d201${PORK}3103000525\u001d3922001890`);
    await checkout.scan("2000123012506"); // tofu from the stall's scale: stays out of the producer stream
    await checkout.pay({ kind: "cash", tenderedMinor: 10_000 });
    expect(checkout.snapshot().alarms).toEqual([]);
    expect(recorded).toEqual([`${MILK}/LOT-OK×1`, `${PORK}/×0.525KGM`]);
    expect(checkout.snapshot().lastSale?.lines.map((line) => line.gtin)).toEqual([MILK, PORK, TOFU]);
  });

  it("keeps a paid sale and raises an alarm when the outbox cannot store it", async () => {
    const sales = {
      record: async () => ({ ok: false as const, error: { code: "STORAGE_FAILED" as const, message: "quota" } }),
    };
    const { checkout } = openTill({ overrides: { sales: sales as never } });
    await checkout.scan(`]E0${EGGS.slice(1)}`);
    await checkout.pay({ kind: "cash", tenderedMinor: 2000 });
    expect(checkout.snapshot()).toMatchObject({
      lastSale: { tenders: [{ amountMinor: 1800 }] },
      alarms: [{ kind: "sale", error: { code: "STORAGE_FAILED", detail: "STORAGE_FAILED" } }],
    });
  });

  it("refuses to pay an empty basket, and reports a tender the bridge refuses", async () => {
    const { checkout } = openTill();
    expect(await checkout.pay({ kind: "cash", tenderedMinor: 100 })).toMatchObject({
      ok: false,
      error: { code: "BASKET_EMPTY" },
    });
    await checkout.scan(`]E0${EGGS.slice(1)}`);
    const short = await checkout.pay({ kind: "cash", tenderedMinor: 100 }); // less than the ¥18.00 due
    expect(short.ok ? short.value.state : short.error.code).not.toBe("PAID");
    expect(checkout.snapshot()).toMatchObject({ dueMinor: 1800, lines: [{ gtin: EGGS }] });
    expect(checkout.snapshot().payment).toBeUndefined();
  });
});
