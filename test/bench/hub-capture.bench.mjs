// @scangate/hub sustained capture on SQLite: the built `scangate-hub start` runs in its own process (as in
// production; the clients must not share its event loop), and 20 concurrent clients on loopback POST EPCIS 2.0
// documents of 100 sale events each, with keep-alive, for a fixed time. Each 202 means the 100 events were
// committed (WAL, synchronous=FULL) before the answer. Reports events/s and per-request latency p50/p99.
// Goal: ≥ 20,000 events/s. Reported, never asserted. Run `pnpm --filter @scangate/hub build` first.
import { spawn } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gtinCheckDigit } from "../../packages/gs1/dist/index.js";

const CLIENTS = 20;
const EVENTS_PER_DOCUMENT = 100;
const WARMUP_MS = 2_000;
const MEASURE_MS = 15_000;
const GOAL_EVENTS_PER_SECOND = 20_000;
const ADMIN = "bench-admin-token-0123456789";

const bin = fileURLToPath(new URL("../../packages/hub/bin/scangate-hub.mjs", import.meta.url));
const dataDir = mkdtempSync(join(tmpdir(), "scangate-hub-capture-bench-"));

/** @param {string} payload 7, 11, 12 or 13 digits */
const withCheckDigit = (payload) => `${payload}${gtinCheckDigit(payload)}`;

const STORE = withCheckDigit("690123400001");
const GTINS = Array.from({ length: 40 }, (_, index) => withCheckDigit(`069012340${String(index).padStart(4, "0")}`));

const child = spawn(process.execPath, [bin, "start", "--data", dataDir, "--port", "0", "--admin-token", ADMIN], {
  stdio: ["ignore", "pipe", "inherit"],
});
const url = await new Promise((resolve, reject) => {
  let output = "";
  const onData = (chunk) => {
    output += chunk;
    const match = /listening on (http:\/\/\S+\/)/.exec(output);
    if (!match) return;
    // From here on the hub's request logs are drained unread, as a log shipper would.
    child.stdout.off("data", onData);
    child.stdout.resume();
    resolve(match[1]);
  };
  child.stdout.on("data", onData);
  child.once("exit", () => reject(new Error(`hub exited:\n${output}`)));
});

async function post(path, token, body) {
  const response = await fetch(new URL(path, url), {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/ld+json" },
    body,
  });
  const text = await response.text();
  return { status: response.status, text };
}

const store = JSON.parse((await post("admin/stores", ADMIN, JSON.stringify({ gln: STORE, name: "bench" }))).text).token;

let sequence = 0;
/** A capture document of 100 distinct sales (unique eventIDs), as a till's outbox would send it. */
function documentBody() {
  const events = [];
  for (let index = 0; index < EVENTS_PER_DOCUMENT; index++) {
    const n = sequence++;
    const gtin = GTINS[n % GTINS.length];
    events.push({
      type: "ObjectEvent",
      eventID: `urn:uuid:00000000-0000-4000-8000-${String(n).padStart(12, "0")}`,
      eventTime: new Date(Date.UTC(2027, 2, 1) + (n % 30) * 86_400_000 + (n % 86_400) * 1000).toISOString(),
      eventTimeZoneOffset: "+08:00",
      action: "OBSERVE",
      bizStep: "retail_selling",
      disposition: "retail_sold",
      readPoint: { id: `https://id.gs1.org/414/${STORE}/254/1` },
      bizLocation: { id: `https://id.gs1.org/414/${STORE}` },
      quantityList: [{ epcClass: `https://id.gs1.org/01/${gtin}/10/B${n % 12}`, quantity: 1 + (n % 3) }],
    });
  }
  return JSON.stringify({
    "@context": ["https://ref.gs1.org/standards/epcis/epcis-context.jsonld"],
    type: "EPCISDocument",
    schemaVersion: "2.0",
    creationDate: "2027-03-15T01:41:09.120Z",
    epcisBody: { eventList: events },
  });
}

const latenciesMs = [];
let acknowledgedEvents = 0;
let failures = 0;
let measuring = false;
let stopAt = performance.now() + WARMUP_MS + MEASURE_MS;
const measureFrom = performance.now() + WARMUP_MS;

async function client() {
  while (performance.now() < stopAt) {
    const body = documentBody();
    const started = performance.now();
    const reply = await post("capture", store, body);
    const elapsed = performance.now() - started;
    if (reply.status !== 202) {
      failures++;
      continue;
    }
    if (started >= measureFrom) {
      measuring = true;
      latenciesMs.push(elapsed);
      acknowledgedEvents += EVENTS_PER_DOCUMENT;
    }
  }
}

const clients = Array.from({ length: CLIENTS }, client);
await new Promise((resolve) => setTimeout(resolve, WARMUP_MS));
const windowStart = performance.now();
await Promise.all(clients);
const windowMs = performance.now() - windowStart;
stopAt = 0;

child.kill("SIGTERM");
await new Promise((resolve) => child.once("exit", resolve));
rmSync(dataDir, { recursive: true, force: true });

latenciesMs.sort((a, b) => a - b);
const percentile = (p) =>
  latenciesMs[Math.min(latenciesMs.length - 1, Math.floor((p / 100) * latenciesMs.length))] ?? Number.NaN;
const eventsPerSecond = Math.round(acknowledgedEvents / (windowMs / 1000));
console.log("### Sustained EPCIS capture into SQLite (20 clients, 100 events per document, loopback)");
console.table({
  "events/s": {
    measured: eventsPerSecond.toLocaleString("en"),
    goal: `≥ ${GOAL_EVENTS_PER_SECOND.toLocaleString("en")}`,
    met: eventsPerSecond >= GOAL_EVENTS_PER_SECOND ? "yes" : "NO",
  },
  "latency p50 (ms)": { measured: percentile(50).toFixed(1), goal: "—", met: "—" },
  "latency p99 (ms)": { measured: percentile(99).toFixed(1), goal: "reported", met: "—" },
  "documents acknowledged": { measured: latenciesMs.length, goal: "—", met: "—" },
  "refused or failed": { measured: failures, goal: "0", met: failures === 0 ? "yes" : "NO" },
});
if (!measuring) console.log("(no request finished inside the measuring window)");
