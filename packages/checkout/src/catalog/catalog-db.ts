// The IndexedDB layout of the catalogue: one row per item keyed by GTIN-14, with the item's folded search texts
// stored beside it so a search does not fold every name again on each keystroke; and a revision number that every
// write transaction bumps, so a catalogue instance can keep the rows in memory for type-ahead search and know, with
// one read, whether any instance (another tab, a second createCatalog) changed them since. Reading 20,000 rows
// per keystroke cost ~200 ms in Node on fake-indexeddb; the in-memory search over them costs a few.
import { Dexie, type EntityTable } from "dexie";
import type { CatalogItem } from "./catalog-item.js";
import { dexieOptions, type IndexedDbBinding } from "./indexed-db-binding.js";

/** A stored catalogue row. */
export interface StoredCatalogItem {
  readonly gtin: string;
  readonly item: CatalogItem;
  /** `searchTextsOf(item)`. */
  readonly texts: readonly string[];
}

/** The catalogue's revision: one row, key `"revision"`. */
export interface CatalogRevision {
  readonly key: "revision";
  readonly value: number;
}

/** The Dexie database of one catalogue. */
export type CatalogDb = Dexie & {
  items: EntityTable<StoredCatalogItem, "gtin">;
  meta: EntityTable<CatalogRevision, "key">;
};

/** Opens (creating if needed) the catalogue database `dbName`. */
export function openCatalogDb(dbName: string, binding: IndexedDbBinding): CatalogDb {
  const db = new Dexie(dbName, dexieOptions(binding)) as CatalogDb;
  db.version(1).stores({ items: "gtin", meta: "key" });
  return db;
}

/** Bumps the revision; call inside every write transaction (which must include `meta`). */
export async function bumpRevision(db: CatalogDb): Promise<void> {
  const current = (await db.meta.get("revision"))?.value ?? 0;
  await db.meta.put({ key: "revision", value: current + 1 });
}
