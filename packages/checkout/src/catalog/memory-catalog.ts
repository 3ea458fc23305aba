// A catalogue held in memory: for tests, demos and a stall whose few dozen items ship with the app.

import type { Catalog } from "./catalog.js";
import { type CatalogResult, catalogError } from "./catalog-errors.js";
import type { CatalogItem, CatalogItemInput } from "./catalog-item.js";
import { checkRows } from "./catalog-rows.js";
import { type CatalogSearchOptions, searchItems, searchTextsOf } from "./catalog-search.js";

/** A catalogue over a fixed list of items. */
export interface MemoryCatalog extends Catalog {
  /** Every item, in GTIN order. */
  list(): Promise<CatalogItem[]>;
  /** Items matching `query` (name, other names, keywords, GTIN digits), best first. */
  search(query: string, options?: CatalogSearchOptions): Promise<CatalogItem[]>;
}

/**
 * A catalogue over `items`, validated like an imported file (GTIN-8/12/13 padded to 14, check digits, one row per
 * GTIN): `INVALID_ROWS` lists every bad item, by its position from 1.
 * @example
 * const catalog = memoryCatalog([{ gtin: "6901234567892", name: "五花肉", priceMinor: 2800, unit: "kg" }]);
 * if (catalog.ok) await catalog.value.lookup("06901234567892");
 */
export function memoryCatalog(items: readonly CatalogItemInput[]): CatalogResult<MemoryCatalog> {
  const checked = checkRows(items.map((fields, index) => ({ row: index + 1, fields, issues: [] })));
  if (checked.issues.length > 0)
    return catalogError("INVALID_ROWS", `${checked.issues.length} problem(s) in the items`, { rows: checked.issues });
  const byGtin = new Map(checked.items.map((item) => [item.gtin, item]));
  const entries = [...byGtin.values()]
    .sort((a, b) => (a.gtin < b.gtin ? -1 : 1))
    .map((item) => ({ item, texts: searchTextsOf(item) }));
  return {
    ok: true,
    value: {
      lookup: async (gtin) => byGtin.get(gtin),
      list: async () => entries.map((entry) => entry.item),
      search: async (query, options) => searchItems(entries, query, options),
    },
  };
}
