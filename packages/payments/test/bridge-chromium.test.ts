// The bridge in real headless Chromium (Debian's /usr/bin/chromium via playwright-core), on the browser's real
// IndexedDB, paying through the gateway simulator over real HTTP: the attempt is stored before the pay request
// leaves, and a real page reload in the middle of a payment is recovered to exactly one charge or a clean reversal.
// The page (test/support/bridge-page.ts) is bundled from the sources with esbuild and served from 127.0.0.1.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs, chromiumPath } from "../../../test/support/chromium.js";
import { type GatewaySimulator, startGatewaySimulator } from "../src/simulator/sim-server.js";
import type { PageConfig } from "./support/bridge-page.js";
import { cny, freshCode, netOf, unique } from "./support/harness.js";

let sim: GatewaySimulator;
let pageServer: Server;
let pageUrl: string;
let browser: Browser;
const folder = mkdtempSync(join(tmpdir(), "scangate-payments-page-"));

beforeAll(async () => {
  sim = await startGatewaySimulator({ seed: 31, userPayingMs: 200 });
  await build({
    entryPoints: [fileURLToPath(new URL("./support/bridge-page.ts", import.meta.url))],
    bundle: true,
    format: "esm",
    platform: "browser",
    target: "es2022",
    outfile: join(folder, "page.js"),
    logLevel: "warning",
  });
  writeFileSync(
    join(folder, "index.html"),
    '<!doctype html><meta charset="utf-8"><script type="module" src="/page.js"></script>\n',
  );
  pageServer = createServer((request, response) => {
    const name = request.url === "/page.js" ? "page.js" : "index.html";
    const type = name.endsWith(".js") ? "text/javascript" : "text/html";
    response.writeHead(200, { "content-type": `${type}; charset=utf-8` }).end(readFileSync(join(folder, name)));
  });
  await new Promise<void>((resolve) => pageServer.listen(0, "127.0.0.1", () => resolve()));
  const address = pageServer.address();
  pageUrl = `http://127.0.0.1:${typeof address === "object" && address ? address.port : 0}/`;
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  pageServer?.closeAllConnections();
  await new Promise<void>((resolve) => (pageServer ? pageServer.close(() => resolve()) : resolve()));
  await sim?.close();
  rmSync(folder, { recursive: true, force: true });
});

async function openPage(page: Page): Promise<void> {
  await page.goto(pageUrl);
  await page.waitForFunction(() => "paymentsPage" in window);
}

function configFor(budgetMs = 5_000): PageConfig {
  return {
    url: sim.url,
    merchantId: sim.merchantId,
    secret: sim.secret,
    dbName: unique("chromium-db-"),
    prefix: unique("CH"),
    budgetMs,
  };
}

async function until(check: () => boolean, timeoutMs = 5_000): Promise<void> {
  const started = Date.now();
  while (!check()) {
    if (Date.now() - started > timeoutMs) throw new Error("condition not met in time");
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe("payment bridge in real Chromium", () => {
  it("stores the attempt before the pay leaves, and after a reload mid-payment recovers exactly one charge", async () => {
    const page = await browser.newPage();
    await openPage(page);
    const config = configFor();
    const orderNumber = `${config.prefix}_1`;
    // The gateway takes the money and never answers: the page is reloaded while the pay request is in flight.
    sim.script({ faults: [{ operation: "pay", outTradeNo: orderNumber, fault: "TIMEOUT_AFTER_COMMIT" }] });
    const tender = {
      saleId: unique("sale"),
      saleTotal: cny(3380),
      amount: cny(3380),
      providerId: "gateway",
      authCode: freshCode(),
    };
    expect(await page.evaluate(([c, t]) => window.paymentsPage.start(c, t), [config, tender] as const)).toBe(
      orderNumber,
    );
    await until(() => netOf(sim, orderNumber).charges === 1);
    await page.reload();
    await page.waitForFunction(() => "paymentsPage" in window);

    // No reply ever reached the page, so this row was written before the request left.
    const stored = await page.evaluate(([c, saleId]) => window.paymentsPage.inspect(c, saleId), [
      config,
      tender.saleId,
    ] as const);
    expect(stored.map((attempt) => [attempt.attemptId, attempt.state])).toEqual([[orderNumber, "SUBMITTING"]]);

    const recovered = await page.evaluate((c) => window.paymentsPage.recover(c), config);
    expect(recovered).toMatchObject([{ attemptId: orderNumber, state: "PAID", paid: { paidMinor: 3380 } }]);
    expect(netOf(sim, orderNumber)).toEqual({ charges: 1, netMinor: 3380 });
    await page.close();
  });

  it("reverses cleanly after a reload while the customer never finishes paying", async () => {
    const page = await browser.newPage();
    await openPage(page);
    const config = configFor(300);
    const code = freshCode();
    sim.script({ codes: { [code]: { outcome: "pay", userPayingMs: 60_000 } } });
    const tender = {
      saleId: unique("sale"),
      saleTotal: cny(990),
      amount: cny(990),
      providerId: "gateway",
      authCode: code,
    };
    const attemptId = await page.evaluate(([c, t]) => window.paymentsPage.start(c, t), [config, tender] as const);
    await until(() =>
      sim.ledger().trades.some((trade) => trade.outTradeNo === attemptId && trade.tradeState === "USERPAYING"),
    );
    await page.reload();
    await page.waitForFunction(() => "paymentsPage" in window);
    const recovered = await page.evaluate((c) => window.paymentsPage.recover(c), config);
    expect(recovered).toMatchObject([{ attemptId, state: "REVERSED" }]);
    expect(netOf(sim, attemptId)).toEqual({ charges: 0, netMinor: 0 });
    await page.close();
  });

  it("keeps a split tender (cash + wallet) settled across a reload and refuses a further tender", async () => {
    const page = await browser.newPage();
    await openPage(page);
    const config = configFor();
    const saleId = unique("sale");
    const total = cny(5000);
    const cashPart = await page.evaluate(([c, t]) => window.paymentsPage.settle(c, t), [
      config,
      { saleId, saleTotal: total, amount: cny(2000), providerId: "cash", tenderedMinor: 5000 },
    ] as const);
    expect(cashPart).toMatchObject({ state: "PAID", paid: { changeMinor: 3000 } });
    const walletPart = await page.evaluate(([c, t]) => window.paymentsPage.settle(c, t), [
      config,
      { saleId, saleTotal: total, amount: cny(3000), providerId: "gateway", authCode: "2851234567890123450" },
    ] as const);
    expect(walletPart).toMatchObject({ state: "PAID", paid: { channel: "alipay" } });
    await page.reload();
    await page.waitForFunction(() => "paymentsPage" in window);
    const stored = await page.evaluate(([c, s]) => window.paymentsPage.inspect(c, s), [config, saleId] as const);
    expect(stored.map((attempt) => attempt.state)).toEqual(["PAID", "PAID"]);
    const another = await page.evaluate(([c, t]) => window.paymentsPage.firstAnswer(c, t), [
      config,
      { saleId, saleTotal: total, amount: cny(1), providerId: "cash" },
    ] as const);
    expect(another).toBe("TENDER_EXCEEDS_BALANCE");
    await page.close();
  });
});
