// Shared parts of the @scangate/sales benchmarks: the real hub (built package) with one store, a same-origin
// server that serves the bundled till page and relays POST /capture to the hub (a reverse proxy, as a shop's till
// app would sit behind), the page bundle, and headless Debian Chromium.
import { spawn } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { chromium } from "playwright-core";

export const STORE_GLN = "9521234000013";

/** The flags the tests launch Chromium with (test/support/chromium-flags.json). */
const CHROMIUM_ARGS = JSON.parse(readFileSync(new URL("../support/chromium-flags.json", import.meta.url), "utf8"));

/**
 * The real hub in its own Node process (as in production, and so its CPU is not the bench's), in a temporary
 * folder, with a store and a producer of company prefix 9521234.
 */
export async function startBenchHub() {
  const dataDir = mkdtempSync(join(tmpdir(), "scangate-sales-bench-hub-"));
  const adminToken = `admin-${Math.random().toString(36).slice(2)}-bench`;
  const hubModule = new URL("../../packages/hub/dist/index.js", import.meta.url).href;
  const child = spawn(
    process.execPath,
    [
      "--input-type=module",
      "-e",
      `const { startHub } = await import(${JSON.stringify(hubModule)});
       const hub = await startHub({ dataDir: ${JSON.stringify(dataDir)}, port: 0, logger: false, adminToken: ${JSON.stringify(adminToken)} });
       process.stdout.write(JSON.stringify({ url: hub.url }) + "\\n");
       process.stdin.on("end", () => hub.close().then(() => process.exit(0)));
       process.stdin.resume();`,
    ],
    { stdio: ["pipe", "pipe", "inherit"] },
  );
  const url = await new Promise((resolve, reject) => {
    child.once("exit", (code) => reject(new Error(`hub process exited with ${code}`)));
    child.stdout.once("data", (chunk) => resolve(JSON.parse(String(chunk)).url));
  });
  const admin = async (path, body) => {
    const response = await fetch(new URL(path, url), {
      method: "POST",
      headers: { authorization: `Bearer ${adminToken}`, "content-type": "application/json" },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`hub: ${path} answered ${response.status}`);
    return response.json();
  };
  const store = await admin("admin/stores", { gln: STORE_GLN, name: "bench" });
  const producer = await admin("admin/producers", { name: "bench", companyPrefixes: ["9521234"] });
  return {
    url,
    storeToken: store.token,
    /** Events the hub holds for the producer. */
    async heldEvents() {
      const response = await fetch(new URL("producer/sales?from=2000-01-01&to=2100-12-31", url), {
        headers: { authorization: `Bearer ${producer.token}` },
      });
      const { rows } = await response.json();
      return rows.reduce((sum, row) => sum + row.events, 0);
    },
    async close() {
      const exited = new Promise((resolve) => child.once("exit", resolve));
      child.stdin.end();
      await exited;
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/**
 * A 127.0.0.1 origin serving the till page; POSTs are relayed to `targetUrl` when given, or answered 503 with
 * Retry-After: 3600 (the uploader then sleeps for an hour, leaving the bench to `record` alone). `relayTo(url)`
 * changes the target.
 * @param {string} pageScript the bundled page
 * @param {string | undefined} targetUrl
 */
export async function startTillOrigin(pageScript, targetUrl) {
  let target = targetUrl;
  const html =
    '<!doctype html><meta charset="utf-8"><title>till</title><script type="module" src="/page.js"></script>\n';
  const server = createServer(async (request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    if (request.method === "GET" && path === "/")
      return void response.writeHead(200, { "content-type": "text/html" }).end(html);
    if (request.method === "GET" && path === "/page.js")
      return void response.writeHead(200, { "content-type": "text/javascript" }).end(pageScript);
    const chunks = [];
    for await (const chunk of request) chunks.push(chunk);
    if (!target) return void response.writeHead(503, { "retry-after": "3600" }).end();
    const reply = await fetch(new URL(path.slice(1), target), {
      method: "POST",
      headers: {
        authorization: request.headers.authorization ?? "",
        "content-type": request.headers["content-type"] ?? "",
      },
      body: Buffer.concat(chunks),
    });
    response
      .writeHead(reply.status, { "content-type": "application/json" })
      .end(Buffer.from(await reply.arrayBuffer()));
  });
  await new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(undefined)));
  return {
    url: `http://127.0.0.1:${server.address().port}/`,
    /** @param {string} url */
    relayTo(url) {
      target = url;
    },
    close: () => {
      server.closeAllConnections();
      return new Promise((resolve) => server.close(() => resolve(undefined)));
    },
  };
}

/** Bundles test/bench/sales-page.mjs (which imports the BUILT package) for the browser. */
export async function bundleTillPage() {
  const result = await build({
    entryPoints: [fileURLToPath(new URL("sales-page.mjs", import.meta.url))],
    bundle: true,
    format: "esm",
    target: "es2022",
    platform: "browser",
    write: false,
    logLevel: "warning",
  });
  return result.outputFiles[0].text;
}

/** Headless Chromium (Debian's) with a fresh page at `url`, waiting for `window.salesBench`. */
export async function openTill(url) {
  const browser = await chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium",
    args: CHROMIUM_ARGS,
  });
  const page = await browser.newPage();
  await page.goto(url);
  await page.waitForFunction(() => "salesBench" in window);
  return { browser, page };
}

/** @param {boolean} good */
export const check = (good) => (good ? "✓" : "✗");
