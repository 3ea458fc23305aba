// The fault suite's durable IndexedDB for Node tills: whatever a committed transaction wrote is back, exactly, when
// the database opens again on a fresh in-memory IndexedDB (as in the next process), and nothing else is.
import { appendFileSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Dexie, type Table } from "dexie";
import { IDBFactory, IDBKeyRange } from "fake-indexeddb";
import fc from "fast-check";
import { afterAll, describe, expect, it } from "vitest";
import { durableIndexedDb } from "./support/durable-indexeddb.js";

const dirs: string[] = [];
afterAll(() => {
  for (const dir of dirs) rmSync(dir, { recursive: true, force: true });
});
const scratch = () => {
  const dir = mkdtempSync(join(tmpdir(), "scangate-wal-"));
  dirs.push(dir);
  return dir;
};

type TillDb = Dexie & {
  sales: Table<{ seq?: number; id: string; total: number; at: Date }, number>;
  meta: Table<unknown, string>;
  serials: Table<{ gtin: string; serial: string; saleId: string }, [string, string]>;
};

/** Opens the test database over a fresh fake-indexeddb, as a new process would. */
function openTillDb(dir: string): TillDb {
  const db = new Dexie("till-journal", {
    indexedDB: new IDBFactory(),
    IDBKeyRange,
    addons: [durableIndexedDb(dir)],
  }) as TillDb;
  db.version(1).stores({ sales: "++seq, &id, total", meta: "", serials: "[gtin+serial], saleId" });
  return db;
}

async function contents(db: TillDb) {
  return {
    sales: await db.sales.toArray(),
    meta: await db.meta.toCollection().keys(),
    metaValues: await db.meta.toArray(),
    serials: await db.serials.toArray(),
  };
}

describe("durable IndexedDB for Node tills", () => {
  it("replays auto-increment, outbound and compound keys, updates, deletes, ranges and clears", async () => {
    const dir = scratch();
    const first = openTillDb(dir);
    const at = new Date("2026-11-29T08:00:00Z");
    await first.sales.bulkAdd([
      { id: "s1", total: 100, at },
      { id: "s2", total: 250, at },
      { id: "s3", total: 990, at },
    ]);
    await first.sales.where("id").equals("s2").modify({ total: 260 });
    await first.sales.where("total").above(500).delete();
    await first.meta.put({ version: 7 }, "feed");
    await first.meta.put("drop me", "scratch");
    await first.meta.delete("scratch");
    await first.serials.bulkPut([
      { gtin: "09506000134352", serial: "A1", saleId: "s1" },
      { gtin: "09506000134352", serial: "A2", saleId: "s2" },
    ]);
    await first.serials.clear();
    await first.serials.put({ gtin: "09506000134352", serial: "A3", saleId: "s1" });
    const before = await contents(first);
    first.close();

    const second = openTillDb(dir);
    expect(await contents(second)).toEqual(before);
    // The auto-increment counter carries on after the replayed keys.
    const next = await second.sales.add({ id: "s4", total: 1, at });
    expect(next).toBeGreaterThan(Math.max(...before.sales.map((sale) => sale.seq ?? 0)));
    second.close();
  });

  it("does not replay an aborted transaction or a torn last record", async () => {
    const dir = scratch();
    const first = openTillDb(dir);
    await first.meta.put(1, "kept");
    await first
      .transaction("rw", first.meta, async () => {
        await first.meta.put(2, "aborted");
        throw new Error("the till gave up");
      })
      .catch(() => undefined);
    first.close();
    const [log] = readdirSync(dir);
    appendFileSync(join(dir, String(log)), Buffer.from([200, 0, 0, 0, 1, 2, 3])); // a header promising 200 bytes

    const second = openTillDb(dir);
    expect(await second.meta.toCollection().keys()).toEqual(["kept"]);
    second.close();
  });

  it("reopens to what any sequence of committed writes left", async () => {
    const operation = fc.oneof(
      fc.record({ op: fc.constant("put" as const), key: fc.integer({ min: 0, max: 9 }), value: fc.string() }),
      fc.record({ op: fc.constant("delete" as const), key: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ op: fc.constant("below" as const), key: fc.integer({ min: 0, max: 9 }) }),
      fc.record({ op: fc.constant("clear" as const) }),
    );
    await fc.assert(
      fc.asyncProperty(fc.array(operation, { maxLength: 20 }), async (operations) => {
        const dir = scratch();
        const first = openTillDb(dir);
        for (const step of operations) {
          if (step.op === "put") await first.meta.put(step.value, `k${step.key}`);
          else if (step.op === "delete") await first.meta.delete(`k${step.key}`);
          else if (step.op === "below") await first.meta.where(":id").below(`k${step.key}`).delete();
          else await first.meta.clear();
        }
        const before = await contents(first);
        first.close();
        const second = openTillDb(dir);
        expect(await contents(second)).toEqual(before);
        second.close();
      }),
      { numRuns: 30 },
    );
  });
});
