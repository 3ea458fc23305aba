// The catalogue port of the checkout: the engine only looks items up; a POS vendor plugs in its own product
// database, or uses the Dexie-backed default (createCatalog) or memoryCatalog for tests and small stalls.
import type { CatalogItem } from "./catalog-item.js";

/** Where the checkout finds products. Lookups never throw: an unknown GTIN is `undefined`. */
export interface Catalog {
  /** The item with this GTIN-14, or `undefined` (the checkout then raises an UNKNOWN_ITEM alarm for quick-add). */
  lookup(gtin: string): Promise<CatalogItem | undefined>;
}
