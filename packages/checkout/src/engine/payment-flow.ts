// Paying through the payment bridge: one tender becomes one bridge attempt; its states show on state$ as they come;
// a PAID attempt becomes a sale tender, and the tender that covers what is due completes the sale. The attempt runs
// in the bridge, so a payment the till stops watching still ends in a safe state (paid, failed or reversed).
import type { Result } from "@scangate/gs1";
import type { AttemptUpdate, PaymentAttempt, Tender } from "@scangate/payments";
import { isResolved } from "@scangate/payments";
import type { Observable } from "rxjs";
import type { SaleTender } from "../sale/completed-sale.js";
import type { CheckoutTender } from "./checkout-api.js";
import { type CheckoutError, checkoutError } from "./checkout-errors.js";
import type { CheckoutEventBody } from "./checkout-events.js";
import type { CheckoutOptions, TenderProviders } from "./checkout-options.js";
import type { CheckoutCore } from "./checkout-snapshot.js";
import type { Alarm } from "./checkout-state.js";

/** A tender the settlement gate accepted. */
export interface PaymentRequest {
  readonly tender: CheckoutTender;
  readonly dueMinor: number;
  readonly totalMinor: number;
}

/** What the payment flow needs from the engine. */
export interface PaymentPort {
  readonly options: CheckoutOptions;
  readonly providers: TenderProviders;
  readonly currency: string;
  core(): CheckoutCore;
  commit(next: CheckoutCore, ...happened: CheckoutEventBody[]): void;
  alarm(fields: Omit<Alarm, "id" | "atMs">): Alarm;
  /** Completes the sale with these tenders (journal, sales stream, receipt, new basket). */
  complete(tenders: readonly SaleTender[]): Promise<void>;
}

type Serial = <T>(command: () => Promise<T> | T) => Promise<T>;
type Refuse = <T>(failure: { ok: false; error: CheckoutError }, raiseAlarm?: boolean) => Result<T, CheckoutError>;

/** Paid sum of the tenders, counting what cash rounding took off as paid. */
export function coveredMinor(tenders: readonly SaleTender[]): number {
  return tenders.reduce((sum, tender) => sum + tender.amountMinor + (tender.roundingMinor ?? 0), 0);
}

function bridgeTender(port: PaymentPort, request: PaymentRequest, amountMinor: number): Tender {
  const { tender } = request;
  const money = (value: number) => ({ amountMinor: value, currency: port.currency });
  const base = {
    saleId: port.core().saleId,
    saleTotal: money(request.totalMinor),
    amount: money(amountMinor),
  };
  switch (tender.kind) {
    case "cash":
      return { ...base, providerId: port.providers.cash, mode: "cash", tenderedMinor: tender.tenderedMinor };
    case "wallet":
      return { ...base, providerId: port.providers.wallet, mode: "code", authCode: tender.authCode };
    case "qr":
      return { ...base, providerId: port.providers.wallet, mode: "qr" };
  }
}

/** The sale tender a PAID attempt makes (cash: with change and any rounding the store's cash rule took off). */
export function tenderOfAttempt(attempt: PaymentAttempt): SaleTender {
  const paid = attempt.paid;
  const requestedMinor = attempt.amount.amountMinor;
  const paidMinor = paid?.paidMinor ?? requestedMinor;
  if (attempt.mode === "cash") {
    const tenderedMinor = attempt.tenderedMinor ?? paidMinor;
    return {
      kind: "cash",
      amountMinor: paidMinor,
      tenderedMinor,
      changeMinor: paid?.changeMinor ?? tenderedMinor - paidMinor,
      ...(paidMinor < requestedMinor ? { roundingMinor: requestedMinor - paidMinor } : {}),
      outTradeNo: attempt.outTradeNo,
    };
  }
  return {
    kind: "wallet",
    amountMinor: paidMinor,
    outTradeNo: attempt.outTradeNo,
    ...(paid?.channel !== undefined ? { wallet: paid.channel } : {}),
  };
}

/** Runs one tender to a resolved attempt through the bridge; completes the sale when the tenders cover the total. */
export function runPayment(
  port: PaymentPort,
  request: PaymentRequest,
  serial: Serial,
  refuse: Refuse,
): Promise<Result<PaymentAttempt, CheckoutError>> {
  const payments = port.options.payments;
  if (!payments)
    return Promise.resolve(refuse(checkoutError("NOT_CONFIGURED", "no payment bridge", { detail: "payments" })));
  const amountMinor = request.tender.amountMinor ?? request.dueMinor;
  if (!Number.isInteger(amountMinor) || amountMinor <= 0 || amountMinor > request.dueMinor)
    return Promise.resolve(
      refuse(
        checkoutError("INVALID_QUANTITY", `a tender must be a whole amount from 1 to the ${request.dueMinor} due`),
      ),
    );

  return followAttempt(
    port,
    request,
    amountMinor,
    payments.start(bridgeTender(port, request, amountMinor)),
    serial,
    refuse,
  );
}

/**
 * Shows an attempt's states as they come and, once the bridge is done with it, turns a PAID attempt into a tender
 * (completing the sale when the tenders cover the total) or a failure into an alarm. Used for a new tender and for
 * the payment that was running when a resumed basket was saved.
 */
export function followAttempt(
  port: PaymentPort,
  request: PaymentRequest,
  amountMinor: number,
  updates$: Observable<AttemptUpdate>,
  serial: Serial,
  refuse: Refuse,
): Promise<Result<PaymentAttempt, CheckoutError>> {
  const { tender } = request;
  const show = (attempt: PaymentAttempt) => {
    const core = port.core();
    port.commit(
      {
        ...core,
        openPayment: {
          attemptId: attempt.attemptId,
          kind: tender.kind,
          amountMinor,
          ...(tender.kind === "cash" ? { tenderedMinor: tender.tenderedMinor } : {}),
        },
        payment: {
          attemptId: attempt.attemptId,
          providerId: attempt.providerId,
          state: attempt.state,
          amountMinor: attempt.amount.amountMinor,
          ...(attempt.qrCodeUrl !== undefined ? { qrCodeUrl: attempt.qrCodeUrl } : {}),
        },
      },
      {
        type: "payment",
        attemptId: attempt.attemptId,
        providerId: attempt.providerId,
        state: attempt.state,
        amountMinor: attempt.amount.amountMinor,
      },
    );
  };

  const finish = async (attempt: PaymentAttempt): Promise<Result<PaymentAttempt, CheckoutError>> => {
    const { payment: _running, openPayment: _open, ...core } = port.core();
    if (attempt.state === "PAID") {
      const tenders = [...core.tenders, tenderOfAttempt(attempt)];
      port.commit({ ...core, tenders });
      if (coveredMinor(tenders) >= request.totalMinor) await port.complete(tenders);
      return { ok: true, value: attempt };
    }
    const detail = attempt.failure ?? attempt.state;
    const error: CheckoutError = { code: "PAYMENT_REFUSED", message: `payment ${attempt.state}: ${detail}`, detail };
    if (isResolved(attempt.state)) {
      port.commit({ ...core, alarms: [...core.alarms, port.alarm({ kind: "payment", error })] });
      return { ok: true, value: attempt };
    }
    // Not resolved and no longer driven: the bridge's recover() must finish it; the basket stays locked until then.
    const still = port.core();
    port.commit({ ...still, alarms: [...still.alarms, port.alarm({ kind: "payment", error })] });
    return { ok: true, value: attempt };
  };

  return new Promise((resolve) => {
    let last: PaymentAttempt | undefined;
    updates$.subscribe({
      next(update) {
        if (!update.ok) {
          const error = update.error;
          void serial(() =>
            refuse<PaymentAttempt>(checkoutError("PAYMENT_REFUSED", error.message, { detail: error.code }), true),
          ).then(resolve);
          return;
        }
        last = update.value;
        const attempt = update.value;
        void serial(() => show(attempt));
      },
      complete() {
        const attempt = last;
        if (attempt) void serial(() => finish(attempt)).then(resolve);
      },
    });
  });
}
