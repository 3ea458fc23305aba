// The page of the rules-store benchmark (test/bench/rules-store.bench.mjs): bundled with esbuild from the BUILT
// packages and loaded in headless Chromium, it exposes `window.rulesStoreBench`, whose functions drive a real
// IndexedDB rule store and return timings taken with `performance.now()` inside the page.
import { parse } from "../../packages/gs1/dist/index.js";
import { createRuleStore, storeDate } from "../../packages/rules/dist/index.js";

/**
 * @typedef {{ keyId: string; publicKey: string }} TrustedKey
 * @typedef {{ feedUrl: string; keys: TrustedKey[]; dbName: string }} StoreConfig
 * @typedef {{ action?: string; noticeIds?: string[]; error?: string }} VerdictSummary
 */

/** @type {{ store: ReturnType<typeof createRuleStore>; subscription: { unsubscribe(): void } } | undefined} */
let open;

/** @param {StoreConfig} config */
function newStore(config) {
  // No background sync while the bench runs: the bench calls sync() itself.
  return createRuleStore({ ...config, syncIntervalMs: 3_600_000, retryLimit: 0, timeoutMs: 30_000 });
}

/**
 * The verdict for a scan, in short.
 * @param {ReturnType<typeof createRuleStore>} store
 * @param {string} scanText
 * @returns {VerdictSummary}
 */
function verdictOf(store, scanText) {
  const scan = parse(scanText, { today: storeDate(Date.now()) });
  if (!scan.ok) return { error: `scan: ${scan.error.code}` };
  const result = store.verdict(scan.value, { today: storeDate(Date.now()) });
  if (!result.ok) return { error: result.error.code };
  return {
    action: result.value.action,
    noticeIds: result.value.reasons.flatMap((reason) => ("noticeId" in reason ? [reason.noticeId] : [])),
  };
}

/** @param {unknown} result */
function errorOf(result) {
  const typed = /** @type {{ ok: boolean; error?: { code: string; message: string } }} */ (result);
  return typed.ok ? undefined : `${typed.error?.code}: ${typed.error?.message}`;
}

window.rulesStoreBench = {
  /**
   * An empty store downloads, verifies and stores the snapshot: from `createRuleStore` + subscribe to `sync()`
   * resolving. The store stays open (subscribed) for `delta`.
   * @param {StoreConfig & { checkScan: string }} config
   */
  async snapshot(config) {
    const started = performance.now();
    const store = newStore(config);
    const subscription = store.status$.subscribe(() => {});
    const result = await store.sync();
    const ms = performance.now() - started;
    open = { store, subscription };
    return {
      ms,
      error: errorOf(result),
      version: result.ok ? result.value.version : undefined,
      verdict: verdictOf(store, config.checkScan),
    };
  },

  /**
   * The open store syncs to the next version through its delta: from `sync()` to it resolving.
   * @param {{ checkScan: string }} config
   */
  async delta(config) {
    if (!open) throw new Error("snapshot() first");
    const { store } = open;
    const started = performance.now();
    const result = await store.sync();
    const ms = performance.now() - started;
    return {
      ms,
      error: errorOf(result),
      version: result.ok ? result.value.version : undefined,
      verdict: verdictOf(store, config.checkScan),
    };
  },

  /** Closes the open store (last unsubscribe closes IndexedDB). */
  close() {
    open?.subscription.unsubscribe();
    open = undefined;
  },

  /**
   * Cold start: a new store on the cached dbName, the feed unreachable; from `createRuleStore` + subscribe to the
   * first successful `verdict()` (tried at every status the store emits).
   * @param {StoreConfig & { checkScan: string; timeoutMs: number }} config
   */
  coldStart(config) {
    const scan = parse(config.checkScan, { today: storeDate(Date.now()) });
    if (!scan.ok) throw new Error(`scan: ${scan.error.code}`);
    const today = storeDate(Date.now());
    return new Promise((resolve) => {
      const started = performance.now();
      const store = newStore(config);
      /** @type {{ unsubscribe(): void } | undefined} */
      let subscription;
      let done = false;
      const finish = (/** @type {Record<string, unknown>} */ outcome) => {
        if (done) return;
        done = true;
        clearTimeout(timeout);
        queueMicrotask(() => subscription?.unsubscribe());
        resolve(outcome);
      };
      const timeout = setTimeout(() => finish({ error: "no verdict before the timeout" }), config.timeoutMs);
      subscription = store.status$.subscribe((status) => {
        if (done) return;
        const result = store.verdict(scan.value, { today });
        if (!result.ok) return;
        const ms = performance.now() - started;
        finish({ ms, version: status.version, action: result.value.action, lastError: status.lastError?.code });
      });
    });
  },
};
