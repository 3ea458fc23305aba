// @scangate/sales: record() in headless Chromium on real IndexedDB — sales (2 lines each) made durable per second,
// one call at a time (a single till's checkout) and with 16 calls in flight, with `strict` durability (the
// default: resolved after the disk flush) and `relaxed`. Goal: ≥ 2,000 sales/s durable. The uploader runs but the
// receiver answers 503 Retry-After: 3600, so only recording is measured. Reported, never asserted.
import { bundleTillPage, check, openTill, STORE_GLN, startTillOrigin } from "./sales-bench-support.mjs";

const SALES = 3_000;
const origin = await startTillOrigin(await bundleTillPage(), undefined);
const { browser, page } = await openTill(origin.url);
try {
  const rows = {};
  for (const durability of ["strict", "relaxed"]) {
    await page.evaluate((config) => window.salesBench.open(config), {
      endpoint: origin.url,
      token: "bench",
      storeGln: STORE_GLN,
      dbName: `sales-record-${durability}`,
      durability,
    });
    for (const concurrency of [1, 16, 64]) {
      const run = await page.evaluate(
        ([prefix, count, c]) => window.salesBench.record(prefix, count, 2, c),
        [`${durability}-${concurrency}`, SALES, concurrency],
      );
      const perSecond = (SALES / run.ms) * 1000;
      rows[`${durability}, ${concurrency} in flight`] = {
        "sales/s": Math.round(perSecond).toLocaleString("en"),
        "ms per sale": (run.ms / SALES).toFixed(3),
        goal: durability === "strict" ? "≥ 2,000 sales/s" : "—",
        met: durability === "strict" ? check(perSecond >= 2_000) : "",
        failures: run.failures,
      };
    }
  }
  console.log(
    `### record(), ${SALES.toLocaleString("en")} sales × 2 lines per row, headless Chromium ${browser.version()}`,
  );
  console.table(rows);
} finally {
  await browser.close();
  await origin.close();
}
