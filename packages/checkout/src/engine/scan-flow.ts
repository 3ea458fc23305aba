// A scan to a basket line: parse (GS1 element string, Digital Link, EAN/UPC, scale label), find the product, refuse a
// serialised unit already in the basket, warn on one sold here before, price it, judge it.

import type { Result } from "@scangate/gs1";
import { type Gs1Data, parse } from "@scangate/gs1";
import type { BasketLine, LineCheck } from "../basket/basket-line.js";
import { type PriceTolerance, priceScannedItem } from "../basket/price-line.js";
import { type CatalogItem, CatalogItemSchema } from "../catalog/catalog-item.js";
import { type CheckoutError, checkoutError } from "./checkout-errors.js";
import type { CheckoutOptions } from "./checkout-options.js";
import { draftLine, type GateContext, type LineDraft } from "./line-builder.js";

/** A scan that added a line or added a unit to an identical one. */
export interface ScanAdded {
  readonly kind: "line";
  readonly line: BasketLine;
}

/** What turning a scan into a line needs. */
export interface ScanContext {
  readonly options: CheckoutOptions;
  readonly today: string;
  readonly gate: GateContext;
  readonly tolerance: PriceTolerance;
  readonly basket: readonly BasketLine[];
}

/** The GTIN-14 the catalogue knows the scanned product by: a scale label's GTIN without its measure. */
function catalogGtinOf(data: Gs1Data): string | undefined {
  if (data.rcn) return data.rcn.gtinWithoutMeasure.padStart(14, "0");
  return data.gtin;
}

/** The item the quick-add hook answers for an unknown GTIN, validated and saved; UNKNOWN_ITEM when it answers none
 * or one that fails the catalogue schema (`detail` says why). */
async function quickAdded(gtin: string, options: CheckoutOptions): Promise<Result<CatalogItem, CheckoutError>> {
  const unknown = (detail?: string) =>
    checkoutError("UNKNOWN_ITEM", `${gtin} is not in the catalogue`, { gtin, ...(detail ? { detail } : {}) });
  const answer = await options.quickAdd?.(gtin);
  if (answer === undefined) return unknown();
  const item = CatalogItemSchema.safeParse({ ...answer, gtin });
  if (!item.success)
    return unknown(
      `quick-add: ${item.error.issues.map((issue) => `${issue.path.join(".")}: ${issue.message}`).join("; ")}`,
    );
  await options.catalog.put?.(item.data);
  return { ok: true, value: item.data };
}

/** The line a scan makes (not yet in the basket), or why it cannot be sold. */
export async function lineFromScan(text: string, context: ScanContext): Promise<Result<LineDraft, CheckoutError>> {
  const parsed = parse(text, { ...context.options.gs1, today: context.today });
  if (!parsed.ok) return checkoutError("UNREADABLE_SCAN", parsed.error.message, { gs1: parsed.error });
  const data = parsed.value;
  const gtin = catalogGtinOf(data);
  if (gtin === undefined) return checkoutError("NOT_A_PRODUCT", "the scan carries no product GTIN");
  const known = await context.options.catalog.lookup(gtin);
  const found = known ? { ok: true as const, value: known } : await quickAdded(gtin, context.options);
  if (!found.ok) return found;
  const item = found.value;

  const checks: LineCheck[] = [];
  if (data.serial !== undefined) {
    const inBasket = context.basket.find((line) => line.gtin === gtin && line.serial === data.serial);
    if (inBasket)
      return checkoutError("SERIAL_ALREADY_IN_BASKET", `serial ${data.serial} is already on line ${inBasket.id}`, {
        gtin,
        lineIds: [inBasket.id],
      });
    const sold = await context.options.journal?.findSerial(gtin, data.serial);
    if (sold)
      checks.push({
        code: "SERIAL_SOLD_BEFORE",
        action: "warn",
        message: `serial ${data.serial} was sold in sale ${sold.saleId}: possibly a copied code`,
        soldInSaleId: sold.saleId,
      });
  }
  const price = priceScannedItem(data, item, 1, context.tolerance);
  return { ok: true, value: draftLine(item, price, data, checks, context.gate) };
}
