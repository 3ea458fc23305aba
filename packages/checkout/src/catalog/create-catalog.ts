// The default catalogue of a till: items in IndexedDB (Dexie), filled from the stall's CSV or JSON file or a
// quick-add form, searched as the owner types. Every import is one transaction: a file with a bad row changes
// nothing, so a half-imported price list never reaches the till.

import type { Catalog } from "./catalog.js";
import { catalogFromCsv, catalogToCsv } from "./catalog-csv.js";
import { bumpRevision, type CatalogDb, openCatalogDb, type StoredCatalogItem } from "./catalog-db.js";
import { type CatalogResult, catalogError, type RowIssue } from "./catalog-errors.js";
import type { CatalogItem, CatalogItemInput } from "./catalog-item.js";
import { catalogFromJson, catalogToJson } from "./catalog-json.js";
import { type CheckedRows, checkRows } from "./catalog-rows.js";
import { type CatalogSearchOptions, searchItems, searchTextsOf } from "./catalog-search.js";
import type { IndexedDbBinding } from "./indexed-db-binding.js";

/** Options of `createCatalog`. */
export interface CatalogOptions extends IndexedDbBinding {
  /** IndexedDB database name; reopening the same name finds the items again. */
  readonly dbName: string;
}

/** Options of `importCsv` and `importJson`. */
export interface CatalogImportOptions {
  /** `merge`: add new GTINs and overwrite existing ones, keep the rest. `replace`: the file becomes the whole
   * catalogue. @default "merge" */
  readonly mode?: "merge" | "replace";
  /** Import the good rows and report the bad ones in `skipped`, instead of refusing the file. @default false */
  readonly skipInvalid?: boolean;
}

/** What an import changed. */
export interface CatalogImportSummary {
  /** GTINs that were not in the catalogue. */
  readonly added: number;
  /** GTINs that were, now overwritten. */
  readonly updated: number;
  /** GTINs dropped because `replace` left them out of the file. */
  readonly removed: number;
  /** With `skipInvalid`: the bad rows left out. */
  readonly skipped: readonly RowIssue[];
}

/** The Dexie-backed catalogue. Every method resolves (never rejects) with a Result or a value. */
export interface CatalogStore extends Catalog {
  /** Adds or overwrites one item (the quick-add form), validated and GTIN-padded like a file row. */
  put(item: CatalogItemInput): Promise<CatalogResult<CatalogItem>>;
  /** Removes the item; `value` says whether it was there. */
  remove(gtin: string): Promise<CatalogResult<boolean>>;
  /** Every item, in GTIN order. */
  list(): Promise<CatalogResult<CatalogItem[]>>;
  /** Items matching `query`: name, other-language names, keywords (any case and width), GTIN digits (whole, first
   * or last digits). Best first: the exact GTIN, then prefixes and GTIN endings, then substrings. */
  search(query: string, options?: CatalogSearchOptions): Promise<CatalogResult<CatalogItem[]>>;
  importCsv(text: string, options?: CatalogImportOptions): Promise<CatalogResult<CatalogImportSummary>>;
  importJson(text: string, options?: CatalogImportOptions): Promise<CatalogResult<CatalogImportSummary>>;
  /** The whole catalogue as CSV (UTF-8 BOM, CRLF, `priceMinor`), in GTIN order. */
  exportCsv(): Promise<CatalogResult<string>>;
  /** The whole catalogue as JSON, in GTIN order. */
  exportJson(): Promise<CatalogResult<string>>;
}

function stored(item: CatalogItem): StoredCatalogItem {
  return { gtin: item.gtin, item, texts: searchTextsOf(item) };
}

async function guarded<T>(db: CatalogDb, work: (db: CatalogDb) => Promise<T>): Promise<CatalogResult<T>> {
  try {
    return { ok: true, value: await work(db) };
  } catch (error) {
    return catalogError("STORAGE_FAILED", `IndexedDB: ${(error as Error).message}`);
  }
}

async function writeImport(
  db: CatalogDb,
  checked: CatalogResult<CheckedRows>,
  options: CatalogImportOptions,
): Promise<CatalogResult<CatalogImportSummary>> {
  if (!checked.ok) return checked;
  const { items, issues } = checked.value;
  if (issues.length > 0 && options.skipInvalid !== true)
    return catalogError("INVALID_ROWS", `${issues.length} problem(s) in the file; nothing was imported`, {
      rows: issues,
    });
  return guarded(db, (open) =>
    open.transaction("rw", open.items, open.meta, async () => {
      await bumpRevision(open);
      const before = new Set((await open.items.toCollection().primaryKeys()) as string[]);
      const incoming = new Set(items.map((item) => item.gtin));
      const dropped = options.mode === "replace" ? [...before].filter((gtin) => !incoming.has(gtin)) : [];
      await open.items.bulkDelete(dropped);
      await open.items.bulkPut(items.map(stored));
      const updated = items.filter((item) => before.has(item.gtin)).length;
      return { added: items.length - updated, updated, removed: dropped.length, skipped: issues };
    }),
  );
}

/**
 * The Dexie-backed catalogue `dbName`. Opens the database on first use.
 * @example
 * import { indexedDB, IDBKeyRange } from "fake-indexeddb"; // in Node; browsers need neither option
 * const catalog = createCatalog({ dbName: "stall-42-catalog", indexedDB, IDBKeyRange });
 * const imported = await catalog.importCsv(csvText, { mode: "replace" });
 * if (!imported.ok) console.log(imported.error.rows); // [{ row: 3, field: "gtin", code: "BAD_GTIN", … }]
 * const hits = await catalog.search("4352"); // the items whose GTIN ends with 4352 first
 */
export function createCatalog(options: CatalogOptions): CatalogStore {
  const db = openCatalogDb(options.dbName, options);
  let cached: { readonly revision: number; readonly rows: readonly StoredCatalogItem[] } | undefined;
  // Every row, in GTIN order: from memory while the stored revision is the one read with them.
  const allRows = (open: CatalogDb) =>
    open.transaction("r", open.items, open.meta, async () => {
      const revision = (await open.meta.get("revision"))?.value ?? 0;
      if (cached?.revision !== revision) cached = { revision, rows: await open.items.toArray() };
      return cached.rows;
    });
  const allItems = async (open: CatalogDb) => (await allRows(open)).map((row) => row.item);
  return {
    async lookup(gtin) {
      const found = await guarded(db, (open) => open.items.get(gtin));
      return found.ok ? found.value?.item : undefined;
    },
    async put(input) {
      const checked = checkRows([{ row: 1, fields: input, issues: [] }]);
      const [item] = checked.items;
      if (item === undefined) return catalogError("INVALID_ROWS", "the item is not valid", { rows: checked.issues });
      return guarded(db, (open) =>
        open.transaction("rw", open.items, open.meta, async () => {
          await bumpRevision(open);
          await open.items.put(stored(item));
          return item;
        }),
      );
    },
    remove: (gtin) =>
      guarded(db, (open) =>
        open.transaction("rw", open.items, open.meta, async () => {
          await bumpRevision(open);
          const had = (await open.items.get(gtin)) !== undefined;
          await open.items.delete(gtin);
          return had;
        }),
      ),
    list: () => guarded(db, allItems),
    search: (query, searchOptions) =>
      guarded(db, async (open) => searchItems(await allRows(open), query, searchOptions)),
    importCsv: async (text, importOptions = {}) => writeImport(db, catalogFromCsv(text), importOptions),
    importJson: async (text, importOptions = {}) => writeImport(db, catalogFromJson(text), importOptions),
    exportCsv: () => guarded(db, async (open) => catalogToCsv(await allItems(open))),
    exportJson: () => guarded(db, async (open) => catalogToJson(await allItems(open))),
  };
}
