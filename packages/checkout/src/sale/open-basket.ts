// The basket being sold, as the till keeps it durably between commands: after a crash or a reload the checkout
// resumes it — lines, tenders already paid, and the payment that was running (the payment bridge drove that one
// to a resolved state meanwhile) — so a customer who paid is never left without a sale.
import type { BasketLine } from "../basket/basket-line.js";
import type { SaleTender } from "./completed-sale.js";

/** The payment running when the basket was saved. */
export interface OpenPayment {
  readonly attemptId: string;
  readonly kind: "cash" | "wallet" | "qr";
  /** The tender's amount, and for cash what was handed over. */
  readonly amountMinor: number;
  readonly tenderedMinor?: number;
}

/** The open basket. */
export interface OpenBasket {
  readonly saleId: string;
  readonly lines: readonly BasketLine[];
  readonly tenders: readonly SaleTender[];
  /** Number of the next line id. */
  readonly nextLine: number;
  readonly payment?: OpenPayment;
  readonly savedAtMs: number;
}
