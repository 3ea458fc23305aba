// The catalogue's CSV format: a header row naming the columns in any order, one item per record. Prices come either
// as `priceMinor` (integer fen) or as `price` (a decimal in yuan, converted exactly); other-language names as
// `name_<tag>` columns (`name_en`, `name_zh-Hant`).
import type { CatalogResult, RowIssue } from "./catalog-errors.js";
import { catalogError } from "./catalog-errors.js";
import type { CatalogItem } from "./catalog-item.js";
import { type CheckedRows, checkRows, type RawRow } from "./catalog-rows.js";
import { type CsvRecord, readCsv, writeCsv } from "./csv.js";
import { decimalToMinor, minorDigitsOf } from "./price-decimal.js";

const PLAIN_COLUMNS = [
  "gtin",
  "name",
  "price",
  "priceMinor",
  "currency",
  "unit",
  "category",
  "taxRatePercent",
  "keywords",
];
const NAME_COLUMN = /^name_([A-Za-z]{2,3}(?:-[A-Za-z0-9]{2,8})*)$/i;

/** Where a header cell's value goes: a schema field, or `names[tag]`. */
type Column = { readonly field: string } | { readonly nameTag: string } | { readonly unnamed: true };

function readHeader(cells: readonly string[]): CatalogResult<Column[]> {
  const columns: Column[] = [];
  const seen = new Set<string>();
  for (const cell of cells) {
    const text = cell.trim();
    // Spreadsheets often save empty trailing columns ("gtin,name,price,,"): a column without a name holds nothing.
    if (text === "") {
      columns.push({ unnamed: true });
      continue;
    }
    const field = PLAIN_COLUMNS.find((name) => name.toLowerCase() === text.toLowerCase());
    const tag = NAME_COLUMN.exec(text)?.[1];
    const key = field ?? (tag === undefined ? undefined : `name_${tag.toLowerCase()}`);
    if (key === undefined)
      return catalogError("BAD_HEADER", `unknown column ${JSON.stringify(text)}`, { column: text });
    if (seen.has(key)) return catalogError("BAD_HEADER", `column ${text} appears twice`, { column: text });
    seen.add(key);
    columns.push(field === undefined ? { nameTag: tag ?? "" } : { field });
  }
  if (seen.has("price") && seen.has("priceMinor"))
    return catalogError("BAD_HEADER", "both price and priceMinor: keep one", { column: "price" });
  for (const required of ["gtin", "name"])
    if (!seen.has(required)) return catalogError("MISSING_COLUMN", `no ${required} column`, { column: required });
  if (!seen.has("price") && !seen.has("priceMinor"))
    return catalogError("MISSING_COLUMN", "no price or priceMinor column", { column: "price" });
  return { ok: true, value: columns };
}

function rawRow(record: CsvRecord, columns: readonly Column[]): RawRow {
  const fields: Record<string, unknown> = {};
  const names: Record<string, string> = {};
  const issues: RowIssue[] = [];
  const named = columns.filter((column) => !("unnamed" in column)).length;
  const holdsNothing = (column: Column | undefined) => column === undefined || "unnamed" in column;
  const stray = record.cells.some((cell, index) => cell !== "" && holdsNothing(columns[index]));
  if (stray)
    issues.push({
      code: "WRONG_CELL_COUNT",
      row: record.row,
      message: `a value outside the ${named} named columns`,
    });
  columns.forEach((column, index) => {
    const cell = record.cells[index] ?? "";
    if (cell === "" || "unnamed" in column) return;
    if ("nameTag" in column) names[column.nameTag] = cell;
    else fields[column.field] = cell;
  });
  if (Object.keys(names).length > 0) fields.names = names;
  if (typeof fields.taxRatePercent === "string" && /^\d+(\.\d+)?$/.test(fields.taxRatePercent))
    fields.taxRatePercent = Number(fields.taxRatePercent);
  const priceText = fields.price ?? fields.priceMinor;
  if (typeof priceText === "string") {
    const currency = typeof fields.currency === "string" ? fields.currency : "CNY";
    const minor = decimalToMinor(priceText, "price" in fields ? minorDigitsOf(currency) : 0);
    if (minor === undefined)
      issues.push({
        code: "BAD_PRICE",
        row: record.row,
        field: "price" in fields ? "price" : "priceMinor",
        message: `not a price in ${currency}: ${JSON.stringify(priceText)}`,
      });
    // A placeholder keeps the schema from reporting the same price again.
    fields.priceMinor = minor ?? 0;
    delete fields.price;
  }
  return { row: record.row, fields, issues };
}

/** Reads catalogue CSV text into checked rows (every bad row reported), or refuses the file as a whole. */
export function catalogFromCsv(text: string): CatalogResult<CheckedRows> {
  const parsed = readCsv(text);
  if (!parsed.ok) return catalogError("MALFORMED_CSV", parsed.error.message, { row: parsed.error.row });
  const [header, ...records] = parsed.value;
  if (header === undefined)
    return catalogError("MISSING_COLUMN", "the file is empty: no header row", { column: "gtin" });
  const columns = readHeader(header.cells);
  if (!columns.ok) return columns;
  const rows = records
    .filter((record) => record.cells.some((cell) => cell !== ""))
    .map((record) => rawRow(record, columns.value));
  return { ok: true, value: checkRows(rows) };
}

/** Writes items as catalogue CSV: a UTF-8 byte-order mark (so Excel on a Chinese Windows reads UTF-8, not GBK), the
 * header, one record per item in the order given, prices as `priceMinor`. */
export function catalogToCsv(items: readonly CatalogItem[]): string {
  const tags = [...new Set(items.flatMap((item) => Object.keys(item.names ?? {})))].sort();
  const header = [...PLAIN_COLUMNS.filter((column) => column !== "price"), ...tags.map((tag) => `name_${tag}`)];
  const records = items.map((item) => [
    item.gtin,
    item.name,
    String(item.priceMinor),
    item.currency,
    item.unit,
    item.category ?? "",
    item.taxRatePercent === undefined ? "" : String(item.taxRatePercent),
    item.keywords ?? "",
    ...tags.map((tag) => item.names?.[tag] ?? ""),
  ]);
  return `\uFEFF${writeCsv([header, ...records])}`;
}
