// Paying through the payment bridge: one tender becomes one bridge attempt; its states show on state$ as they come;
// a PAID attempt becomes a sale tender, and the tender that covers what is due completes the sale. The attempt runs
// in the bridge, so a payment the till stops watching still ends in a safe state (paid, failed or reversed).
import type { Result } from "@scangate/gs1";
import type { PaymentAttempt, Tender } from "@scangate/payments";
import { isResolved } from "@scangate/payments";
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

function saleTenderOf(attempt: PaymentAttempt, request: PaymentRequest, amountMinor: number): SaleTender {
  const paid = attempt.paid;
  const paidMinor = paid?.paidMinor ?? attempt.amount.amountMinor;
  if (request.tender.kind === "cash")
    return {
      kind: "cash",
      amountMinor: paidMinor,
      tenderedMinor: request.tender.tenderedMinor,
      changeMinor: paid?.changeMinor ?? request.tender.tenderedMinor - paidMinor,
      ...(paidMinor < amountMinor ? { roundingMinor: amountMinor - paidMinor } : {}),
      outTradeNo: attempt.outTradeNo,
    };
  return {
    kind: "wallet",
    amountMinor: paidMinor,
    outTradeNo: attempt.outTradeNo,
    ...(paid?.channel !== undefined ? { wallet: paid.channel } : {}),
  };
}

/** Runs one tender to a resolved attempt; completes the sale when the tenders cover the total. */
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

  const show = (attempt: PaymentAttempt) => {
    const core = port.core();
    port.commit(
      {
        ...core,
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
    const { payment: _running, ...core } = port.core();
    if (attempt.state === "PAID") {
      const tenders = [...core.tenders, saleTenderOf(attempt, request, amountMinor)];
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
    payments.start(bridgeTender(port, request, amountMinor)).subscribe({
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
