// The till's frame: title, language switch, screen tabs, status bar, and the screen chosen. It subscribes the
// checkout's state (which also feeds it the scans) for as long as the page lives.
import type { CheckoutState } from "@scangate/checkout";
import { feedback } from "@scangate/scanner";
import { useEffect, useMemo, useState } from "preact/hooks";
import { filter, map } from "rxjs";
import { type Locale, translator } from "../messages/index.js";
import type { TillParts } from "../till/till-parts.js";
import { lazyScreen } from "./lazy-screen.js";
import { StatusBar } from "./StatusBar.js";
import { LOCALE_KEY } from "./storage-keys.js";
import { TillScreen } from "./TillScreen.js";
import { TillContext } from "./till-context.js";
import { useObservable } from "./use-observable.js";

const CatalogueScreen = lazyScreen(() => import("./CatalogueScreen.js").then((module) => module.CatalogueScreen));
const HistoryScreen = lazyScreen(() => import("./HistoryScreen.js").then((module) => module.HistoryScreen));
const ReceiptScreen = lazyScreen(() => import("./ReceiptScreen.js").then((module) => module.ReceiptScreen));
const SelfTestScreen = lazyScreen(() => import("./SelfTestScreen.js").then((module) => module.SelfTestScreen));
const SettingsScreen = lazyScreen(() => import("./SettingsScreen.js").then((module) => module.SettingsScreen));

/** The screens. */
export type Screen = "till" | "receipt" | "history" | "catalogue" | "settings" | "self-test";

const TABS: readonly { readonly screen: Screen; readonly key: Parameters<ReturnType<typeof translator>>[0] }[] = [
  { screen: "till", key: "nav.till" },
  { screen: "history", key: "nav.history" },
  { screen: "catalogue", key: "nav.catalogue" },
  { screen: "settings", key: "nav.settings" },
  { screen: "self-test", key: "nav.selfTest" },
];

export function App({ parts, initialLocale }: { parts: TillParts; initialLocale: Locale }) {
  const [locale, setLocale] = useState<Locale>(initialLocale);
  const [screen, setScreen] = useState<Screen>("till");
  const [quickAddGtin, setQuickAddGtin] = useState<string | undefined>(undefined);
  const t = useMemo(() => translator(locale), [locale]);
  const state = useObservable<CheckoutState>(parts.checkout.state$, parts.checkout.snapshot());
  const [receiptSaleId, setReceiptSaleId] = useState<string | undefined>(undefined);

  useEffect(() => {
    document.documentElement.lang = locale;
    document.title = t("app.title");
    localStorage.setItem(LOCALE_KEY, locale);
  }, [locale, t]);

  // A distinct sound and vibration: a beep for an item added, the two-tone alarm for a blocked one.
  useEffect(() => {
    const subscription = parts.checkout.events$
      .pipe(
        filter((event) => event.type === "line_added" || event.type === "line_regated"),
        map((event) => ("line" in event && event.line.gate === "block" ? "block" : "accept") as "block" | "accept"),
        feedback({
          audioContext: () => new AudioContext(),
          vibrate: (pattern) => (typeof navigator.vibrate === "function" ? navigator.vibrate(pattern) : false),
          gestureTarget: document,
        }),
      )
      .subscribe();
    return () => subscription.unsubscribe();
  }, [parts]);

  // A completed sale opens its receipt.
  useEffect(() => {
    const subscription = parts.checkout.events$.subscribe((event) => {
      if (event.type === "sale_completed") {
        setReceiptSaleId(event.sale.id);
        parts.scannerOwner.current = "till";
        setScreen("receipt");
      }
    });
    return () => subscription.unsubscribe();
  }, [parts]);

  // The self-test screen takes the scanner for itself, from the moment it is chosen (an effect would run after the
  // next paint, and a scan in between would land in the basket).
  const go = (next: Screen) => {
    parts.scannerOwner.current = next === "self-test" ? "self-test" : "till";
    setScreen(next);
  };

  const context = useMemo(() => ({ parts, locale, t, setLocale }), [parts, locale, t]);
  const openQuickAdd = (gtin: string) => {
    setQuickAddGtin(gtin);
    go("catalogue");
  };

  return (
    <TillContext.Provider value={context}>
      <header class="top">
        <h1>{t("app.title")}</h1>
        <span class="store">{parts.config.storeName}</span>
        <label class="language">
          <span class="visually-hidden">{t("language.label")}</span>
          <select
            aria-label={t("language.label")}
            value={locale}
            onChange={(event) => {
              setLocale(event.currentTarget.value === "en" ? "en" : "zh-CN");
              // A focused <select> keeps the scanner's keys from reaching the page's wedge in Chromium: give the
              // focus back to the page once the language is chosen.
              event.currentTarget.blur();
            }}
          >
            <option value="zh-CN">中文</option>
            <option value="en">English</option>
          </select>
        </label>
      </header>
      <nav aria-label={t("nav.label")} class="tabs">
        {TABS.map((tab) => (
          <button
            type="button"
            key={tab.screen}
            aria-current={screen === tab.screen || (screen === "receipt" && tab.screen === "till") ? "page" : undefined}
            onClick={() => go(tab.screen)}
          >
            {t(tab.key)}
          </button>
        ))}
      </nav>
      <StatusBar />
      <main>
        {screen === "till" && <TillScreen state={state} onQuickAdd={openQuickAdd} />}
        {screen === "receipt" && (
          <ReceiptScreen saleId={receiptSaleId ?? state.lastSale?.id} onDone={() => go("till")} />
        )}
        {screen === "history" && (
          <HistoryScreen
            onShow={(saleId) => {
              setReceiptSaleId(saleId);
              go("receipt");
            }}
          />
        )}
        {screen === "catalogue" && <CatalogueScreen initialGtin={quickAddGtin} />}
        {screen === "settings" && <SettingsScreen />}
        {screen === "self-test" && <SelfTestScreen />}
      </main>
    </TillContext.Provider>
  );
}
