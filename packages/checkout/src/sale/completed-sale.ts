// A sale once paid in full: the record the receipt, the sale journal and the sales stream are made from.
import type { BasketLine } from "../basket/basket-line.js";

/** Money totals of a basket, integer minor units, tax-inclusive prices. */
export interface Totals {
  readonly currency: string;
  /** Sum of line amounts before markdowns. */
  readonly subtotalMinor: number;
  /** Sum of markdown discounts (positive). */
  readonly markdownMinor: number;
  /** What the customer pays: subtotal − markdowns. */
  readonly totalMinor: number;
  /** Number of units (weighed lines count as one). */
  readonly units: number;
  /** VAT included in the total, per rate, when the catalogue gives rates. */
  readonly taxes: readonly { readonly ratePercent: number; readonly taxMinor: number; readonly grossMinor: number }[];
}

/** One tender of a sale: cash, or a wallet/gateway payment (its order number for queries and refunds). */
export interface SaleTender {
  readonly kind: "cash" | "wallet" | "gateway";
  readonly amountMinor: number;
  /** Cash: what the customer handed over, and the change given. */
  readonly tenderedMinor?: number;
  readonly changeMinor?: number;
  /** Cash: what the store's rounding took off the amount due (抹零), e.g. 4 for ¥12.34 paid as ¥12.30. */
  readonly roundingMinor?: number;
  /** Wallet/gateway: the merchant order number (out_trade_no) and the wallet detected (alipay, wechat, unionpay…). */
  readonly outTradeNo?: string;
  readonly wallet?: string;
}

/** A completed sale. */
export interface CompletedSale {
  /** Receipt number, unique per till. */
  readonly id: string;
  readonly soldAtMs: number;
  /** The store's calendar date of the sale, "YYYY-MM-DD", and its IANA time zone. */
  readonly storeDate: string;
  readonly timeZone: string;
  /** Store GLN (13 digits) and display name, for the receipt header. */
  readonly storeGln: string;
  readonly storeName: string;
  /** Staff id of the cashier. */
  readonly cashier: string;
  readonly lines: readonly BasketLine[];
  readonly totals: Totals;
  readonly tenders: readonly SaleTender[];
}
