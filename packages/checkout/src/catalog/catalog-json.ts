// The catalogue's JSON format: `{ "format": "scangate-catalog", "version": 1, "items": [CatalogItem…] }` on export;
// on import also a bare array of items. Items are validated exactly as CSV rows are (GTINs padded to 14).
import { type CatalogResult, catalogError } from "./catalog-errors.js";
import type { CatalogItem } from "./catalog-item.js";
import { type CheckedRows, checkRows } from "./catalog-rows.js";

/** The `format` tag of an exported catalogue. */
export const CATALOG_JSON_FORMAT = "scangate-catalog";

/** Reads catalogue JSON into checked rows (every bad item reported), or refuses text that is not a catalogue. */
export function catalogFromJson(text: string): CatalogResult<CheckedRows> {
  let document: unknown;
  try {
    document = JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text);
  } catch (error) {
    return catalogError("MALFORMED_JSON", `not JSON: ${(error as Error).message}`);
  }
  const items = Array.isArray(document)
    ? document
    : typeof document === "object" && document !== null && Array.isArray((document as { items?: unknown }).items)
      ? (document as { items: unknown[] }).items
      : undefined;
  if (items === undefined) return catalogError("MALFORMED_JSON", 'expected an array of items or { "items": [...] }');
  const rows = items.map((item, index) => {
    const fields = typeof item === "object" && item !== null ? (item as Record<string, unknown>) : {};
    return { row: index + 1, fields, issues: [] };
  });
  return { ok: true, value: checkRows(rows) };
}

/** Writes items as catalogue JSON, two-space indented. */
export function catalogToJson(items: readonly CatalogItem[]): string {
  return `${JSON.stringify({ format: CATALOG_JSON_FORMAT, version: 1, items }, null, 2)}\n`;
}
