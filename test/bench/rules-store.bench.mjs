// @scangate/rules' IndexedDB rule store (createRuleStore) in real headless Chromium, with a 100,000-notice signed
// feed published here by the real publisher and served from 127.0.0.1:
//   - snapshot: an empty store downloads, verifies and stores 100,000 notices (goal ≤ 10 s);
//   - delta: the store syncs a version that changes 1,000 notices (goal ≤ 300 ms);
//   - compaction: then a version changing 10,000 more, past the overlay limit, so the chunks are rewritten;
//   - cold start: after a reload, a new store on the same dbName with the feed server down, from createRuleStore +
//     subscribe to the first successful verdict() (goal ≤ 1 s);
//   - feed bytes per notice: the snapshot file gzipped (node:zlib) / notices.
// Reported, never asserted. Runs on the built packages (`pnpm run build` first); the page
// (test/bench/rules-store-page.mjs) is bundled with esbuild. Temporary folders (feed, page, Chromium profile) are
// deleted at the end.
import { createHash } from "node:crypto";
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { readFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";
import { chromium } from "playwright-core";
import { generateFeedKeyPair, publishFeed } from "../../packages/rules/dist/feed-publisher.js";
import { gtin14 } from "./bench-notices.mjs";

const NOTICES = 100_000;
const CHANGED = 1_000;
const COMPACTION_CHANGED = 10_000;
const COLD_STARTS = 3;
const DB_NAME = "scangate-rules-bench";
const HOUR_MS = 3_600_000;

/** The flags the tests launch Chromium with (test/support/chromium-flags.json). */
const CHROMIUM_ARGS = JSON.parse(readFileSync(new URL("../support/chromium-flags.json", import.meta.url), "utf8"));
const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

const benchDir = fileURLToPath(new URL(".", import.meta.url));
const workDir = mkdtempSync(join(tmpdir(), "scangate-rules-store-bench-"));
const startedAt = performance.now();

/** @param {number} index */
const gtinOf = (index) => gtin14(`0952${String(index).padStart(9, "0")}`);
/** @param {number} index */
const batchOf = (index) => `L${index}`;

/**
 * One batch recall per GTIN; a changed notice is closed (no longer blocks), in a later version.
 * @param {number} index
 * @param {boolean} changed
 */
function notice(index, changed) {
  return {
    id: `bench:${String(index).padStart(6, "0")}`,
    version: changed ? 3 : 1,
    kind: "recall",
    status: changed ? "closed" : "active",
    source: { authority: "PRODUCER" },
    severity: { scheme: "LOCAL", level: "1", normalized: "high" },
    reasons: [{ text: { en: "Listeria found in this batch" } }],
    effective: { from: "2026-01-01" },
    action: { atTill: "block", ifAttributeUnknown: "warn" },
    products: [{ gtin: gtinOf(index), batches: [batchOf(index)] }],
  };
}

/** @param {number} index */
const scanOf = (index) => `(01)${gtinOf(index)}(10)${batchOf(index)}(17)301231`;

/**
 * A static server of one flat folder on 127.0.0.1 (`/` is index.html), with strong ETags, If-None-Match → 304 and
 * CORS (the page and the feed have servers, so origins, of their own: the feed can go down while the page's origin,
 * and so its IndexedDB, stays).
 * @param {string | undefined} folder the folder to serve; `serve()` changes it
 */
async function startServer(folder) {
  let root = folder;
  const sockets = new Set();
  const cors = {
    "access-control-allow-origin": "*",
    "access-control-allow-headers": "if-none-match",
    "access-control-expose-headers": "etag",
  };
  const server = createServer(async (request, response) => {
    if (request.method === "OPTIONS") return void response.writeHead(204, cors).end();
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const name = path === "/" ? "index.html" : path.slice(1);
    if (root === undefined || name.includes("/") || name.includes(".."))
      return void response.writeHead(404, cors).end();
    let bytes;
    try {
      bytes = await readFile(join(root, name));
    } catch {
      return void response.writeHead(404, cors).end();
    }
    const etag = `"${createHash("sha256").update(bytes).digest("hex").slice(0, 32)}"`;
    if (request.headers["if-none-match"] === etag) return void response.writeHead(304, { ...cors, etag }).end();
    const type = name.endsWith(".html")
      ? "text/html; charset=utf-8"
      : name.endsWith(".js")
        ? "text/javascript; charset=utf-8"
        : "application/json";
    response.writeHead(200, { ...cors, etag, "content-type": type, "content-length": String(bytes.length) });
    response.end(bytes);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("bench server: no port");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    /** @param {string} next */
    serve(next) {
      root = next;
    },
    /** Closes the server and every open connection; a second call does nothing. */
    close() {
      if (!server.listening) return Promise.resolve();
      for (const socket of sockets) socket.destroy();
      return new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/** @param {number} value */
const ms = (value) => (typeof value === "number" ? value.toFixed(0) : "—");
/** @param {number[]} values */
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor((values.length - 1) / 2)];

/** @type {Awaited<ReturnType<typeof startServer>> | undefined} */
let pageServer;
/** @type {Awaited<ReturnType<typeof startServer>> | undefined} */
let feedServer;
/** @type {import("playwright-core").BrowserContext | undefined} */
let context;
try {
  // The feed: version 1 (snapshot), then version 2 (1,000 notices changed: a delta 1 → 2).
  const feedDir = join(workDir, "feed");
  const feedV1Dir = join(workDir, "feed-v1");
  const feedV2Dir = join(workDir, "feed-v2");
  const { privateKeyPem, publicKey } = generateFeedKeyPair("bench-key");
  const publishStarted = performance.now();
  const publish = async (/** @type {number} */ changed) => {
    const notices = Array.from({ length: NOTICES }, (_, index) => notice(index, index < changed));
    const published = await publishFeed({
      notices,
      privateKeyPem,
      keyId: publicKey.keyId,
      outDir: feedDir,
      nowMs: Date.now(),
      manifestTtlMs: 24 * HOUR_MS,
    });
    if (!published.ok) throw new Error(`publish: ${published.error.code}: ${published.error.message}`);
    return published.value.manifest;
  };
  const v1 = await publish(0);
  cpSync(feedDir, feedV1Dir, { recursive: true });
  const v2 = await publish(CHANGED);
  cpSync(feedDir, feedV2Dir, { recursive: true });
  await publish(CHANGED + COMPACTION_CHANGED);
  const publishMs = performance.now() - publishStarted;
  const snapshotBytes = readFileSync(join(feedV1Dir, v1.snapshot.file));
  const snapshotGzip = gzipSync(snapshotBytes).length;
  const delta = v2.deltas.at(-1);
  const deltaBytes = delta ? readFileSync(join(feedV2Dir, delta.file)) : new Uint8Array();

  // The page, bundled from the built packages.
  const pageDir = join(workDir, "page");
  await build({
    entryPoints: [join(benchDir, "rules-store-page.mjs")],
    bundle: true,
    format: "esm",
    target: "es2022",
    platform: "browser",
    outfile: join(pageDir, "page.js"),
    logLevel: "warning",
  });
  writeFileSync(
    join(pageDir, "index.html"),
    '<!doctype html><meta charset="utf-8"><title>rules-store bench</title><script type="module" src="/page.js"></script>\n',
  );

  pageServer = await startServer(pageDir);
  feedServer = await startServer(feedV1Dir);
  context = await chromium.launchPersistentContext(join(workDir, "profile"), {
    executablePath: CHROMIUM_PATH,
    args: CHROMIUM_ARGS,
  });
  const page = context.pages()[0] ?? (await context.newPage());
  const openPage = async () => {
    await page.goto(pageServer?.url ?? "");
    await page.waitForFunction(() => "rulesStoreBench" in window);
  };
  await openPage();
  const config = { feedUrl: feedServer.url, keys: [publicKey], dbName: DB_NAME };
  const changedScan = scanOf(0); // blocked at version 1, allowed at version 2
  const untouchedScan = scanOf(NOTICES - 1); // blocked at both

  const snapshot = await page.evaluate((c) => window.rulesStoreBench.snapshot(c), {
    ...config,
    checkScan: changedScan,
  });
  feedServer.serve(feedV2Dir);
  const deltaRun = await page.evaluate((c) => window.rulesStoreBench.delta(c), { checkScan: changedScan });
  feedServer.serve(feedDir);
  const compactionRun = await page.evaluate((c) => window.rulesStoreBench.delta(c), { checkScan: scanOf(CHANGED) });
  await page.evaluate(() => window.rulesStoreBench.close());

  // Feed down: its server closes (every connection too); each cold start runs in a freshly loaded page.
  await feedServer.close();
  const coldConfig = { ...config, checkScan: untouchedScan, timeoutMs: 20_000 };
  const coldStarts = [];
  for (let run = 0; run < COLD_STARTS; run++) {
    await openPage();
    coldStarts.push(await page.evaluate((c) => window.rulesStoreBench.coldStart(c), coldConfig));
  }
  const coldMs = coldStarts.flatMap((run) => (typeof run.ms === "number" ? [run.ms] : []));

  const check = (/** @type {boolean} */ good) => (good ? "✓" : "✗");
  console.log(
    `### IndexedDB rule store, headless Chromium ${context.browser()?.version() ?? ""}, ${NOTICES.toLocaleString("en")} notices`,
  );
  console.table({
    "snapshot: download + verify + store": {
      measured: `${ms(snapshot.ms)} ms`,
      goal: "≤ 10000 ms",
      met: check(snapshot.ms <= 10_000),
      "checked by":
        snapshot.error ?? `v${snapshot.version}, notice 0 → ${snapshot.verdict.action ?? snapshot.verdict.error}`,
    },
    [`delta: ${CHANGED.toLocaleString("en")} changes applied`]: {
      measured: `${ms(deltaRun.ms)} ms`,
      goal: "≤ 300 ms",
      met: check(deltaRun.ms <= 300),
      "checked by":
        deltaRun.error ?? `v${deltaRun.version}, notice 0 → ${deltaRun.verdict.action ?? deltaRun.verdict.error}`,
    },
    [`delta: ${COMPACTION_CHANGED.toLocaleString("en")} more, chunks rewritten`]: {
      measured: `${ms(compactionRun.ms)} ms`,
      goal: "—",
      met: "",
      "checked by":
        compactionRun.error ??
        `v${compactionRun.version}, notice ${CHANGED} → ${compactionRun.verdict.action ?? compactionRun.verdict.error}`,
    },
    "cold start → first verdict (feed down)": {
      measured:
        coldMs.length > 0 ? `${ms(median(coldMs))} ms (median of ${coldMs.length}: ${coldMs.map(ms).join(", ")})` : "—",
      goal: "≤ 1000 ms",
      met: check(coldMs.length === COLD_STARTS && Math.max(...coldMs) <= 1_000),
      "checked by": coldStarts
        .map((run) => run.error ?? `v${run.version} ${run.action}${run.lastError ? ` (${run.lastError})` : ""}`)
        .join("; "),
    },
    "feed bytes per notice (snapshot gzip)": {
      measured: `${(snapshotGzip / NOTICES).toFixed(1)} B (raw ${(snapshotBytes.length / NOTICES).toFixed(0)} B)`,
      goal: "—",
      met: "",
      "checked by": `${v1.snapshot.file}: ${(snapshotBytes.length / 1e6).toFixed(1)} MB raw, ${(snapshotGzip / 1e6).toFixed(2)} MB gzip`,
    },
  });
  console.log(
    `(delta file ${delta?.file ?? "—"}: ${(deltaBytes.length / 1e3).toFixed(0)} kB raw, ${(gzipSync(deltaBytes).length / 1e3).toFixed(0)} kB gzip; publishing the three versions took ${ms(publishMs)} ms in Node; bench took ${((performance.now() - startedAt) / 1000).toFixed(0)} s)`,
  );
} finally {
  await context?.close();
  await feedServer?.close();
  await pageServer?.close();
  rmSync(workDir, { recursive: true, force: true });
}
