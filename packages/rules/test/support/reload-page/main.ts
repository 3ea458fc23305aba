// The page of store-reload.e2e.test.ts, bundled from source and driven by playwright-core: it runs a rule store on
// the page's real IndexedDB and reports what the store serves.
import { parse } from "@scangate/gs1";
import type { TrustedKey } from "../../../src/feed/manifest-schema.js";
import { createRuleStore, type RuleStore, type RuleStoreStatus } from "../../../src/store/create-rule-store.js";

/** Where the store syncs from and which cache it opens. */
export interface PageStoreConfig {
  readonly feedUrl: string;
  readonly key: TrustedKey;
  readonly dbName: string;
}

/** What a store serves: its status fields and the action for each scan asked about. */
export interface ServedRules {
  readonly version: number | undefined;
  readonly lastError: string | undefined;
  readonly actions: readonly string[];
}

declare global {
  interface Window {
    ruleStorePage: {
      /** Syncs and resolves with the result; the page may be reloaded before it does. */
      sync(config: PageStoreConfig): Promise<{ ok: boolean; version?: number | undefined; error?: string; ms: number }>;
      /** Opens the store, waits until it has loaded the cache and tried the feed, and reports what it serves. */
      served(config: PageStoreConfig, scans: readonly string[]): Promise<ServedRules>;
    };
  }
}

function openStore(config: PageStoreConfig): RuleStore {
  return createRuleStore({ feedUrl: config.feedUrl, keys: [config.key], dbName: config.dbName, retryLimit: 0 });
}

function actionOf(store: RuleStore, hri: string): string {
  const data = parse(hri);
  if (!data.ok) return `scan ${data.error.code}`;
  const verdict = store.verdict(data.value, { today: "2026-11-29" });
  return verdict.ok ? verdict.value.action : verdict.error.code;
}

window.ruleStorePage = {
  async sync(config) {
    const started = performance.now();
    const result = await openStore(config).sync();
    const ms = performance.now() - started;
    return result.ok ? { ok: true, version: result.value.version, ms } : { ok: false, error: result.error.code, ms };
  },
  served(config, scans) {
    const store = openStore(config);
    return new Promise((resolve) => {
      const subscription = store.status$.subscribe((status: RuleStoreStatus) => {
        if (!status.loaded || status.syncing || (status.version === undefined && status.lastError === undefined))
          return;
        const served = {
          version: status.version,
          lastError: status.lastError?.code,
          actions: scans.map((scan) => actionOf(store, scan)),
        };
        queueMicrotask(() => subscription.unsubscribe());
        resolve(served);
      });
    });
  },
};
