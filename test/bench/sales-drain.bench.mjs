// @scangate/sales: draining the outbox to the real hub (built @scangate/hub, SQLite) over loopback, in Node on
// fake-indexeddb (the outbox's Node storage in tests; see packages/sales/docs/node.md). 10,000 sales × 2 lines are
// recorded while nothing uploads, then one flush() sends all 20,000 events — batches of 100 or 500 (default), 1 to 4 in flight (default 2);
// the hub's producer view then confirms it holds each event once. Goal: ≥ 10,000 events/s. Reported, never asserted.
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { createSalesOutbox } from "../../packages/sales/dist/index.js";
import { check, STORE_GLN, startBenchHub } from "./sales-bench-support.mjs";

const SALES = 10_000;
const GTINS = ["09521234543213", "09521234000013", "09521234000020", "09521234000037"];
const hub = await startBenchHub();
try {
  const rows = {};
  let held = 0;
  for (const [batchSize, concurrency] of [
    [100, 1],
    [100, 2],
    [100, 4],
    [500, 2],
  ]) {
    const outbox = createSalesOutbox({
      dbName: `sales-drain-${batchSize}-${concurrency}`,
      endpoint: hub.url,
      token: hub.storeToken,
      storeGln: STORE_GLN,
      indexedDB,
      IDBKeyRange,
      acceptVolatileStorage: true,
      batchSize,
      concurrency,
    });
    const recordStarted = performance.now();
    for (let start = 0; start < SALES; start += 100)
      await Promise.all(
        Array.from({ length: 100 }, (_, k) =>
          outbox.record({
            id: `drain-${batchSize}-${concurrency}-${start + k}`,
            lines: [
              { gtin: GTINS[(start + k) % 4], batch: "B1", quantity: 1 },
              { gtin: GTINS[(start + k + 1) % 4], batch: "B2", quantity: 2 },
            ],
          }),
        ),
      );
    const recordMs = performance.now() - recordStarted;
    const started = performance.now();
    const flushed = await outbox.flush();
    const ms = performance.now() - started;
    if (!flushed.ok) throw new Error(`flush: ${flushed.error.code} ${flushed.error.message}`);
    const perSecond = (flushed.value.delivered / ms) * 1000;
    held = await hub.heldEvents();
    rows[
      `batches of ${batchSize}, ${concurrency} in flight${concurrency === 2 && batchSize === 500 ? " (defaults)" : ""}`
    ] = {
      "events/s": Math.round(perSecond).toLocaleString("en"),
      goal: "≥ 10,000 events/s",
      met: check(perSecond >= 10_000),
      delivered: flushed.value.delivered,
      "hub holds": held,
      "record (setup) ms": recordMs.toFixed(0),
    };
  }
  console.log(
    `### drain to the real hub over loopback, ${SALES.toLocaleString("en")} sales × 2 lines per run (Node, fake-indexeddb)`,
  );
  console.table(rows);
} finally {
  await hub.close();
}
