// One line of the basket: what was scanned, what it costs, and what the gate said about it. Plain data, so the
// whole basket can be emitted on state$, held, stored and rendered on a receipt without conversion.
import type { Gs1Data } from "@scangate/gs1";
import type { TillAction, Verdict } from "@scangate/rules";

/** A finding of the checkout itself (not of the rule feed) that gates a line. Codes are stable API. */
export type LineCheckCode =
  /** A weighed item whose encoded price differs from weight × unit price by more than the tolerance (warn). */
  | "WEIGHT_PRICE_MISMATCH"
  /** This serial was sold in this store before (recent history): possibly a copied code (warn). */
  | "SERIAL_SOLD_BEFORE"
  /** The rule store holds no verified rules (never synced): the scan was not gated (warn). */
  | "RULES_UNAVAILABLE";

/** A checkout finding on a line, with its evidence. */
export interface LineCheck {
  readonly code: LineCheckCode;
  readonly action: TillAction;
  /** English, for logs; the till renders its own text from `code` and the evidence. */
  readonly message: string;
  /** WEIGHT_PRICE_MISMATCH: the encoded price and the computed one, minor units. */
  readonly encodedPriceMinor?: number;
  readonly computedPriceMinor?: number;
  /** SERIAL_SOLD_BEFORE: the sale it was sold in. */
  readonly soldInSaleId?: string;
}

/** Staff letting a gated line through: who, in which role, why, when. Travels with the sale event. */
export interface LineResolution {
  /** `acknowledged`: a warn confirmed by the cashier; `overridden`: a warn or block let through with a reason. */
  readonly kind: "acknowledged" | "overridden";
  /** Staff id (never the customer's identity). */
  readonly by: string;
  readonly role: string;
  /** The override reason code, e.g. `CUSTOMER_INFORMED`; required for an override. */
  readonly reasonCode?: string;
  readonly atMs: number;
}

/** A near-expiry markdown applied to a line, shown as a line discount. */
export interface LineMarkdown {
  /** The policy's reason code, e.g. `NEAR_EXPIRY_30`. */
  readonly reasonCode: string;
  /** Amount off the line, minor units (positive). */
  readonly discountMinor: number;
  /** Days to the printed date that triggered it. */
  readonly daysLeft: number;
}

/** How much of the product the line sells. */
export type LineQuantity =
  /** A count of units (`each` items, or serialised items: always 1 per serial). */
  | { readonly kind: "count"; readonly units: number }
  /** A weighed amount: kilograms to 3 decimals, as scales and AI 310n give it. */
  | { readonly kind: "weight"; readonly kg: number };

/** One basket line. */
export interface BasketLine {
  /** Unique within the basket, e.g. "L3". */
  readonly id: string;
  /** GTIN-14 of the product (for a scale label: its GTIN without the measure). */
  readonly gtin: string;
  readonly name: string;
  /** The store policy category, from the catalogue. */
  readonly category?: string;
  /** AI (10), (21) and the printed dates, from the scan. */
  readonly batch?: string;
  readonly serial?: string;
  readonly expiry?: string;
  readonly bestBefore?: string;
  readonly sellBy?: string;
  /** The parsed scan; absent for a line added by hand. */
  readonly scan?: Gs1Data;
  readonly quantity: LineQuantity;
  /** Price per unit, or per kilogram for weighed lines, minor units. */
  readonly unitPriceMinor: number;
  /** Before markdown: units × unit price, or the weighed price (the encoded price when the label carries one). */
  readonly amountMinor: number;
  readonly markdown?: LineMarkdown;
  /** `amountMinor` − markdown. */
  readonly totalMinor: number;
  /** VAT rate included in the price, percent, from the catalogue. */
  readonly taxRatePercent?: number;
  /** The rule verdict of the last evaluation (at scan, then again at settlement). */
  readonly verdict?: Verdict;
  /** The checkout's own findings. */
  readonly checks: readonly LineCheck[];
  /** The most severe of the verdict and the checks. */
  readonly gate: TillAction;
  /** Staff resolution of a warn or block, if any. */
  readonly resolution?: LineResolution;
  /** The product's GS1 Digital Link URI (GTIN, batch, serial), printed on the receipt for the consumer. */
  readonly digitalLink: string;
}
