// Sales a test can count: deterministic, one to three lines each, products of the test producer (company prefix
// 952 1234). Pure, so the Chromium page bundles it too.
import type { Sale } from "../../src/sale-schema.js";

/** 2027-03-15T01:41:07Z, 09:41 in Shanghai. */
export const T0 = Date.UTC(2027, 2, 15, 1, 41, 7);

/** Test products: GTIN-14s under the example company prefix 952 1234 with valid check digits. */
export const PRODUCTS = ["09521234543213", "09521234000013", "09521234000020", "09521234000037"] as const;

/** Sale number `index`: one to three lines, with a known quantity per GTIN + batch. */
export function testSale(index: number, prefix = "S"): Sale {
  const lineCount = (index % 3) + 1;
  return {
    id: `${prefix}-${String(index).padStart(6, "0")}`,
    soldAtMs: T0 + index * 1_000,
    lines: Array.from({ length: lineCount }, (_, line) => ({
      gtin: PRODUCTS[(index + line) % PRODUCTS.length] as string,
      batch: `B${(index + line) % 5}`,
      quantity: (line % 2) + 1,
    })),
  };
}

/** What a receiver should hold for `sales`, per GTIN + batch: summed quantity and number of events. */
export function expectedRows(sales: readonly Sale[]): Map<string, { quantity: number; events: number }> {
  const rows = new Map<string, { quantity: number; events: number }>();
  for (const sale of sales)
    for (const line of sale.lines) {
      const key = `${line.gtin}|${line.batch ?? ""}`;
      const row = rows.get(key) ?? { quantity: 0, events: 0 };
      row.quantity += line.quantity;
      row.events += 1;
      rows.set(key, row);
    }
  return rows;
}
