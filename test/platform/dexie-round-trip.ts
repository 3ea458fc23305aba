// One Dexie round trip, run against fake-indexeddb in Node and real IndexedDB in Chromium, to prove that both
// test harnesses reach a working IndexedDB before any package relies on it.
import { Dexie, type DexieOptions, type EntityTable } from "dexie";

interface Row {
  id: string;
  amountMinor: number;
}

export interface RoundTripResult {
  stored: Row | undefined;
  cheaperThan300: string[];
  countAfterDelete: number;
}

export async function dexieRoundTrip(dbName: string, options?: DexieOptions): Promise<RoundTripResult> {
  const db = new Dexie(dbName, options) as Dexie & { rows: EntityTable<Row, "id"> };
  db.version(1).stores({ rows: "id, amountMinor" });
  try {
    await db.rows.bulkPut([
      { id: "tea", amountMinor: 250 },
      { id: "cake", amountMinor: 400 },
    ]);
    const stored = await db.rows.get("cake");
    const cheaperThan300 = (await db.rows.where("amountMinor").below(300).toArray()).map((row) => row.id);
    await db.transaction("rw", db.rows, () => db.rows.delete("tea"));
    return { stored, cheaperThan300, countAfterDelete: await db.rows.count() };
  } finally {
    db.close();
  }
}
