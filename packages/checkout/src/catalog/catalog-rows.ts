// Turns the rows of an imported file (CSV records mapped by header, or JSON objects) into catalogue items, collecting
// every problem with its row number rather than stopping at the first: the stall owner fixes the file once.
import { isValidGtin } from "@scangate/gs1";
import type { z } from "zod";
import type { RowIssue } from "./catalog-errors.js";
import { type CatalogItem, CatalogItemSchema } from "./catalog-item.js";

/** A row as read from a file: its number, and the fields found (a price may still be a decimal string). */
export interface RawRow {
  readonly row: number;
  readonly fields: Readonly<Record<string, unknown>>;
  /** A problem found while reading the row (e.g. a price that is not a decimal), reported with the schema's. */
  readonly issues: readonly RowIssue[];
}

/** Items that passed, and issues of those that did not. */
export interface CheckedRows {
  readonly items: CatalogItem[];
  readonly issues: RowIssue[];
}

/** A GTIN-8/12/13/14 as a file may hold it → GTIN-14, or `undefined` when it is not one. */
function gtinFromFile(value: unknown): string | undefined {
  if (typeof value !== "string") return undefined;
  const digits = value.trim();
  if (!/^(\d{8}|\d{12}|\d{13}|\d{14})$/.test(digits)) return undefined;
  const gtin = digits.padStart(14, "0");
  return isValidGtin(gtin) ? gtin : undefined;
}

function schemaIssues(row: number, error: z.ZodError): RowIssue[] {
  return error.issues.map((issue) => {
    const field = issue.path.map(String).join(".");
    return { code: "INVALID_FIELD", row, ...(field ? { field } : {}), message: issue.message };
  });
}

/** Validates each row with the catalogue schema (after padding its GTIN) and flags a GTIN seen on an earlier row. */
export function checkRows(rows: readonly RawRow[]): CheckedRows {
  const items: CatalogItem[] = [];
  const issues: RowIssue[] = [];
  const firstRowOf = new Map<string, number>();
  for (const raw of rows) {
    const rowIssues: RowIssue[] = [...raw.issues];
    const gtin = gtinFromFile(raw.fields.gtin);
    if (gtin === undefined)
      rowIssues.push({
        code: "BAD_GTIN",
        row: raw.row,
        field: "gtin",
        message: `not a GTIN-8/12/13/14 with a valid check digit: ${JSON.stringify(raw.fields.gtin ?? "")}`,
      });
    else if (firstRowOf.has(gtin))
      rowIssues.push({
        code: "DUPLICATE_GTIN",
        row: raw.row,
        field: "gtin",
        message: `GTIN ${gtin} already on row ${firstRowOf.get(gtin)}`,
      });
    else firstRowOf.set(gtin, raw.row);
    const parsed = CatalogItemSchema.safeParse({ ...raw.fields, gtin: gtin ?? "00000000000000" });
    if (!parsed.success) rowIssues.push(...schemaIssues(raw.row, parsed.error));
    else if (rowIssues.length === 0) items.push(parsed.data);
    issues.push(...rowIssues);
  }
  return { items, issues };
}
