// What the till knows about a product it sells: the catalogue row. A zod schema (one source of truth for the
// type, for CSV/JSON import and for what a stall's quick-add form may save).
import { isValidGtin } from "@scangate/gs1";
import { z } from "zod";

/** How an item is sold: by the unit (`each`, price per unit) or by weight (`kg`, price per kilogram). */
export const SaleUnitSchema = z.enum(["each", "kg"]);
export type SaleUnit = z.infer<typeof SaleUnitSchema>;

/** A catalogue row. */
export const CatalogItemSchema = z.object({
  /** GTIN-14 (a GTIN-8/12/13 is written zero-padded to 14 digits). For an in-store scale label this is its
   * `gtinWithoutMeasure` (the product's label with the price or weight zeroed), padded to 14. */
  gtin: z
    .string()
    .regex(/^\d{14}$/, "a GTIN-14 (pad shorter GTINs with zeros)")
    .refine(isValidGtin, "GTIN with a valid check digit"),
  /** The name on the till and the receipt, in the store's language. */
  name: z.string().trim().min(1).max(120),
  /** Other languages, by BCP 47 tag, e.g. `{ en: "Pork belly" }`. */
  names: z.record(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/), z.string().min(1).max(120)).optional(),
  /** Price in integer minor units (fen): per unit for `each`, per kilogram for `kg`. Tax-inclusive. */
  priceMinor: z.int().min(0).max(100_000_000),
  /** ISO 4217 code. @default "CNY" */
  currency: z
    .string()
    .regex(/^[A-Z]{3}$/)
    .default("CNY"),
  unit: SaleUnitSchema.default("each"),
  /** The store policy's product category (e.g. `fresh_meat`, `dairy`): picks expiry and markdown rules. */
  category: z.string().min(1).max(64).optional(),
  /** VAT rate included in the price, in percent (China: 13, 9 for many foods, 0 for exempt farm produce). */
  taxRatePercent: z.number().min(0).max(100).optional(),
  /** Free search words (pinyin initials, aliases), e.g. "wuhuarou whr". */
  keywords: z.string().max(200).optional(),
});

/** A catalogue row, every default filled in. */
export type CatalogItem = z.output<typeof CatalogItemSchema>;
/** A catalogue row as written (defaults may be left out). */
export type CatalogItemInput = z.input<typeof CatalogItemSchema>;
