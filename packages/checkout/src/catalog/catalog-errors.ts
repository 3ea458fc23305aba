// What can be wrong with a catalogue file or its store. Codes are stable API (renaming one is a breaking change);
// docs/catalog.md lists every one, and a test checks the table against these unions.
import type { Result } from "@scangate/gs1";

export type { Result } from "@scangate/gs1";

/** Why an import, or `memoryCatalog`, was refused as a whole. */
export type CatalogErrorCode =
  /** One or more rows failed validation: `rows` lists each with its row number, field and message. Nothing was
   * imported (unless `skipInvalid`, which never returns this code). */
  | "INVALID_ROWS"
  /** The CSV breaks RFC 4180: a quote left open, or text after a closing quote. `row` says where. */
  | "MALFORMED_CSV"
  /** The CSV header lacks a required column (`gtin`, `name`, and `price` or `priceMinor`). */
  | "MISSING_COLUMN"
  /** The CSV header names a column the catalogue does not know, twice the same column, or both `price` and
   * `priceMinor`. A typo must not silently drop a field. */
  | "BAD_HEADER"
  /** The JSON text does not parse, or is neither an array of items nor `{ "items": [...] }`. */
  | "MALFORMED_JSON"
  /** IndexedDB refused the read or the write (quota, a blocked upgrade, a closed database). Nothing was written. */
  | "STORAGE_FAILED";

/** Why one row of a file is bad. */
export type RowIssueCode =
  /** The GTIN is not 8, 12, 13 or 14 digits, or its check digit is wrong (spreadsheets that print `9.5E+12` land here). */
  | "BAD_GTIN"
  /** The price is not a plain decimal number in the currency's minor-unit precision (e.g. `12.505` in CNY). */
  | "BAD_PRICE"
  /** The same GTIN appears on an earlier row of the file. */
  | "DUPLICATE_GTIN"
  /** A CSV row has a value beyond the header's named columns. */
  | "WRONG_CELL_COUNT"
  /** Any other field fails the catalogue schema (empty name, unknown unit, tax rate over 100 …). */
  | "INVALID_FIELD";

/** One bad row: where, which field, what is wrong. */
export interface RowIssue {
  readonly code: RowIssueCode;
  /** CSV: the record number counting the header as row 1 (what a spreadsheet shows when no cell holds a line
   * break). JSON: the item's position in the array, from 1. */
  readonly row: number;
  /** The field at fault (`gtin`, `priceMinor`, `names.en` …), when one is. */
  readonly field?: string;
  /** English, for logs and the import screen. */
  readonly message: string;
}

/** A refused catalogue file, or a store failure. */
export interface CatalogError {
  readonly code: CatalogErrorCode;
  /** English, for logs. */
  readonly message: string;
  /** INVALID_ROWS: every bad row. */
  readonly rows?: readonly RowIssue[];
  /** MALFORMED_CSV: the record where parsing stopped. */
  readonly row?: number;
  /** MISSING_COLUMN, BAD_HEADER: the column at fault. */
  readonly column?: string;
}

/** The Result of a catalogue operation. */
export type CatalogResult<T> = Result<T, CatalogError>;

/** Builds a refusal; keeps call sites to one line. */
export function catalogError(
  code: CatalogErrorCode,
  message: string,
  evidence: Omit<CatalogError, "code" | "message"> = {},
): { ok: false; error: CatalogError } {
  return { ok: false, error: { code, message, ...evidence } };
}
