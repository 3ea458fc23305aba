// The till: scan area (the wedge listens on the whole page; a field for typed codes; the camera toggle), the
// alarms, the basket, the totals and the ways to pay.
import type { BasketLine, CheckoutState } from "@scangate/checkout";
import { useEffect, useState } from "preact/hooks";
import type { MessageKey } from "../messages/index.js";
import { AlarmList } from "./AlarmList.js";
import { BasketTable } from "./BasketTable.js";
import { CameraPanel } from "./CameraPanel.js";
import { TextField } from "./fields.js";
import { money } from "./format.js";
import { OverrideDialog } from "./OverrideDialog.js";
import { type PayMode, PaymentPanel } from "./PaymentPanel.js";
import { useTill } from "./till-context.js";

interface TillScreenProps {
  readonly state: CheckoutState;
  readonly onQuickAdd: (gtin: string) => void;
}

export function TillScreen({ state, onQuickAdd }: TillScreenProps) {
  const { parts, t, locale } = useTill();
  const [typed, setTyped] = useState("");
  const [overriding, setOverriding] = useState<BasketLine | undefined>(undefined);
  const [payMode, setPayMode] = useState<PayMode | undefined>(undefined);
  // The message key, not its text: a refusal shown before the language changes is shown in the new language.
  const [refusal, setRefusal] = useState<MessageKey | undefined>(undefined);
  const locked = state.payment !== undefined || state.tenders.length > 0;
  // A refusal is about the basket as it was: any change to the basket clears it.
  useEffect(() => setRefusal(undefined), [state.lines]);

  const startPayment = (mode: PayMode) => {
    if (state.lines.length === 0) {
      setRefusal("pay.refusedEmpty");
      return;
    }
    if (!state.payable) {
      // The checkout's own verdict on the basket: a line blocks or waits for confirmation (pay() would answer
      // NOT_PAYABLE, and re-checks every line again when it runs).
      setRefusal("pay.refusedBlocked");
      return;
    }
    setRefusal(undefined);
    setPayMode(mode);
  };

  return (
    <div class="till">
      {/* The alarms come first: on a phone they are what the cashier must see without scrolling. */}
      <AlarmList alarms={state.alarms} lines={state.lines} onOverride={setOverriding} onQuickAdd={onQuickAdd} />
      {overriding && <OverrideDialog line={overriding} onClose={() => setOverriding(undefined)} />}
      <section class="scan-area panel" aria-labelledby="scan-title">
        <h2 id="scan-title">{t("till.scanArea")}</h2>
        <p class="hint">{t("till.scanHint")}</p>
        <form
          class="manual"
          onSubmit={(event) => {
            event.preventDefault();
            const text = typed.trim();
            if (text) void parts.checkout.scan(text);
            setTyped("");
          }}
        >
          <TextField label={t("till.manualLabel")} name="code" value={typed} onValue={setTyped} />
          <button type="submit">{t("till.manualSubmit")}</button>
        </form>
        <CameraPanel />
      </section>
      <section class="panel basket-panel" aria-labelledby="basket-title">
        <h2 id="basket-title">{t("till.basket")}</h2>
        <BasketTable lines={state.lines} locked={locked} />
      </section>
      <section class="panel totals" aria-label={t("totals.label")}>
        <dl>
          <dt>{t("totals.subtotal")}</dt>
          <dd>{money(state.totals.subtotalMinor, locale)}</dd>
          {state.totals.markdownMinor > 0 && (
            <>
              <dt>{t("totals.markdown")}</dt>
              <dd>{money(-state.totals.markdownMinor, locale)}</dd>
            </>
          )}
          <dt class="total">{t("totals.total")}</dt>
          <dd class="total" data-testid="total">
            {money(state.totals.totalMinor, locale)}
          </dd>
          {state.tenders.length > 0 && (
            <>
              <dt>{t("totals.due")}</dt>
              <dd data-testid="due">{money(state.dueMinor, locale)}</dd>
            </>
          )}
        </dl>
        <div class="pay-buttons">
          <button type="button" class="primary big" onClick={() => startPayment("wallet")}>
            {t("pay.wallet")}
          </button>
          <button type="button" class="big" onClick={() => startPayment("qr")}>
            {t("pay.qr")}
          </button>
          <button type="button" class="big" onClick={() => startPayment("cash")}>
            {t("pay.cash")}
          </button>
          <button
            type="button"
            class="quiet"
            disabled={locked || state.lines.length === 0}
            onClick={() => void parts.checkout.voidBasket({ by: "till", reasonCode: "CUSTOMER_LEFT" })}
          >
            {t("pay.void")}
          </button>
        </div>
        {refusal && (
          <p role="alert" class="inline-error" data-testid="pay-refused">
            {t(refusal)}
          </p>
        )}
      </section>
      {payMode && <PaymentPanel mode={payMode} state={state} onClose={() => setPayMode(undefined)} />}
    </div>
  );
}
