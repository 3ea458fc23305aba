// resume(): the basket the journal kept when the till stopped comes back. Three cases: the sale was journaled just
// before the crash (finish it: the outbox ignores a sale id it already has); the tenders already cover the total
// (complete it); a payment was running (follow it through the bridge, which recover() has resolved meanwhile).
import type { Result } from "@scangate/gs1";
import type { PaymentAttempt } from "@scangate/payments";
import { map } from "rxjs";
import { totalsOf } from "../basket/totals.js";
import type { OpenPayment } from "../sale/open-basket.js";
import type { CheckoutTender } from "./checkout-api.js";
import type { CheckoutError } from "./checkout-errors.js";
import type { CheckoutCore } from "./checkout-snapshot.js";
import { coveredMinor, followAttempt, type PaymentPort, tenderOfAttempt } from "./payment-flow.js";
import { saleRecordOf } from "./sale-record.js";

type Serial = <T>(command: () => Promise<T> | T) => Promise<T>;
type Refuse = <T>(failure: { ok: false; error: CheckoutError }, raiseAlarm?: boolean) => Result<T, CheckoutError>;

/** What resuming needs from the engine. */
export interface ResumeContext extends PaymentPort {
  startNewBasket(next?: Partial<CheckoutCore>): CheckoutCore;
  readonly serial: Serial;
  readonly refuse: Refuse;
}

/** The tender the saved payment was made with, as the payment flow reads it. */
function tenderOf(payment: OpenPayment): CheckoutTender {
  switch (payment.kind) {
    case "cash":
      return {
        kind: "cash",
        tenderedMinor: payment.tenderedMinor ?? payment.amountMinor,
        amountMinor: payment.amountMinor,
      };
    case "wallet":
      return { kind: "wallet", authCode: "", amountMinor: payment.amountMinor };
    case "qr":
      return { kind: "qr", amountMinor: payment.amountMinor };
  }
}

/** Resumes the saved basket, if there is one (runs inside the engine's command queue). */
export async function resumeBasket(context: ResumeContext): Promise<void> {
  const { options } = context;
  const saved = await options.journal?.openBasket?.();
  if (saved === undefined || (saved.lines.length === 0 && saved.payment === undefined)) return;

  const journaled = await options.journal?.get?.(saved.saleId);
  if (journaled) {
    const record = saleRecordOf(journaled);
    if (record) await options.sales?.record(record);
    context.commit(context.startNewBasket({ lastSale: journaled }), { type: "sale_completed", sale: journaled });
    return;
  }

  // The bridge is the record of what was paid: a PAID attempt of this sale that the saved basket does not show (the
  // till stopped between the payment and the save) becomes a tender too, so the customer is never charged again.
  const summary = await options.payments?.sale?.(saved.saleId);
  const known = new Set(saved.tenders.map((tender) => tender.outTradeNo));
  const paidSinceSave = summary?.ok
    ? summary.value.attempts.filter((attempt) => attempt.state === "PAID" && !known.has(attempt.outTradeNo))
    : [];
  const tenders = [...saved.tenders, ...paidSinceSave.map(tenderOfAttempt)];
  const core = context.core();
  context.commit(
    { ...core, saleId: saved.saleId, lines: saved.lines, tenders, nextLine: saved.nextLine },
    { type: "basket_resumed", lines: saved.lines.length, paidMinor: coveredMinor(tenders) },
  );
  const totalMinor = totalsOf(saved.lines, context.currency).totalMinor;
  if (tenders.length > 0 && coveredMinor(tenders) >= totalMinor) return context.complete(tenders);
  const running = saved.payment;
  const watch = options.payments?.watch?.bind(options.payments);
  if (
    running === undefined ||
    known.has(running.attemptId) ||
    paidSinceSave.some((a) => a.attemptId === running.attemptId) ||
    !watch
  )
    return;
  const request = { tender: tenderOf(running), dueMinor: running.amountMinor, totalMinor };
  const updates$ = watch(running.attemptId).pipe(
    map((attempt: PaymentAttempt) => ({ ok: true as const, value: attempt })),
  );
  // Followed outside this command: its state updates queue behind it.
  void followAttempt(context, request, running.amountMinor, updates$, context.serial, context.refuse);
}
