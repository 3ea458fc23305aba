// The owner's settings: hub URL and store token, time zone, scanner options, who may override a block. Saved in
// localStorage over config.json; the till restarts with them. Also: sync the rules or upload the sales now.
import { useState } from "preact/hooks";
import type { LocalSettings } from "../till/till-config.js";
import { TextField } from "./fields.js";
import { SETTINGS_KEY } from "./storage-keys.js";
import { useTill } from "./till-context.js";

const list = (text: string) =>
  text
    .split(/[\s,]+/)
    .map((entry) => entry.trim())
    .filter((entry) => entry.length > 0);

export function SettingsScreen() {
  const { parts, t, locale, setLocale } = useTill();
  const config = parts.config;
  const [hubUrl, setHubUrl] = useState(config.hubUrl);
  const [storeToken, setStoreToken] = useState(config.storeToken);
  const [timeZone, setTimeZone] = useState(config.timeZone);
  const [gs, setGs] = useState(config.scanner.gsSubstitutes.join(" "));
  const [prefix, setPrefix] = useState(config.scanner.prefixKeys.join(" "));
  const [gap, setGap] = useState(String(config.scanner.maxMedianGapMs));
  const [overrideRole, setOverrideRole] = useState(config.overrideRole);
  const [note, setNote] = useState<string | undefined>(undefined);

  const save = (event: Event) => {
    event.preventDefault();
    const settings: LocalSettings = {
      hubUrl,
      storeToken,
      timeZone,
      overrideRole,
      scanner: { gsSubstitutes: list(gs), prefixKeys: list(prefix), maxMedianGapMs: Number(gap) },
    };
    localStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
    location.reload();
  };

  return (
    <section class="panel" aria-labelledby="settings-title">
      <h2 id="settings-title">{t("settings.title")}</h2>
      <form class="grid-form" onSubmit={save}>
        <TextField label={t("settings.hubUrl")} type="url" value={hubUrl} onValue={setHubUrl} />
        <TextField label={t("settings.storeToken")} type="password" value={storeToken} onValue={setStoreToken} />
        <TextField label={t("settings.timeZone")} value={timeZone} onValue={setTimeZone} />
        <label>
          {t("settings.language")}
          <select value={locale} onChange={(event) => setLocale(event.currentTarget.value === "en" ? "en" : "zh-CN")}>
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
        <fieldset>
          <legend>{t("settings.scanner")}</legend>
          <TextField label={t("settings.gsSubstitutes")} value={gs} onValue={setGs} />
          <TextField label={t("settings.prefixKeys")} value={prefix} onValue={setPrefix} />
          <TextField
            label={t("settings.maxMedianGapMs")}
            type="number"
            min={5}
            max={200}
            value={gap}
            onValue={setGap}
          />
        </fieldset>
        <fieldset>
          <legend>{t("settings.policy")}</legend>
          <p class="hint">{t("settings.policyHint")}</p>
          <label>
            {t("settings.gatePolicy")}
            <select value={overrideRole} onChange={(event) => setOverrideRole(event.currentTarget.value)}>
              <option value="supervisor">{t("override.roleSupervisor")}</option>
              <option value="cashier">{t("override.roleCashier")}</option>
            </select>
          </label>
        </fieldset>
        <button type="submit" class="primary">
          {t("settings.save")}
        </button>
      </form>
      <div class="actions">
        <button
          type="button"
          onClick={() =>
            void parts.rules
              .sync()
              .then((result) => setNote(result.ok ? `v${result.value.version ?? "—"}` : result.error.code))
          }
        >
          {t("settings.syncNow")}
        </button>
        <button
          type="button"
          onClick={() =>
            void parts.outbox
              .flush()
              .then((result) => setNote(result.ok ? String(result.value.delivered) : result.error.code))
          }
        >
          {t("settings.uploadNow")}
        </button>
        {note && <output>{note}</output>}
      </div>
    </section>
  );
}
