// A small stall catalogue with real check digits, written the ways stall owners write it.
import type { CatalogItem, CatalogItemInput } from "../../src/catalog/catalog-item.js";

/** Pork belly, sold by weight, GTIN-13 as printed on the shelf label. */
export const PORK = { gtin: "6901234567892", name: "五花肉", priceMinor: 2800, unit: "kg" } as const;

export const STALL_ITEMS: readonly CatalogItemInput[] = [
  { ...PORK, names: { en: "Pork belly" }, category: "fresh_meat", taxRatePercent: 9, keywords: "wuhuarou whr" },
  { gtin: "09506000134352", name: "Oat milk 1L", priceMinor: 1250, names: { "zh-Hans": "燕麦奶" }, category: "dairy" },
  { gtin: "96385074", name: "Soy sauce", priceMinor: 990, taxRatePercent: 13 },
  { gtin: "036000291452", name: "Tissues", priceMinor: 450 },
];

/** Pork belly as the catalogue holds it once read from a file naming its English name and VAT rate. */
export const PORK_ITEM: CatalogItem = {
  gtin: "06901234567892",
  name: "五花肉",
  names: { en: "Pork belly" },
  priceMinor: 2800,
  currency: "CNY",
  unit: "kg",
  taxRatePercent: 9,
};
