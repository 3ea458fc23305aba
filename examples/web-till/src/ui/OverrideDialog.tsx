// An override asks who (staff id and role) and why (a reason code); the checkout decides whether that role may.
import type { BasketLine } from "@scangate/checkout";
import { useEffect, useRef, useState } from "preact/hooks";
import { errorText } from "./AlarmList.js";
import { TextField } from "./fields.js";
import { useTill } from "./till-context.js";

const REASONS = ["CUSTOMER_INFORMED", "LABEL_ERROR", "SUPERVISOR_CHECKED"] as const;

export function OverrideDialog({ line, onClose }: { line: BasketLine; onClose: () => void }) {
  const { parts, t } = useTill();
  const [reason, setReason] = useState<(typeof REASONS)[number]>("SUPERVISOR_CHECKED");
  const [role, setRole] = useState("supervisor");
  const [staff, setStaff] = useState("");
  const [refusal, setRefusal] = useState<string | undefined>(undefined);
  const firstField = useRef<HTMLSelectElement>(null);
  // Keyboard-only operation: the dialog's first field takes the focus when it opens.
  useEffect(() => firstField.current?.focus(), []);
  const submit = async (event: Event) => {
    event.preventDefault();
    const result = await parts.checkout.override(line.id, { by: staff || "till", role, reasonCode: reason });
    if (result.ok) onClose();
    else setRefusal(errorText(result.error, t));
  };
  return (
    <section role="dialog" aria-modal="false" aria-labelledby="override-title" class="panel dialog">
      <h2 id="override-title">{t("override.title", { name: line.name })}</h2>
      <form onSubmit={submit}>
        <label>
          {t("override.reason")}
          <select
            ref={firstField}
            value={reason}
            onChange={(event) => setReason(event.currentTarget.value as (typeof REASONS)[number])}
          >
            {REASONS.map((code) => (
              <option value={code} key={code}>
                {t(`override.reason${code}`)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t("override.role")}
          <select value={role} onChange={(event) => setRole(event.currentTarget.value)}>
            <option value="cashier">{t("override.roleCashier")}</option>
            <option value="supervisor">{t("override.roleSupervisor")}</option>
          </select>
        </label>
        <TextField label={t("override.staff")} value={staff} onValue={setStaff} />
        {refusal && (
          <p role="alert" class="inline-error">
            {refusal}
          </p>
        )}
        <div class="actions">
          <button type="submit" class="danger">
            {t("override.submit")}
          </button>
          <button type="button" onClick={onClose}>
            {t("override.cancel")}
          </button>
        </div>
      </form>
    </section>
  );
}
