// @scangate/hub producer aggregation over 10,000,000 stored sale lines (SQLite). The lines are generated directly in
// the hub's database (as 10 million captures would have left them: sale_lines plus the per-(GTIN, batch, day, store)
// totals the capture transaction maintains), then the built hub answers GET /producer/sales over real HTTP.
// Shape: 10 producers × 20 GTINs × 3 batches, 30 stores, 60 days → 1.08 M daily totals, ~9 lines each.
// Goal: ≤ 1 s. Also shown: the same answer computed from the raw lines without the totals table. Reported, never
// asserted. Run `pnpm --filter @scangate/hub build` first. The temporary data folder (~1.5 GB) is deleted at the end.
import { mkdtempSync, rmSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { gtinCheckDigit } from "../../packages/gs1/dist/index.js";
import { startHub } from "../../packages/hub/dist/index.js";

const LINES = 10_000_000;
const PRODUCERS = 10;
const GTINS_PER_PRODUCER = 20;
const BATCHES = 3;
const STORES = 30;
const DAYS = 60;
const GOAL_MS = 1_000;
const ADMIN = "bench-admin-token-0123456789";

const require = createRequire(new URL("../../packages/hub/package.json", import.meta.url));
const Database = require("better-sqlite3");
const dataDir = mkdtempSync(join(tmpdir(), "scangate-hub-sales-bench-"));

/** @param {string} payload 7, 11, 12 or 13 digits */
const withCheckDigit = (payload) => `${payload}${gtinCheckDigit(payload)}`;
const prefixOf = (producer) => `69012${String(producer).padStart(2, "0")}`;
const gtins = Array.from({ length: PRODUCERS * GTINS_PER_PRODUCER }, (_, index) =>
  withCheckDigit(
    `0${prefixOf(Math.floor(index / GTINS_PER_PRODUCER))}${String(index % GTINS_PER_PRODUCER).padStart(5, "0")}`,
  ),
);
const stores = Array.from({ length: STORES }, (_, index) =>
  withCheckDigit(`69200000${String(index).padStart(4, "0")}`),
);

async function request(hub, path, token, body) {
  const response = await fetch(new URL(path, hub.url), {
    method: body === undefined ? "GET" : "POST",
    headers: {
      authorization: `Bearer ${token}`,
      ...(body === undefined ? {} : { "content-type": "application/json" }),
    },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, json: await response.json() };
}

// 1. The hub creates its schema; register the first producer.
let hub = await startHub({ dataDir, port: 0, logger: false, adminToken: ADMIN });
const producer = await request(hub, "admin/producers", ADMIN, { name: "bench", companyPrefixes: [prefixOf(0)] });
await hub.close();

// 2. 10 M lines and their daily totals, written straight into hub.sqlite.
const loadStarted = performance.now();
const db = new Database(join(dataDir, "hub.sqlite"));
db.pragma("synchronous = OFF");
db.pragma("cache_size = -262144");
db.exec(
  "CREATE TEMP TABLE g (i INTEGER PRIMARY KEY, gtin TEXT); CREATE TEMP TABLE s (i INTEGER PRIMARY KEY, gln TEXT);",
);
const insertGtin = db.prepare("INSERT INTO g VALUES (?, ?)");
const insertStore = db.prepare("INSERT INTO s VALUES (?, ?)");
db.transaction(() => {
  for (const [index, gtin] of gtins.entries()) insertGtin.run(index, gtin);
  for (const [index, gln] of stores.entries()) insertStore.run(index, gln);
})();
const keysPerDay = gtins.length * BATCHES * STORES;
db.exec(`
  WITH RECURSIVE n(x) AS (SELECT 0 UNION ALL SELECT x + 1 FROM n WHERE x < ${LINES - 1})
  INSERT INTO sale_lines (event_id, gtin, batch, day, store_gln, quantity, uom)
  SELECT 'urn:uuid:bench-' || x, g.gtin, 'B' || ((x / ${gtins.length}) % ${BATCHES}),
         date('2027-01-01', '+' || ((x / ${keysPerDay}) % ${DAYS}) || ' days'), s.gln, 1 + x % 3, ''
  FROM n JOIN g ON g.i = x % ${gtins.length} JOIN s ON s.i = (x / ${gtins.length * BATCHES}) % ${STORES};
  INSERT INTO sales_daily (gtin, batch, day, store_gln, uom, quantity, events)
  SELECT gtin, batch, day, store_gln, uom, sum(quantity), count(*) FROM sale_lines
  GROUP BY gtin, batch, day, store_gln, uom;
`);
const totals = db.prepare("SELECT count(*) AS n FROM sales_daily").get().n;
const lines = db.prepare("SELECT count(*) AS n FROM sale_lines").get().n;
const loadMs = performance.now() - loadStarted;

// Without the totals table: the same full answer straight from the lines (one producer's GTIN range).
const rawStarted = performance.now();
const low = `0${prefixOf(0)}`.padEnd(14, "0");
const high = `0${prefixOf(0)}`.padEnd(14, "9");
const rawRows = db
  .prepare(
    "SELECT gtin, batch, day, store_gln, uom, sum(quantity), count(*) FROM sale_lines WHERE gtin BETWEEN ? AND ? GROUP BY gtin, batch, day, store_gln, uom",
  )
  .all(low, high).length;
const rawMs = performance.now() - rawStarted;
db.pragma("wal_checkpoint(TRUNCATE)");
db.close();

// 3. The built hub answers over HTTP.
hub = await startHub({ dataDir, port: 0, logger: false, adminToken: ADMIN });
const token = producer.json.token;
const queries = [
  ["one GTIN, one month (the web page's usual view)", `producer/sales?gtin=${gtins[3]}&from=2027-01-01&to=2027-01-31`],
  ["one batch, all days and stores", `producer/sales?gtin=${gtins[3]}&batch=B1`],
  ["everything, first 10,000 rows (default limit)", "producer/sales"],
  ["everything the producer sold (108,000 rows)", "producer/sales?limit=200000"],
];
const results = {};
for (const [name, path] of queries) {
  const timings = [];
  let rows = 0;
  for (let run = 0; run < 5; run++) {
    const started = performance.now();
    const reply = await request(hub, path, token);
    timings.push(performance.now() - started);
    rows = reply.json.rows.length;
  }
  timings.sort((a, b) => a - b);
  const median = timings[2];
  results[name] = {
    rows,
    "median ms": median.toFixed(1),
    "max ms": timings[4].toFixed(1),
    goal: `≤ ${GOAL_MS} ms`,
    met: timings[4] <= GOAL_MS ? "yes" : "NO",
  };
}
await hub.close();
rmSync(dataDir, { recursive: true, force: true });

console.log(
  `### Producer sales over ${lines.toLocaleString("en")} stored sale lines (${totals.toLocaleString("en")} daily totals), SQLite, HTTP on loopback`,
);
console.table(results);
console.log(
  `Without the totals table, the producer's full answer from the raw lines takes ${Math.round(rawMs)} ms (${rawRows.toLocaleString("en")} rows). Generating the data took ${(loadMs / 1000).toFixed(1)} s.`,
);
