// Online/offline, the rule feed's version and age (a stale warning), download progress of a large feed, sales
// waiting to upload and the last upload. Subscribing here keeps the rule sync and the sales upload running.
import type { RuleStoreStatus } from "@scangate/rules";
import type { SalesOutboxStatus } from "@scangate/sales";
import { age, timeOfDay } from "./format.js";
import { useTill } from "./till-context.js";
import { useObservable, useOnline } from "./use-observable.js";

const STALE_AFTER_MS = 24 * 3_600_000;
const NO_RULES: RuleStoreStatus = { loaded: false, syncing: false, expired: false };
const NO_SALES: SalesOutboxStatus = { pending: 0, deadLetters: 0, uploading: false, offline: false };

export function StatusBar() {
  const { parts, t, locale } = useTill();
  const online = useOnline();
  const rules = useObservable(parts.rules.status$, NO_RULES);
  const sales = useObservable(parts.outbox.status$, NO_SALES);
  const progress = rules.progress;
  const percent =
    progress !== undefined && progress.totalBytes > 0
      ? Math.round((100 * progress.receivedBytes) / progress.totalBytes)
      : undefined;
  // Past the manifest's expiry, or a day without a successful sync (the default store policy's staleAfterMs).
  const stale = rules.expired || (rules.ageMs ?? 0) > STALE_AFTER_MS;
  return (
    <section class="status" aria-label={t("status.label")}>
      <span class={online ? "pill ok" : "pill off"} data-testid="network">
        {online ? t("status.online") : t("status.offline")}
      </span>
      <span class={stale ? "pill warn" : "pill"} data-testid="feed">
        {rules.version === undefined ? t("status.feedNone") : t("status.feedVersion", { version: rules.version })}
        {rules.ageMs !== undefined && ` · ${t("status.feedAge", { age: age(rules.ageMs, locale) })}`}
      </span>
      {stale && (
        <span class="pill warn" role="status">
          {t("status.feedStale")}
        </span>
      )}
      {rules.syncing && percent === undefined && <span class="pill">{t("status.syncing")}</span>}
      {percent !== undefined && (
        <span class="pill">
          <label>
            {t("status.progress", { percent })}{" "}
            <progress max={100} value={percent} aria-label={t("status.progress", { percent })} />
          </label>
        </span>
      )}
      {rules.lastError && online && (
        <span class="pill warn">{t("status.feedError", { code: rules.lastError.code })}</span>
      )}
      <span class={sales.pending > 0 ? "pill warn" : "pill"} data-testid="pending" aria-live="polite">
        {sales.pending > 0 ? t("status.pending", { count: sales.pending }) : t("status.pendingNone")}
        {sales.lastSuccessAtMs !== undefined &&
          ` · ${t("status.lastSync", { time: timeOfDay(sales.lastSuccessAtMs, locale, parts.config.timeZone) })}`}
      </span>
      {sales.deadLetters > 0 && <span class="pill off">{t("status.deadLetters", { count: sales.deadLetters })}</span>}
    </section>
  );
}
