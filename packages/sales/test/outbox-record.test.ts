// record(sale): durable before it resolves, once per sale id, refused (not thrown) when the sale is bad, and still
// there after the till reopens the outbox (a reload or a restarted process).
import { IDBObjectStore as FDBObjectStore, IDBKeyRange, indexedDB } from "fake-indexeddb";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSalesOutbox } from "../src/create-sales-outbox.js";
import { freshDbName, openTestOutbox, STORE_GLN, statusWhere, T0, testSale } from "./support/outbox-harness.js";
import { type ScriptedReceiver, startScriptedReceiver } from "./support/scripted-receiver.js";

let receiver: ScriptedReceiver;
beforeAll(async () => {
  receiver = await startScriptedReceiver();
});
afterAll(() => receiver.stop());

describe("record(sale)", () => {
  it("stores a sale once even when record is called twice, answering the same result", async () => {
    const outbox = openTestOutbox(receiver.url, "t");
    const sale = testSale(2);
    const first = await outbox.record(sale);
    const second = await outbox.record(sale);
    expect(first.ok && first.value.eventIds).toHaveLength(3);
    expect(second).toEqual(first);
    const flushed = await outbox.flush();
    expect(flushed).toEqual({ ok: true, value: { delivered: 3, deadLettered: 0, pending: 0 } });
    expect(await outbox.record(sale)).toEqual(first);
    expect(await outbox.flush()).toEqual({ ok: true, value: { delivered: 0, deadLettered: 0, pending: 0 } });
  });

  it("stores a sale once when two records of it race", async () => {
    const outbox = openTestOutbox(receiver.url, "t");
    const sale = testSale(5, "race");
    const results = await Promise.all([outbox.record(sale), outbox.record(sale), outbox.record(sale)]);
    expect(new Set(results.map((result) => JSON.stringify(result))).size).toBe(1);
    const before = receiver.requests.length;
    expect(await outbox.flush()).toMatchObject({ ok: true, value: { delivered: 3 } });
    expect(receiver.requests.slice(before).flatMap((request) => request.eventIds)).toHaveLength(3);
  });

  it("keeps recorded sales across a reopen of the same database (a reload)", async () => {
    const dbName = freshDbName();
    const options = {
      dbName,
      endpoint: receiver.url,
      token: "t",
      storeGln: STORE_GLN,
      indexedDB,
      IDBKeyRange,
      acceptVolatileStorage: true,
    };
    const before = createSalesOutbox(options);
    for (let index = 0; index < 10; index++) expect((await before.record(testSale(index, "reopen"))).ok).toBe(true);
    const after = createSalesOutbox(options);
    const statuses: number[] = [];
    const subscription = after.status$.subscribe((status) => statuses.push(status.pending));
    await statusWhere(after.status$, (status) => status.pending === 0 && status.lastSuccessAtMs !== undefined);
    expect(Math.max(...statuses)).toBe(19); // 1 + 2 + 3 + 1 + 2 + 3 + 1 + 2 + 3 + 1 lines
    subscription.unsubscribe();
    expect((await after.record(testSale(3, "reopen"))).ok).toBe(true);
    expect(await after.flush()).toMatchObject({ ok: true, value: { delivered: 0, pending: 0 } });
  });

  it("answers STORAGE_FAILED when IndexedDB fails mid-commit, and keeps none of that sale, so it can be recorded again", async () => {
    const outbox = openTestOutbox(receiver.url, "t");
    const realAdd = FDBObjectStore.prototype.add;
    let adds = 0;
    FDBObjectStore.prototype.add = function (this: IDBObjectStore, ...args: Parameters<typeof realAdd>) {
      adds += 1;
      // The sales row went in; the second event of the sale fails (a full disk, a killed process).
      if (adds === 3) throw new DOMException("disk full", "QuotaExceededError");
      return realAdd.apply(this, args);
    };
    let failed: Awaited<ReturnType<typeof outbox.record>>;
    try {
      failed = await outbox.record(testSale(1, "quota"));
    } finally {
      FDBObjectStore.prototype.add = realAdd;
    }
    expect(failed).toMatchObject({ ok: false, error: { code: "STORAGE_FAILED" } });
    expect(await outbox.flush()).toEqual({ ok: true, value: { delivered: 0, deadLettered: 0, pending: 0 } });
    expect(await outbox.record(testSale(1, "quota"))).toMatchObject({ ok: true, value: { saleId: "quota-000001" } });
    expect(await outbox.flush()).toEqual({ ok: true, value: { delivered: 2, deadLettered: 0, pending: 0 } });
  });

  it("refuses a bad sale with INVALID_SALE and the place of each problem, storing nothing", async () => {
    const outbox = openTestOutbox(receiver.url, "t");
    const bad = await outbox.record({
      id: "bad-1",
      lines: [
        { gtin: "09521234543214", quantity: 1 },
        { gtin: "09521234543213", quantity: 1.5 },
        { gtin: "09521234543213", serials: ["A", "A"], quantity: 2 },
        { gtin: "09521234543213", batch: "lot with spaces", quantity: 1 },
      ],
    });
    expect(bad.ok).toBe(false);
    if (bad.ok) return;
    expect(bad.error.code).toBe("INVALID_SALE");
    expect(bad.error.issues).toEqual([
      "lines.0.gtin: GTIN with a valid check digit",
      "lines.1.quantity: a count of units must be a whole number",
      "lines.2.serials: a serial appears twice",
      "lines.3.batch: 1–20 characters of GS1 CSET 82",
    ]);
    expect(await outbox.record({ id: "", lines: [] })).toMatchObject({ ok: false, error: { code: "INVALID_SALE" } });
    expect(await outbox.record("not a sale" as never)).toMatchObject({ ok: false, error: { code: "INVALID_SALE" } });
    expect(await outbox.flush()).toEqual({ ok: true, value: { delivered: 0, deadLettered: 0, pending: 0 } });
  });

  it("stamps the sale with the outbox clock when it carries no time, in the store's zone", async () => {
    const outbox = openTestOutbox(receiver.url, "t", {
      scheduler: { now: () => T0, schedule: () => ({ unsubscribe() {} }) as never },
      timeZone: "Asia/Shanghai",
    });
    const before = receiver.requests.length;
    expect((await outbox.record({ id: "clock-1", lines: [{ gtin: "09521234543213", quantity: 1 }] })).ok).toBe(true);
    expect(await outbox.flush()).toMatchObject({ ok: true });
    expect(receiver.requests.length).toBe(before + 1);
    const request = receiver.requests.at(-1);
    expect(request?.contentType).toBe("application/ld+json");
    expect(request?.authorization).toBe("Bearer t");
    expect(request?.path).toBe("/capture");
    expect(request?.events[0]).toMatchObject({ eventTime: "2027-03-15T01:41:07.000Z", eventTimeZoneOffset: "+08:00" });
  });

  it("refuses to run on in-memory fake-indexeddb unless told it is a test, and needs some IndexedDB", () => {
    const base = { dbName: "x", endpoint: receiver.url, token: "t", storeGln: STORE_GLN };
    expect(() => createSalesOutbox({ ...base, indexedDB, IDBKeyRange })).toThrow(/in memory only/);
    expect(() => createSalesOutbox(base)).toThrow(/no IndexedDB here/);
    expect(() =>
      createSalesOutbox({ ...base, storeGln: "9521234000014", indexedDB, acceptVolatileStorage: true }),
    ).toThrow(/GLN/);
    expect(() => createSalesOutbox({ ...base, timeZone: "Mars/Base", indexedDB, acceptVolatileStorage: true })).toThrow(
      /IANA/,
    );
  });
});
