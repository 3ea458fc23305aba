// Starts the till: registers the service worker, reads config.json (the network first, the cached copy offline),
// lays the owner's saved settings over it, fills the catalogue on first start, builds the parts and renders.

import { parseStorePolicy, type StorePolicy } from "@scangate/rules";
import { render } from "preact";
import { localeOf, translator } from "./messages/index.js";
import { parseTillConfig } from "./till/till-config.js";
import { createTillParts } from "./till/till-parts.js";
import { App } from "./ui/App.js";
import { LOCALE_KEY, SETTINGS_KEY } from "./ui/storage-keys.js";
import "./styles.css";

async function readJson(url: string): Promise<unknown> {
  try {
    const response = await fetch(url, { cache: "no-store" });
    return response.ok ? await response.json() : undefined;
  } catch {
    return undefined;
  }
}

function storedSettings(): unknown {
  try {
    return JSON.parse(localStorage.getItem(SETTINGS_KEY) ?? "null");
  } catch {
    return null;
  }
}

/**
 * The store policy (expiry grace, markdowns, staleness) the hub writes beside the feed as policy.json. The feed
 * format does not carry it, so it is not signed: the till keeps the last good copy for offline starts, and falls
 * back to the rules package's default policy when there is none.
 */
async function storePolicy(feedUrl: string): Promise<StorePolicy | undefined> {
  const key = `web-till-policy-${feedUrl}`;
  const fetched = await readJson(new URL("policy.json", feedUrl).href);
  if (fetched !== undefined && parseStorePolicy(fetched).ok) localStorage.setItem(key, JSON.stringify(fetched));
  let stored: unknown;
  try {
    stored = JSON.parse(localStorage.getItem(key) ?? "null");
  } catch {
    stored = null;
  }
  const policy = stored === null ? undefined : parseStorePolicy(stored);
  return policy?.ok ? policy.value : undefined;
}

async function start(root: HTMLElement): Promise<void> {
  if ("serviceWorker" in navigator) navigator.serviceWorker.register("/sw.js").catch(() => undefined);
  const locale = localeOf(localStorage.getItem(LOCALE_KEY));
  root.textContent = translator(locale)("app.loading");
  const config = parseTillConfig(await readJson("/config.json"), storedSettings());
  const fail = (detail: string) => {
    const message = document.createElement("p");
    message.setAttribute("role", "alert");
    message.className = "fatal";
    message.textContent = translator(locale)("app.configFailed", { detail });
    // The owner's own settings may be what broke it: offer to drop them and start from config.json again.
    const reset = document.createElement("button");
    reset.type = "button";
    reset.textContent = translator(locale)("app.resetSettings");
    reset.addEventListener("click", () => {
      localStorage.removeItem(SETTINGS_KEY);
      location.reload();
    });
    root.replaceChildren(message, reset);
  };
  if (!config.ok) return fail(`${config.error.code}: ${config.error.message}`);
  let parts: ReturnType<typeof createTillParts>;
  try {
    parts = createTillParts(config.value, window, await storePolicy(config.value.feedUrl));
  } catch (error) {
    // The packages throw a TypeError for a configuration they cannot run with (e.g. a GLN with a bad check digit).
    return fail(String((error as Error).message ?? error));
  }
  const catalogueKey = `web-till-catalogue-version-${config.value.storeGln}`;
  if (localStorage.getItem(catalogueKey) !== config.value.catalogueVersion) {
    const items = await readJson(config.value.catalogueUrl);
    if (items !== undefined) {
      const imported = await parts.catalog.importJson(JSON.stringify(items), { skipInvalid: true });
      if (imported.ok) localStorage.setItem(catalogueKey, config.value.catalogueVersion);
    }
  }
  // After a crash or a reload: drive the payments left running to an end (recover), then bring back the basket the
  // journal kept (resume: a customer who paid gets the sale), before the cashier can scan the next customer. Offline,
  // a wallet payment may not resolve soon: resume follows it through the bridge after 10 s of waiting.
  await Promise.race([parts.bridge.recover(), new Promise((resolve) => setTimeout(resolve, 10_000))]);
  await parts.checkout.resume();
  // Scans must not be gated before the rule store has read its cached rules (a scan in that moment would only get
  // "no rules loaded"): keep the store open for the page's life and render once it has loaded (or after 5 s).
  await new Promise<void>((resolve) => {
    const timer = setTimeout(resolve, 5_000);
    parts.rules.status$.subscribe((status) => {
      if (status.loaded) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
  root.innerHTML = "";
  render(<App parts={parts} initialLocale={locale} />, root);
}

const root = document.getElementById("app");
if (root) void start(root);
