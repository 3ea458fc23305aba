// What the till renders: one immutable snapshot per change, emitted on state$.
import type { AttemptState } from "@scangate/payments";
import type { Reason } from "@scangate/rules";
import type { BasketLine, LineCheck } from "../basket/basket-line.js";
import type { CompletedSale, SaleTender, Totals } from "../sale/completed-sale.js";
import type { CheckoutError } from "./checkout-errors.js";

/** Something the cashier must see now. Alarms stay until dismissed or their cause is gone. */
export interface Alarm {
  readonly id: string;
  /**
   * `blocked`: a line may not be sold (scan time or settlement); `warn`: a line needs acknowledgement or override;
   * `refused`: a scan or command was refused (unknown item, unreadable code, serial twice…);
   * `payment`: a payment failed or needs attention; `sale`: a paid sale could not be stored.
   */
  readonly kind: "blocked" | "warn" | "refused" | "payment" | "sale";
  readonly atMs: number;
  readonly lineId?: string;
  /** The rule reasons behind a blocked or warn alarm (texts via `@scangate/rules/locale`). */
  readonly reasons?: readonly Reason[];
  readonly checks?: readonly LineCheck[];
  /** `true` when the alarm was raised at settlement (the rules changed while the basket was open). */
  readonly atSettlement?: boolean;
  readonly error?: CheckoutError;
}

/** The payment running now. */
export interface PaymentInProgress {
  readonly attemptId: string;
  readonly providerId: string;
  readonly state: AttemptState;
  readonly amountMinor: number;
  /** Merchant-presented QR (mode "qr"): what to show the customer. */
  readonly qrCodeUrl?: string;
}

/** A basket put aside (the customer forgot something); `recall` brings it back. */
export interface HeldBasket {
  readonly id: string;
  readonly heldAtMs: number;
  readonly lines: readonly BasketLine[];
  readonly totalMinor: number;
}

/** One snapshot of the till. */
export interface CheckoutState {
  /** Id of the sale being built (becomes the receipt number). */
  readonly saleId: string;
  readonly lines: readonly BasketLine[];
  readonly totals: Totals;
  /** Lines that stop payment now: blocked, or warns without the resolution the policy asks. */
  readonly unsettledLineIds: readonly string[];
  /** `true` when the basket has lines and none is unsettled. */
  readonly payable: boolean;
  readonly alarms: readonly Alarm[];
  readonly payment?: PaymentInProgress;
  /** Tenders paid so far for this sale (split tender). */
  readonly tenders: readonly SaleTender[];
  /** What is still due, minor units. */
  readonly dueMinor: number;
  readonly held: readonly HeldBasket[];
  /** The last completed sale, for the receipt screen. */
  readonly lastSale?: CompletedSale;
}
