import { describe, expect, it } from "vitest";
import { createSaleJournal } from "../src/journal/create-sale-journal.js";
import { SALE } from "./support-parts/sale-fixture.js";

describe("createSaleJournal on real IndexedDB in Chromium", () => {
  it("a second journal on the same database finds the sale, its serial and its refund", async () => {
    const dbName = `journal-browser-${crypto.randomUUID()}`;
    const first = createSaleJournal({ dbName });
    expect(await first.add(SALE)).toEqual({ ok: true, value: { added: true } });
    const refund = {
      refundId: "R-1",
      lineIds: ["L3"],
      amountMinor: 990,
      tender: "cash" as const,
      atMs: SALE.soldAtMs,
      by: "0012",
    };
    expect(await first.recordRefund(SALE.id, refund)).toMatchObject({ ok: true });

    const second = createSaleJournal({ dbName });
    expect(await second.get(SALE.id)).toEqual(SALE);
    expect(await second.findSerial("00000096385074", "SER42")).toEqual({ saleId: SALE.id, soldAtMs: SALE.soldAtMs });
    expect(await second.recordRefund(SALE.id, { ...refund, refundId: "R-2" })).toMatchObject({
      ok: false,
      error: { code: "LINE_ALREADY_REFUNDED" },
    });
  });
});
