// The alarms the cashier must see: a blocked item is a full-width red alarm with the reason in the till's language;
// a warn asks for confirmation; a refused scan says why (an unknown product offers quick-add).
import type { Alarm, BasketLine, CheckoutError } from "@scangate/checkout";
import { reasonText } from "@scangate/rules/locale";
import type { Translate } from "../messages/index.js";
import { useTill } from "./till-context.js";
import { useProductNames } from "./use-product-names.js";

/** The cashier's text for a refused command. */
export function errorText(error: CheckoutError, t: Translate): string {
  return t(`error.${error.code}`, { gtin: error.gtin ?? "", detail: error.detail ?? error.message });
}

interface AlarmListProps {
  readonly alarms: readonly Alarm[];
  readonly lines: readonly BasketLine[];
  readonly onOverride: (line: BasketLine) => void;
  readonly onQuickAdd: (gtin: string) => void;
}

export function AlarmList({ alarms, lines, onOverride, onQuickAdd }: AlarmListProps) {
  const { parts, t, locale } = useTill();
  const checkout = parts.checkout;
  const nameOf = useProductNames(
    lines.map((line) => line.gtin),
    locale,
  );
  if (alarms.length === 0) return null;
  return (
    <div class="alarms">
      {alarms.map((alarm) => {
        const line = lines.find((candidate) => candidate.id === alarm.lineId);
        const reasons = [
          ...(alarm.reasons ?? [])
            .filter((reason) => reason.action !== "allow")
            .map((reason) => reasonText(reason, locale)),
          ...(alarm.checks ?? []).filter((check) => check.action !== "allow").map((check) => t(`check.${check.code}`)),
        ];
        const title =
          alarm.kind === "blocked"
            ? t("alarm.blocked")
            : alarm.kind === "warn"
              ? t("alarm.warn")
              : alarm.kind === "refused"
                ? t("alarm.refused")
                : alarm.kind === "payment"
                  ? t("alarm.payment")
                  : t("alarm.sale");
        return (
          <div key={alarm.id} class={`alarm alarm-${alarm.kind}`} role="alert" data-alarm={alarm.kind}>
            <p class="alarm-title">
              <strong>{title}</strong>
              {line && <span class="alarm-item"> · {nameOf(line.gtin, line.name)}</span>}
              {line?.batch && <span class="alarm-item"> · {line.batch}</span>}
            </p>
            {reasons.map((text) => (
              <p class="alarm-reason" key={text}>
                {text}
              </p>
            ))}
            {alarm.atSettlement && <p class="alarm-reason">{t("alarm.atSettlement")}</p>}
            {alarm.error && (
              <p class="alarm-reason">
                {alarm.error.code === "UNKNOWN_ITEM"
                  ? t("alarm.unknownItem", { gtin: alarm.error.gtin ?? "" })
                  : errorText(alarm.error, t)}
              </p>
            )}
            <div class="alarm-actions">
              {line && alarm.kind === "blocked" && (
                <button type="button" class="danger" onClick={() => void checkout.removeLine(line.id, "till")}>
                  {t("alarm.remove")}
                </button>
              )}
              {line && alarm.kind === "warn" && (
                <button
                  type="button"
                  class="primary"
                  onClick={() => void checkout.acknowledge(line.id, { by: "till", role: "cashier" })}
                >
                  {t("line.acknowledge", { name: nameOf(line.gtin, line.name) })}
                </button>
              )}
              {line && (alarm.kind === "blocked" || alarm.kind === "warn") && (
                <button type="button" onClick={() => onOverride(line)}>
                  {t("line.override", { name: nameOf(line.gtin, line.name) })}
                </button>
              )}
              {alarm.error?.code === "UNKNOWN_ITEM" && alarm.error.gtin && (
                <button type="button" class="primary" onClick={() => onQuickAdd(alarm.error?.gtin ?? "")}>
                  {t("alarm.quickAdd")}
                </button>
              )}
              <button type="button" onClick={() => checkout.dismissAlarm(alarm.id)}>
                {t("alarm.dismiss")}
              </button>
            </div>
          </div>
        );
      })}
    </div>
  );
}
