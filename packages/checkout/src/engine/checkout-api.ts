// The checkout's public surface: the engine's commands and the shapes they take and answer.
import type { Result } from "@scangate/gs1";
import type { PaymentAttempt } from "@scangate/payments";
import type { Scan } from "@scangate/scanner";
import type { Observable } from "rxjs";
import type { BasketLine } from "../basket/basket-line.js";
import type { CheckoutError } from "./checkout-errors.js";
import type { CheckoutEvent } from "./checkout-events.js";
import type { CheckoutState, HeldBasket } from "./checkout-state.js";
import type { RefundDone, RefundRequest } from "./refund-flow.js";
import type { ScanAdded } from "./scan-flow.js";

/** Staff acting on a line: staff id and role (`cashier`, `supervisor`). */
export interface Staff {
  readonly by: string;
  readonly role: string;
}

/** How the customer pays (one tender; several make a split tender). `amountMinor` defaults to what is due. */
export type CheckoutTender =
  | { readonly kind: "cash"; readonly tenderedMinor: number; readonly amountMinor?: number }
  | { readonly kind: "wallet"; readonly authCode: string; readonly amountMinor?: number }
  | { readonly kind: "qr"; readonly amountMinor?: number };

/** What a scan did: added (or merged into) a line, or was a customer's payment code that started a wallet payment
 * for what is due (`payment` resolves as `pay()` does). */
export type ScanOutcome =
  | ScanAdded
  | { readonly kind: "payment"; readonly payment: Promise<Result<PaymentAttempt, CheckoutError>> };

/** The checkout engine. */
export interface Checkout {
  /** The till's state; subscribing also consumes `scans$`. Replays the current state; never errors. */
  readonly state$: Observable<CheckoutState>;
  /** Every change, as it happens (hot: subscribe before acting to see all). */
  readonly events$: Observable<CheckoutEvent>;
  /** The current state. */
  snapshot(): CheckoutState;
  /** Adds a scanned item (a customer's payment code starts a wallet payment instead). */
  scan(input: Scan | string): Promise<Result<ScanOutcome, CheckoutError>>;
  /** Adds an item by hand: GTIN-14 (or 8/12/13) and units, or kilograms for items sold by the kg. */
  addItem(input: {
    readonly gtin: string;
    readonly units?: number;
    readonly kg?: number;
  }): Promise<Result<BasketLine, CheckoutError>>;
  /** Sets the unit count of a count line. */
  setQuantity(lineId: string, units: number): Promise<Result<BasketLine, CheckoutError>>;
  /** Removes a line (before payment). */
  removeLine(lineId: string, by?: string): Promise<Result<BasketLine, CheckoutError>>;
  /** A cashier confirms a warned line (where the gate policy asks only for acknowledgement). */
  acknowledge(lineId: string, staff: Staff): Promise<Result<BasketLine, CheckoutError>>;
  /** Lets a warned or blocked line through with a reason, where the notice and the gate policy allow that role. */
  override(lineId: string, staff: Staff & { readonly reasonCode: string }): Promise<Result<BasketLine, CheckoutError>>;
  /** Empties the basket (before payment), recording who and why. */
  voidBasket(staff: {
    readonly by: string;
    readonly reasonCode: string;
  }): Promise<Result<readonly BasketLine[], CheckoutError>>;
  /** Puts the basket aside and starts an empty one. */
  hold(): Promise<Result<HeldBasket, CheckoutError>>;
  /** Brings a held basket back (holding the current one if it has lines). */
  recall(heldId: string): Promise<Result<CheckoutState, CheckoutError>>;
  /**
   * Pays (part of) what is due. Re-gates every line against the rules held now first, and refuses while any line
   * blocks or waits for acknowledgement. Resolves when the payment attempt is resolved; a settled sale is completed.
   */
  pay(tender: CheckoutTender): Promise<Result<PaymentAttempt, CheckoutError>>;
  /** The cashier's cancel of the running payment (reversed if anything was sent). */
  cancelPayment(): Promise<Result<PaymentAttempt, CheckoutError>>;
  /**
   * Brings back the basket the journal kept when the till stopped (crash, reload): its lines, the tenders already
   * paid, and the payment that was running — call the payment bridge's `recover()` first, so that payment is
   * resolved; a PAID one becomes a tender and completes the sale when it covers the total. A basket whose sale was
   * already journaled is finished (sent to the sales outbox again, which ignores a sale id it has). Does nothing
   * when the journal keeps no basket or the current basket has lines.
   */
  resume(): Promise<Result<CheckoutState, CheckoutError>>;
  /** Refunds lines or an amount of a past sale (from the journal), back to the wallet that paid or in cash. */
  refund(saleId: string, request: RefundRequest): Promise<Result<RefundDone, CheckoutError>>;
  /** Removes an alarm the cashier has seen. */
  dismissAlarm(alarmId: string): void;
}
