// @scangate/sales: outbox memory while 100,000 events are pending, in headless Chromium on real IndexedDB. The till
// records 10,000 sales × 10 lines while its receiver answers 503 Retry-After: 3600; then the receiver becomes the
// real hub (relayed by the page's origin), an `online` event wakes the uploader, and it drains everything. The JS
// heap (after a forced GC, CDP Runtime.getHeapUsage) is read before the outbox opens, with 100,000 pending, and
// every second while draining. Goal: flat — the uploader pages through pending events (batch + in-flight pages),
// never loading them all. Also reports the drain rate over real IndexedDB. Reported, never asserted.
import { bundleTillPage, check, openTill, STORE_GLN, startBenchHub, startTillOrigin } from "./sales-bench-support.mjs";

const SALES = 10_000;
const LINES = 10;
const EVENTS = SALES * LINES;
const MB = 1_048_576;

const hub = await startBenchHub();
const origin = await startTillOrigin(await bundleTillPage(), undefined);
const { browser, page } = await openTill(origin.url);
try {
  const cdp = await page.context().newCDPSession(page);
  const heapMb = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    const { usedSize } = await cdp.send("Runtime.getHeapUsage");
    return usedSize / MB;
  };
  const before = await heapMb();
  await page.evaluate((config) => window.salesBench.open(config), {
    endpoint: origin.url,
    token: hub.storeToken,
    storeGln: STORE_GLN,
    dbName: "sales-memory",
    durability: "relaxed",
  });
  const recorded = await page.evaluate(
    ([count, lines]) => window.salesBench.record("memory", count, lines, 64),
    [SALES, LINES],
  );
  await page.waitForFunction((events) => window.salesBench.status()?.pending === events, EVENTS);
  const pendingHeap = await heapMb();

  origin.relayTo(hub.url);
  const started = performance.now();
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
  const samples = [];
  for (;;) {
    const pending = await page.evaluate(() => window.salesBench.status()?.pending ?? -1);
    if (pending === 0) break;
    samples.push({ pending, heap: await heapMb() });
    if (performance.now() - started > 120_000) throw new Error(`drain stalled at ${pending} pending`);
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  const drainMs = performance.now() - started;
  const after = await heapMb();
  const held = await hub.heldEvents();
  const peak = Math.max(pendingHeap, ...samples.map((sample) => sample.heap));

  console.log(
    `### outbox memory, ${EVENTS.toLocaleString("en")} events pending, headless Chromium ${browser.version()}`,
  );
  console.table({
    "JS heap, outbox not open": { MB: before.toFixed(1), note: "" },
    [`JS heap, ${EVENTS.toLocaleString("en")} pending`]: {
      MB: pendingHeap.toFixed(1),
      note: `recorded in ${(recorded.ms / 1000).toFixed(1)} s (${Math.round(SALES / (recorded.ms / 1000))} sales/s, relaxed, 64 in flight)`,
    },
    "JS heap, peak while draining": {
      MB: peak.toFixed(1),
      note: samples
        .filter((_, index) => index % 5 === 0)
        .map((sample) => `${sample.pending}: ${sample.heap.toFixed(1)}`)
        .join(", "),
    },
    "JS heap, drained": { MB: after.toFixed(1), note: `hub holds ${held.toLocaleString("en")} events` },
  });
  const growth = peak - before;
  console.table({
    "heap growth with 100,000 pending": {
      measured: `${growth.toFixed(1)} MB`,
      goal: "flat (≪ the ~60 MB the events would take in memory)",
      met: check(growth < 10),
    },
    "drain rate over real IndexedDB (via the page's origin)": {
      measured: `${Math.round((EVENTS / drainMs) * 1000).toLocaleString("en")} events/s`,
      goal: "≥ 10,000 events/s",
      met: check((EVENTS / drainMs) * 1000 >= 10_000),
    },
  });
} finally {
  await browser.close();
  await origin.close();
  await hub.close();
}
