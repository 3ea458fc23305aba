// Every state change is also an event on events$, for audit logs and analytics: who did what to which line, when.
import type { AttemptState } from "@scangate/payments";
import type { BasketLine, LineResolution } from "../basket/basket-line.js";
import type { CompletedSale } from "../sale/completed-sale.js";
import type { CheckoutError } from "./checkout-errors.js";

/** What happened, without when and for which sale (the engine stamps those). */
export type CheckoutEventBody =
  | { readonly type: "line_added"; readonly line: BasketLine }
  | { readonly type: "line_changed"; readonly line: BasketLine; readonly previous: BasketLine }
  | { readonly type: "line_removed"; readonly line: BasketLine; readonly by?: string }
  | { readonly type: "line_resolved"; readonly line: BasketLine; readonly resolution: LineResolution }
  /** Settlement found a line more gated than at scan time (a recall published while the customer queued). */
  | { readonly type: "line_regated"; readonly line: BasketLine; readonly previous: BasketLine }
  | { readonly type: "refused"; readonly error: CheckoutError }
  | {
      readonly type: "basket_voided";
      readonly lines: readonly BasketLine[];
      readonly by: string;
      readonly reasonCode: string;
    }
  | { readonly type: "basket_held"; readonly heldId: string }
  | { readonly type: "basket_recalled"; readonly heldId: string }
  /** The basket the journal kept when the till stopped was brought back by `resume()`. */
  | { readonly type: "basket_resumed"; readonly lines: number; readonly paidMinor: number }
  | {
      readonly type: "payment";
      readonly attemptId: string;
      readonly providerId: string;
      readonly state: AttemptState;
      readonly amountMinor: number;
    }
  | { readonly type: "sale_completed"; readonly sale: CompletedSale }
  | { readonly type: "sale_not_stored"; readonly sale: CompletedSale; readonly error: CheckoutError }
  | {
      readonly type: "refund";
      readonly refundedSaleId: string;
      readonly amountMinor: number;
      readonly by: string;
      readonly attemptId?: string;
    };

/** One thing that happened at the till. `atMs` is the checkout clock; `saleId` the sale it belongs to. */
export type CheckoutEvent = { readonly atMs: number; readonly saleId: string } & CheckoutEventBody;
