// @scangate/payments: what the payment bridge adds to a wallet payment. The same gateway simulator on 127.0.0.1
// answers both; "raw" is one signed httpGateway.pay round trip, "bridge" is start() → PAID through
// createPaymentBridge (attempt stored in IndexedDB before the request, SUBMITTING stored, PAID stored; Dexie on
// fake-indexeddb in Node). Issue #8 sets no speed goal; the goal below (≤ 10 ms median overhead per attempt) is this
// bench's own, so a till's "paid" screen is never noticeably slower than the gateway. Reported, never asserted.
// Runs on the built package (`pnpm --filter @scangate/payments build` first).
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { lastValueFrom } from "rxjs";
import { createPaymentBridge, httpGateway } from "../../packages/payments/dist/index.js";
import { startGatewaySimulator } from "../../packages/payments/dist/simulator.js";

const RUNS = 300;
const WARMUP = 30;

let serial = 0;
/** A fresh WeChat-style code that pays at once (does not end in 9). */
const freshCode = () => `13${String(++serial).padStart(12, "0")}1230`;
/** @param {number[]} values @param {number} q */
const quantile = (values, q) =>
  [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(q * values.length))];
const amount = { amountMinor: 1280, currency: "CNY" };

const sim = await startGatewaySimulator({ seed: 1 });
try {
  const gateway = httpGateway({ baseUrl: sim.url, merchantId: sim.merchantId, secret: sim.secret, timeoutMs: 5_000 });
  const bridge = createPaymentBridge({
    providers: [gateway],
    dbName: "payments-bench",
    indexedDB,
    IDBKeyRange,
    pollIntervalMs: 50,
  });

  const raw = [];
  const bridged = [];
  for (let run = 0; run < WARMUP + RUNS; run++) {
    let started = performance.now();
    const paid = await gateway.pay({ outTradeNo: `RAW_${run}`, amount, authCode: freshCode(), subject: "bench" });
    if (!paid.ok) throw new Error(`raw pay: ${paid.error.code}`);
    if (run >= WARMUP) raw.push(performance.now() - started);

    started = performance.now();
    const last = await lastValueFrom(
      bridge.start({ saleId: `sale-${run}`, saleTotal: amount, amount, providerId: "gateway", authCode: freshCode() }),
    );
    if (!last.ok || last.value.state !== "PAID") throw new Error(`bridge: ${JSON.stringify(last)}`);
    if (run >= WARMUP) bridged.push(performance.now() - started);
  }
  await bridge.close();

  const overhead = quantile(bridged, 0.5) - quantile(raw, 0.5);
  const ms = (/** @type {number} */ value) => `${value.toFixed(2)} ms`;
  console.log(`### Payment bridge overhead per attempt (${RUNS} runs each, Node ${process.version}, fake-indexeddb)`);
  console.table({
    "raw httpGateway.pay": { median: ms(quantile(raw, 0.5)), p95: ms(quantile(raw, 0.95)), goal: "—", met: "" },
    "bridge start() → PAID": {
      median: ms(quantile(bridged, 0.5)),
      p95: ms(quantile(bridged, 0.95)),
      goal: "—",
      met: "",
    },
    "overhead (median difference)": { median: ms(overhead), p95: "", goal: "≤ 10 ms", met: overhead <= 10 ? "✓" : "✗" },
  });
  console.log(`(gateway ledger: ${sim.ledger().charges.length} charges for ${2 * (WARMUP + RUNS)} payments)`);
} finally {
  await sim.close();
}
