// Search as a stall owner types it: part of a name in Chinese or English (any case, full- or half-width), a
// keyword (pinyin initials), or GTIN digits — often the last few, read off the pack. Ranked so the most certain hit
// comes first: the exact GTIN, then prefixes (and GTIN endings), then any substring.
import type { CatalogItem } from "./catalog-item.js";

/** Options of `search`. */
export interface CatalogSearchOptions {
  /** At most this many items. @default 20 */
  readonly limit?: number;
}

/** How well an item matched; lower is better. */
type Rank = 0 | 1 | 2;

/** Folds width (ＡＢＣ１２ → abc12, NFKC) and case, so typed text matches however the name was written. */
function foldForSearch(text: string): string {
  return text.normalize("NFKC").toLowerCase().trim();
}

/** The texts an item is found by, folded: its name, other-language names and keywords. */
export function searchTextsOf(item: CatalogItem): string[] {
  return [item.name, ...Object.values(item.names ?? {}), item.keywords ?? ""].map(foldForSearch).filter(Boolean);
}

function gtinRank(gtin: string, digits: string): Rank | undefined {
  const unpadded = gtin.replace(/^0+/, "");
  if (digits.replace(/^0+/, "") === unpadded) return 0;
  if (gtin.startsWith(digits) || unpadded.startsWith(digits) || gtin.endsWith(digits)) return 1;
  return gtin.includes(digits) ? 2 : undefined;
}

function textRank(texts: readonly string[], query: string): Rank | undefined {
  let best: Rank | undefined;
  for (const text of texts) {
    if (text.startsWith(query) || text.split(/\s+/).some((word) => word.startsWith(query))) return 1;
    if (text.includes(query)) best = 2;
  }
  return best;
}

/** How `item` matches the folded `query`, or `undefined` when it does not. */
function rankItem(item: CatalogItem, texts: readonly string[], query: string): Rank | undefined {
  const digits = query.replace(/\s+/g, "");
  const byGtin = /^\d+$/.test(digits) ? gtinRank(item.gtin, digits) : undefined;
  const byText = textRank(texts, query);
  if (byGtin === undefined) return byText;
  return byText === undefined ? byGtin : (Math.min(byGtin, byText) as Rank);
}

/** Items matching `query`, best first (rank, then name, then GTIN, so the order is stable). */
export function searchItems(
  entries: Iterable<{ readonly item: CatalogItem; readonly texts: readonly string[] }>,
  query: string,
  options: CatalogSearchOptions = {},
): CatalogItem[] {
  const folded = foldForSearch(query);
  const limit = options.limit ?? 20;
  if (folded === "" || limit <= 0) return [];
  const hits: { item: CatalogItem; rank: Rank }[] = [];
  for (const entry of entries) {
    const rank = rankItem(entry.item, entry.texts, folded);
    if (rank !== undefined) hits.push({ item: entry.item, rank });
  }
  hits.sort(
    (a, b) =>
      a.rank - b.rank ||
      (a.item.name < b.item.name ? -1 : a.item.name > b.item.name ? 1 : 0) ||
      (a.item.gtin < b.item.gtin ? -1 : 1),
  );
  return hits.slice(0, limit).map((hit) => hit.item);
}
