// Taking the money: the customer's wallet code (scanned — the checkout routes a payment code scanned after the items
// to a wallet payment — or typed), the merchant QR for the customer's wallet to scan, or cash with change. Shows
// the payment's state while the customer types a password, and success or failure in the till's language.
import type { CheckoutState, CheckoutTender } from "@scangate/checkout";
import type { PaymentAttempt } from "@scangate/payments";
import { attemptStateText, paymentErrorText } from "@scangate/payments/locale";
import { useEffect, useMemo, useRef, useState } from "preact/hooks";
import { renderSVG } from "uqr";
import { errorText } from "./AlarmList.js";
import { Outcome, TextField } from "./fields.js";
import { minorFromYuan, money } from "./format.js";
import { useTill } from "./till-context.js";

/** How the customer pays. */
export type PayMode = "wallet" | "qr" | "cash";

interface PaymentPanelProps {
  readonly mode: PayMode;
  readonly state: CheckoutState;
  readonly onClose: () => void;
}

export function PaymentPanel({ mode, state, onClose }: PaymentPanelProps) {
  const { parts, t, locale } = useTill();
  const [code, setCode] = useState("");
  const [tendered, setTendered] = useState("");
  const [outcome, setOutcome] = useState<string | undefined>(undefined);
  const [failed, setFailed] = useState(false);
  const due = state.dueMinor;
  const payment = state.payment;
  const tenderedMinor = minorFromYuan(tendered);
  const sheet = useRef<HTMLElement>(null);

  // Keyboard-only operation: the sheet takes the focus when it opens (its first field, else its heading), and
  // Escape closes it while no payment runs.
  useEffect(() => {
    const first = sheet.current?.querySelector<HTMLElement>("input, button");
    first?.focus();
  }, []);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === "Escape" && payment === undefined) onClose();
    };
    document.addEventListener("keydown", onKey);
    return () => document.removeEventListener("keydown", onKey);
  }, [payment, onClose]);

  const run = async (tender: CheckoutTender) => {
    setOutcome(undefined);
    setFailed(false);
    const result = await parts.checkout.pay(tender);
    if (!result.ok) {
      setFailed(true);
      setOutcome(errorText(result.error, t));
      return;
    }
    showAttempt(result.value);
  };
  const showAttempt = (attempt: PaymentAttempt) => {
    if (attempt.state === "PAID") {
      setOutcome(t("pay.success", { amount: money(attempt.amount.amountMinor, locale) }));
      return;
    }
    setFailed(true);
    const reason = attempt.failure ?? attempt.lastError?.code;
    setOutcome(
      `${t("pay.failed")}: ${reason ? paymentErrorText({ code: reason }, locale) : attemptStateText(attempt.state, locale)}`,
    );
  };

  const qrSvg = useMemo(
    () => (payment?.qrCodeUrl ? renderSVG(payment.qrCodeUrl, { border: 2 }) : undefined),
    [payment?.qrCodeUrl],
  );

  return (
    <section ref={sheet} role="dialog" aria-modal="false" aria-labelledby="pay-title" class="panel dialog pay">
      <h2 id="pay-title">
        {t("pay.dialog")} · {money(due, locale)}
      </h2>
      {mode === "wallet" && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (code.trim()) void run({ kind: "wallet", authCode: code.trim() });
          }}
        >
          <p>{t("pay.walletPrompt")}</p>
          <TextField label={t("pay.walletCode")} inputMode="numeric" value={code} onValue={setCode} />
          <button type="submit" class="primary" disabled={payment !== undefined}>
            {t("pay.walletSubmit")}
          </button>
        </form>
      )}
      {mode === "qr" && (
        <div>
          <p>{t("pay.qrPrompt")}</p>
          {qrSvg ? (
            <div
              class="qr"
              role="img"
              aria-label={t("pay.qrImage", { amount: money(payment?.amountMinor ?? due, locale) })}
              data-qr-url={payment?.qrCodeUrl}
              // uqr's SVG, drawn here from the gateway's URL: no outside markup
              dangerouslySetInnerHTML={{ __html: qrSvg }}
            />
          ) : (
            <button
              type="button"
              class="primary"
              disabled={payment !== undefined}
              onClick={() => void run({ kind: "qr" })}
            >
              {t("pay.qr")}
            </button>
          )}
        </div>
      )}
      {mode === "cash" && (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            if (tenderedMinor !== undefined && tenderedMinor >= due) void run({ kind: "cash", tenderedMinor });
          }}
        >
          <TextField label={t("pay.cashTendered")} inputMode="decimal" value={tendered} onValue={setTendered} />
          <p aria-live="polite" class="change">
            {tenderedMinor !== undefined &&
              (tenderedMinor >= due
                ? t("pay.cashChange", { amount: money(tenderedMinor - due, locale) })
                : t("pay.cashShort", { amount: money(due - tenderedMinor, locale) }))}
          </p>
          <button type="submit" class="primary" disabled={tenderedMinor === undefined || tenderedMinor < due}>
            {t("pay.cashSubmit")}
          </button>
        </form>
      )}
      {payment && (
        <p class="payment-state" role="status" data-state={payment.state}>
          {attemptStateText(payment.state, locale)}
        </p>
      )}
      {outcome && <Outcome text={outcome} failed={failed} />}
      <div class="actions">
        {payment && (
          <button type="button" class="danger" onClick={() => void parts.checkout.cancelPayment()}>
            {t("pay.cancel")}
          </button>
        )}
        <button type="button" onClick={onClose} disabled={payment !== undefined}>
          {t("pay.close")}
        </button>
      </div>
    </section>
  );
}
