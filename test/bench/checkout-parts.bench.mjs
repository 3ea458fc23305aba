// @scangate/checkout parts: the catalogue (CSV import, lookup, type-ahead search over a stall-sized and a
// supermarket-sized catalogue), the sale journal (add, and the serial check the till runs on every serialised scan)
// and receipt rendering. Node with fake-indexeddb: real IndexedDB in Chromium differs, fake-indexeddb is usually
// slower. Timed per call with performance.now(); reported against a goal, never asserted.
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { createCatalog, createSaleJournal, receiptOf, receiptText } from "../../packages/checkout/dist/index.js";
import { gtin14 } from "./bench-notices.mjs";

const NAMES = ["五花肉", "燕麦奶", "酱油", "鸡蛋", "豆腐", "苹果", "Oat milk", "Soy sauce", "Tissues", "Rice"];

const gtinOf = (body) => gtin14(String(body).padStart(13, "0"));

function csvOf(count) {
  const rows = ["gtin,name,price,unit,keywords,name_en"];
  for (let i = 0; i < count; i += 1)
    rows.push(
      `${gtinOf(6_901_234_000_000 + i * 7)},${NAMES[i % NAMES.length]} ${i},${1 + Math.floor((i % 5000) / 100)}.${String(i % 100).padStart(2, "0")},each,kw${i},Item ${i}`,
    );
  return rows.join("\r\n");
}

function percentiles(samples) {
  const sorted = [...samples].sort((a, b) => a - b);
  const at = (q) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
  return { p50: at(0.5), p99: at(0.99) };
}

async function timeEach(count, run) {
  const samples = [];
  for (let i = 0; i < count; i += 1) {
    const started = performance.now();
    await run(i);
    samples.push(performance.now() - started);
  }
  return percentiles(samples);
}

const rows = {};
const report = (name, measuredMs, goalMs) => {
  rows[name] = {
    measured: `${measuredMs.toFixed(2)} ms`,
    goal: `< ${goalMs} ms`,
    met: measuredMs < goalMs ? "yes" : "NO",
  };
};

for (const size of [2_000, 20_000]) {
  const catalog = createCatalog({ dbName: `bench-catalog-${size}`, indexedDB, IDBKeyRange });
  const text = csvOf(size);
  const started = performance.now();
  const imported = await catalog.importCsv(text, { mode: "replace" });
  if (!imported.ok) throw new Error(imported.error.code);
  report(`importCsv ${size.toLocaleString("en")} rows`, performance.now() - started, size / 2);
  const gtins = text
    .split("\r\n")
    .slice(1, 201)
    .map((row) => row.slice(0, 14));
  const lookup = await timeEach(200, (i) => catalog.lookup(gtins[i]));
  report(`lookup p99, ${size.toLocaleString("en")} items`, lookup.p99, 5);
  const queries = ["五花", "milk", "4352", "kw12", "Item 1999"];
  // The first search after a write reads every row from IndexedDB; the next ones search the rows kept in memory.
  const cold = await timeEach(1, () => catalog.search("五花", { limit: 20 }));
  report(`search after a write, ${size.toLocaleString("en")} items`, cold.p50, 500);
  const search = await timeEach(200, (i) => catalog.search(queries[i % queries.length], { limit: 20 }));
  report(`search p50, ${size.toLocaleString("en")} items`, search.p50, 50);
  report(`search p99, ${size.toLocaleString("en")} items`, search.p99, 100);
}

const journal = createSaleJournal({ dbName: "bench-journal", indexedDB, IDBKeyRange, retentionDays: 3650 });
const baseLine = {
  id: "L1",
  gtin: "00000096385074",
  name: "Soy sauce",
  quantity: { kind: "count", units: 1 },
  unitPriceMinor: 990,
  amountMinor: 990,
  totalMinor: 990,
  checks: [],
  gate: "allow",
  digitalLink: "https://id.gs1.org/01/00000096385074",
};
const saleOf = (i) => ({
  id: `S-${i}`,
  soldAtMs: Date.UTC(2026, 0, 1) + i * 60_000,
  storeDate: "2026-01-01",
  timeZone: "Asia/Shanghai",
  storeGln: "6901234000004",
  storeName: "bench",
  cashier: "0012",
  lines: Array.from({ length: 5 }, (_, n) => ({ ...baseLine, id: `L${n + 1}`, serial: `SER-${i}-${n}` })),
  totals: { currency: "CNY", subtotalMinor: 4950, markdownMinor: 0, totalMinor: 4950, units: 5, taxes: [] },
  tenders: [{ kind: "cash", amountMinor: 4950, tenderedMinor: 5000, changeMinor: 50 }],
});
const SALES = 10_000;
const add = await timeEach(SALES, (i) => journal.add(saleOf(i)));
report(`journal add p99 (5 serials, up to ${SALES.toLocaleString("en")} sales)`, add.p99, 50);
const serial = await timeEach(500, (i) => journal.findSerial("00000096385074", `SER-${(i * 37) % SALES}-2`));
report(`findSerial p99, ${(SALES * 5).toLocaleString("en")} serials`, serial.p99, 10);
const history = await timeEach(100, () => journal.list({ limit: 50 }));
report("list newest 50 p99", history.p99, 50);

const sale = saleOf(1);
const text = await timeEach(2_000, () => receiptText(receiptOf(sale, { locale: "zh-CN" }), { width: 32 }));
report("receiptOf + receiptText p99 (5 lines)", text.p99, 5);

console.log("### @scangate/checkout parts (Node, fake-indexeddb)");
console.table(rows);
