// @scangate/checkout: scan-to-state — parse + evaluate against 1,000,000 indexed notices + basket update + state$
// emission — per scan, and the cost of one update (a quantity change) on a 200-line basket. Timed per call with
// performance.now() from the command to the state$ emission it causes; reported, never asserted.

import { createCheckout } from "../../packages/checkout/dist/index.js";
import { buildIndex, evaluate } from "../../packages/rules/dist/index.js";
import { benchNotices } from "./bench-notices.mjs";

const NOTICES = 1_000_000;
const PER_GTIN = 5;
const SCANS = 20_000;
const BASKET_LINES = 200;
const UPDATES = 5_000;
const NOW_MS = Date.parse("2026-11-29T02:00:00Z");

const { gtins, notices } = benchNotices(NOTICES, PER_GTIN);
const index = buildIndex(notices);
notices.length = 0;

// A catalogue of the first 2,000 notified GTINs, ¥1.00 … ¥20.99, in memory (the engine's lookup is async anyway).
const catalogue = new Map(
  gtins
    .slice(0, 2_000)
    .map((gtin, position) => [
      gtin,
      { gtin, name: `item ${position}`, priceMinor: 100 + (position % 2000), currency: "CNY", unit: "each" },
    ]),
);
const checkout = createCheckout({
  catalog: { lookup: async (gtin) => catalogue.get(gtin) },
  rules: { verdict: (data, context) => ({ ok: true, value: evaluate(data, { ...context, index }) }) },
  store: { gln: "6901234000016", name: "bench" },
  scheduler: { now: () => NOW_MS, schedule: () => ({ unsubscribe() {} }) },
});
let emissions = 0;
checkout.state$.subscribe(() => emissions++);

/** p50/p99/max of samples in ms, as µs strings. */
function summary(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return {
    "p50 µs": (at(0.5) * 1000).toFixed(1),
    "p99 µs": (at(0.99) * 1000).toFixed(1),
    "max µs": (sorted[sorted.length - 1] * 1000).toFixed(0),
    samples: samples.length,
  };
}

// Scans: distinct GTIN + batch each (a new line each time, gated allow or block), basket voided every 50 lines.
const scanSamples = [];
for (let scan = 0; scan < SCANS; scan++) {
  const gtin = gtins[scan % 2_000];
  const batch = scan % 7 === 0 ? `L${(scan % 2_000) * PER_GTIN}` : `X${scan}`; // every 7th is a recalled batch
  const text = `]d201${gtin}17271231\u001d10${batch}`;
  const before = emissions;
  const started = performance.now();
  const result = await checkout.scan(text);
  const elapsed = performance.now() - started;
  if (!result.ok) throw new Error(`scan refused: ${result.error.code}`);
  if (emissions === before) throw new Error("no state emitted");
  if (scan >= 1_000) scanSamples.push(elapsed); // after warm-up
  if (checkout.snapshot().lines.length >= 50) await checkout.voidBasket({ by: "bench", reasonCode: "BENCH" });
}
if (checkout.snapshot().lines.length > 0) await checkout.voidBasket({ by: "bench", reasonCode: "BENCH" });

// A 200-line basket: quantity changes on random lines.
for (let line = 0; line < BASKET_LINES; line++) await checkout.scan(`]d201${gtins[line]}17271231\u001d10Y${line}`);
const ids = checkout.snapshot().lines.map((line) => line.id);
const updateSamples = [];
for (let update = 0; update < UPDATES; update++) {
  const started = performance.now();
  await checkout.setQuantity(ids[(update * 7919) % ids.length], 1 + (update % 5));
  updateSamples.push(performance.now() - started);
}

console.log(
  `### checkout: scan to state, ${NOTICES.toLocaleString("en")} notices indexed (Node ${process.versions.node})`,
);
const scan = summary(scanSamples);
const update = summary(updateSamples);
console.table({
  "scan → state (parse + evaluate + basket + emit)": {
    ...scan,
    goal: "p99 ≤ 1000 µs",
    met: Number(scan["p99 µs"]) <= 1000 ? "✓" : "✗",
  },
  [`quantity change, ${BASKET_LINES}-line basket`]: {
    ...update,
    goal: "≤ 1000 µs",
    met: Number(update["p99 µs"]) <= 1000 ? "✓" : "✗",
  },
});
