// The receipt as plain data: everything a renderer prints, already in the receipt's language, so text, HTML and
// ESC/POS print the same facts and a POS vendor can render its own layout from it.
import type { LineQuantity } from "../basket/basket-line.js";
import type { CompletedSale, SaleTender, Totals } from "../sale/completed-sale.js";

/** The languages receipts are written in. */
export type ReceiptLocale = "zh-CN" | "en";

/** Which printed date a line shows: the expiry (AI 17), else the sell-by (16), else the best-before (15). */
export interface ReceiptDate {
  readonly kind: "expiry" | "sellBy" | "bestBefore";
  /** "YYYY-MM-DD". */
  readonly date: string;
}

/** One sold line. Amounts are integer minor units of the receipt's currency. */
export interface ReceiptLine {
  /** The basket line id, e.g. "L3" (refunds name lines by it). */
  readonly lineId: string;
  readonly gtin: string;
  readonly name: string;
  readonly batch?: string;
  readonly serial?: string;
  readonly date?: ReceiptDate;
  readonly quantity: LineQuantity;
  /** Per unit, or per kilogram for weighed lines. */
  readonly unitPriceMinor: number;
  /** Before markdown. */
  readonly amountMinor: number;
  readonly markdown?: {
    readonly reasonCode: string;
    /** Positive. */
    readonly discountMinor: number;
    readonly daysLeft: number;
  };
  /** `amountMinor` − markdown: what the line costs. */
  readonly totalMinor: number;
  readonly taxRatePercent?: number;
  /** Why the till gated the line and who let it through, in the receipt's language, e.g.
   * "overridden by 0012: CUSTOMER_INFORMED". Empty for a line that passed. */
  readonly notes: readonly string[];
  /** The item's GS1 Digital Link URI: the consumer's way to the product page, recall status and origin. */
  readonly digitalLink: string;
}

/** One payment, with its name in the receipt's language instead of the wallet id. */
export interface ReceiptTender extends Omit<SaleTender, "wallet"> {
  /** "现金", "Alipay", "微信支付" … */
  readonly label: string;
}

/** A receipt. `soldAtMs`, `timeZone`, `storeGln` and `cashier` are the sale's. */
export interface Receipt extends Pick<CompletedSale, "soldAtMs" | "timeZone" | "storeGln" | "cashier"> {
  readonly locale: ReceiptLocale;
  readonly currency: string;
  /** The store name, then the caller's header lines. */
  readonly header: readonly string[];
  readonly saleId: string;
  /** "YYYY-MM-DD HH:MM:SS" on the store's wall clock (`timeZone`). */
  readonly localTime: string;
  readonly lines: readonly ReceiptLine[];
  readonly totals: Totals;
  readonly tenders: readonly ReceiptTender[];
  /** Change given back, summed over cash tenders. */
  readonly changeMinor: number;
  readonly footer: readonly string[];
}
