import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SaleJournalPort } from "../src/engine/checkout-options.js";
import { createSaleJournal, type SaleJournalOptions } from "../src/journal/create-sale-journal.js";
import { freshDbName } from "./support-parts/fresh-db.js";
import { SALE, SOLD_AT_MS, saleWith, walletSale } from "./support-parts/sale-fixture.js";

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
const open = (options: Partial<SaleJournalOptions> = {}) =>
  createSaleJournal({ dbName: freshDbName("journal"), indexedDB, IDBKeyRange, ...options });
const refund = (refundId: string, amountMinor: number, lineIds?: string[]) => ({
  refundId,
  amountMinor,
  tender: "cash" as const,
  atMs: SOLD_AT_MS + HOUR_MS,
  by: "0012",
  ...(lineIds === undefined ? {} : { lineIds }),
});

describe("createSaleJournal on fake-indexeddb", () => {
  it("stores a sale once: adding it again changes nothing, another sale under its id is refused", async () => {
    const journal = open();
    expect(await journal.add(SALE)).toEqual({ ok: true, value: { added: true } });
    expect(await journal.add(structuredClone(SALE))).toEqual({ ok: true, value: { added: false } });
    expect(await journal.add(saleWith({ cashier: "0099" }))).toMatchObject({
      ok: false,
      error: { code: "SALE_ID_REUSED", saleId: "S-0001" },
    });
    expect(await journal.get("S-0001")).toEqual(SALE);
    expect(await journal.get("S-9999")).toBeUndefined();
  });

  it("lists sales newest first, within a period and up to a limit", async () => {
    const journal = open();
    for (let index = 0; index < 5; index += 1)
      await journal.add(walletSale(`S-${index}`, SOLD_AT_MS + index * HOUR_MS));
    const ids = async (options?: Parameters<typeof journal.list>[0]) =>
      (await journal.list(options)).map((sale) => sale.id);
    expect(await ids()).toEqual(["S-4", "S-3", "S-2", "S-1", "S-0"]);
    expect(await ids({ limit: 2 })).toEqual(["S-4", "S-3"]);
    expect(await ids({ fromMs: SOLD_AT_MS + HOUR_MS, toMs: SOLD_AT_MS + 3 * HOUR_MS })).toEqual(["S-3", "S-2", "S-1"]);
  });

  it("finds where a serial was first sold, for the copied-code check", async () => {
    const journal = open();
    await journal.add(walletSale("S-1", SOLD_AT_MS, "SER-A"));
    await journal.add(walletSale("S-2", SOLD_AT_MS + HOUR_MS, "SER-A"));
    await journal.add(SALE);
    expect(await journal.findSerial("00000096385074", "SER-A")).toEqual({ saleId: "S-1", soldAtMs: SOLD_AT_MS });
    expect(await journal.findSerial("00000096385074", "SER42")).toEqual({ saleId: "S-0001", soldAtMs: SOLD_AT_MS });
    expect(await journal.findSerial("00000096385074", "SER-B")).toBeUndefined();
    expect(await journal.findSerial("09506000134352", "SER-A")).toBeUndefined();
  });

  it("a second journal on the same database sees every sale, serial and refund", async () => {
    const dbName = freshDbName("journal");
    const first = createSaleJournal({ dbName, indexedDB, IDBKeyRange });
    await first.add(SALE);
    await first.recordRefund("S-0001", refund("R-1", 990, ["L3"]));
    const second = createSaleJournal({ dbName, indexedDB, IDBKeyRange });
    expect(await second.get("S-0001")).toEqual(SALE);
    expect(await second.findSerial("00000096385074", "SER42")).toMatchObject({ saleId: "S-0001" });
    expect(await second.refundsOf("S-0001")).toMatchObject([{ refundId: "R-1", amountMinor: 990 }]);
    expect(await second.add(SALE)).toEqual({ ok: true, value: { added: false } });
  });

  it("drops sales past the retention, with their serials and refunds, as newer sales arrive", async () => {
    const journal = open({ retentionDays: 30 });
    await journal.add(walletSale("OLD", SOLD_AT_MS, "SER-OLD"));
    await journal.recordRefund("OLD", refund("R-OLD", 100));
    await journal.add(walletSale("MID", SOLD_AT_MS + 20 * DAY_MS));
    expect(await journal.get("OLD")).toBeDefined();
    await journal.add(walletSale("NEW", SOLD_AT_MS + 31 * DAY_MS));
    expect(await journal.get("OLD")).toBeUndefined();
    expect(await journal.findSerial("00000096385074", "SER-OLD")).toBeUndefined();
    expect(await journal.refundsOf("OLD")).toEqual([]);
    expect((await journal.list()).map((sale) => sale.id)).toEqual(["NEW", "MID"]);
  });
});

describe("as the checkout's SaleJournalPort", () => {
  it("fits the port the engine calls: add, findSerial, get, recordRefund", async () => {
    const port: SaleJournalPort = open();
    expect(await port.add(SALE)).toMatchObject({ ok: true });
    expect(await port.findSerial("00000096385074", "SER42")).toMatchObject({ saleId: "S-0001" });
    expect(await port.get?.("S-0001")).toEqual(SALE);
    const lineIds: readonly string[] = ["L3"];
    expect(await port.recordRefund?.("S-0001", { ...refund("R-1", 990), lineIds })).toMatchObject({ ok: true });
    expect(await port.recordRefund?.("S-0001", { ...refund("R-2", 990), lineIds })).toMatchObject({
      ok: false,
      error: { code: "LINE_ALREADY_REFUNDED" },
    });
  });
});

describe("recordRefund", () => {
  const withSale = async () => {
    const journal = open();
    await journal.add(SALE);
    return journal;
  };

  it("records line refunds and amount refunds up to what was paid", async () => {
    const journal = await withSale();
    expect(await journal.recordRefund("S-0001", refund("R-1", 2500, ["L2"]))).toEqual({
      ok: true,
      value: { saleId: "S-0001", ...refund("R-1", 2500, ["L2"]) },
    });
    expect(await journal.recordRefund("S-0001", refund("R-1", 2500, ["L2"]))).toMatchObject({ ok: true });
    expect(await journal.recordRefund("S-0001", refund("R-2", 2331))).toMatchObject({ ok: true });
    expect((await journal.refundsOf("S-0001")).map((done) => done.refundId)).toEqual(["R-1", "R-2"]);
  });

  it("refuses more than was paid, or more than the named lines cost", async () => {
    const journal = await withSale();
    expect(await journal.recordRefund("S-0001", refund("R-1", 4832))).toMatchObject({
      ok: false,
      error: { code: "REFUND_EXCEEDS_PAID", refundableMinor: 4831, requestedMinor: 4832 },
    });
    expect(await journal.recordRefund("S-0001", refund("R-1", 991, ["L3"]))).toMatchObject({
      ok: false,
      error: { code: "REFUND_EXCEEDS_PAID", refundableMinor: 990 },
    });
    await journal.recordRefund("S-0001", refund("R-1", 4000));
    expect(await journal.recordRefund("S-0001", refund("R-2", 990, ["L3"]))).toMatchObject({
      ok: false,
      error: { code: "REFUND_EXCEEDS_PAID", refundableMinor: 831 },
    });
  });

  it("refuses an unknown sale, an unknown line, a line refunded twice and a reused refund id", async () => {
    const journal = await withSale();
    expect(await journal.recordRefund("S-404", refund("R-1", 1))).toMatchObject({
      ok: false,
      error: { code: "UNKNOWN_SALE" },
    });
    expect(await journal.recordRefund("S-0001", refund("R-1", 1, ["L9"]))).toMatchObject({
      ok: false,
      error: { code: "UNKNOWN_LINE", lineId: "L9" },
    });
    await journal.recordRefund("S-0001", refund("R-1", 990, ["L3"]));
    expect(await journal.recordRefund("S-0001", refund("R-2", 500, ["L1", "L3"]))).toMatchObject({
      ok: false,
      error: { code: "LINE_ALREADY_REFUNDED", lineId: "L3", refundId: "R-2" },
    });
    expect(await journal.recordRefund("S-0001", refund("R-1", 980, ["L3"]))).toMatchObject({
      ok: false,
      error: { code: "REFUND_ID_REUSED", refundId: "R-1" },
    });
    expect(await journal.refundsOf("S-0001")).toHaveLength(1);
  });

  it("refuses a malformed refund without touching the journal", async () => {
    const journal = await withSale();
    for (const bad of [
      refund("R-1", 0),
      refund("R-1", 1.5),
      { ...refund("R-1", 1), by: "" },
      refund("R-1", 1, ["L1", "L1"]),
      refund("", 1),
    ])
      expect(await journal.recordRefund("S-0001", bad)).toMatchObject({ ok: false, error: { code: "INVALID_REFUND" } });
    expect(await journal.refundsOf("S-0001")).toEqual([]);
  });
});

describe("recordRefund under any sequence of refunds", () => {
  it("never pays back more than the sale took, nor any line twice", async () => {
    const attempt = fc.record({
      amountMinor: fc.integer({ min: -10, max: 5000 }),
      lineIds: fc.option(fc.subarray(["L1", "L2", "L3", "L9"], { minLength: 1 }), { nil: undefined }),
    });
    await fc.assert(
      fc.asyncProperty(fc.array(attempt, { maxLength: 8 }), async (attempts) => {
        const journal = open();
        await journal.add(SALE);
        for (const [index, { amountMinor, lineIds }] of attempts.entries())
          await journal.recordRefund("S-0001", refund(`R-${index}`, amountMinor, lineIds));
        const done = await journal.refundsOf("S-0001");
        const lines = done.flatMap((entry) => entry.lineIds ?? []);
        expect(done.reduce((sum, entry) => sum + entry.amountMinor, 0)).toBeLessThanOrEqual(SALE.totals.totalMinor);
        expect(new Set(lines).size).toBe(lines.length);
        expect(lines.every((id) => SALE.lines.some((line) => line.id === id))).toBe(true);
      }),
      { seed: 7, numRuns: 40 },
    );
  });
});
