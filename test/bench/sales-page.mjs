// The till page of the @scangate/sales benchmarks, bundled with esbuild from the BUILT package and loaded in
// headless Chromium: `window.salesBench` records sales into real IndexedDB and reports timings taken with
// performance.now() inside the page.
import { createSalesOutbox } from "../../packages/sales/dist/index.js";

const GTINS = ["09521234543213", "09521234000013", "09521234000020", "09521234000037"];

/** @type {ReturnType<typeof createSalesOutbox> | undefined} */
let outbox;
/** @type {import("../../packages/sales/dist/index.js").SalesOutboxStatus | undefined} */
let latest;

/**
 * Sale `index` with `lines` lines.
 * @param {string} prefix
 * @param {number} index
 * @param {number} lines
 */
function sale(prefix, index, lines) {
  return {
    id: `${prefix}-${index}`,
    lines: Array.from({ length: lines }, (_, line) => ({
      gtin: GTINS[(index + line) % 4],
      batch: `B${line}`,
      quantity: 1,
    })),
  };
}

window.salesBench = {
  /** @param {{ endpoint: string; token: string; storeGln: string; dbName: string; durability: "strict" | "relaxed" }} config */
  open(config) {
    outbox = createSalesOutbox({ ...config, onlineEvents: window, timeoutMs: 10_000 });
    outbox.status$.subscribe((status) => {
      latest = status;
    });
  },
  /**
   * Records `count` sales of `lines` lines, `concurrency` record() calls in flight at a time; ms taken.
   * @param {string} prefix
   * @param {number} count
   * @param {number} lines
   * @param {number} concurrency
   */
  async record(prefix, count, lines, concurrency) {
    if (!outbox) throw new Error("open() first");
    const started = performance.now();
    let failures = 0;
    for (let start = 0; start < count; start += concurrency) {
      const results = await Promise.all(
        Array.from({ length: Math.min(concurrency, count - start) }, (_, k) =>
          outbox?.record(sale(prefix, start + k, lines)),
        ),
      );
      failures += results.filter((result) => !result?.ok).length;
    }
    return { ms: performance.now() - started, failures };
  },
  status: () => latest,
};
