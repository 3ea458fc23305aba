// A real till: a page in headless Chromium records sales into real IndexedDB and uploads them to the real hub
// (through a same-origin proxy that slows each POST, so the test can act mid-upload). The page is reloaded in the
// middle of the upload; the reopened outbox resumes, and the hub ends up with every event exactly once.
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type ChaosProxy, startChaosProxy } from "./support/chaos-proxy.js";
import { bundlePage, launchChromium, PAGE_HTML } from "./support/chromium-page.js";
import { expectedRows, STORE_GLN, testSale } from "./support/outbox-harness.js";
import { type Receiver, startReceiver } from "./support/receiver.js";

const SALES = 2_000;
let receiver: Receiver;
let proxy: ChaosProxy;
let browser: Browser;

beforeAll(async () => {
  receiver = await startReceiver();
  const script = await bundlePage("./sales-page.ts");
  proxy = await startChaosProxy(receiver.url, {
    seed: 1,
    refuseRate: 0,
    loseReplyRate: 0,
    stallRate: 0,
    stallMs: 0,
    delayMs: 150,
    pages: new Map([
      ["/", ["text/html; charset=utf-8", PAGE_HTML]],
      ["/page.js", ["text/javascript; charset=utf-8", script]],
    ]),
  });
  browser = await launchChromium();
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await proxy?.close();
  await receiver?.dispose();
});

async function heldEvents(): Promise<number> {
  return (await receiver.soldRows()).reduce((sum, row) => sum + row.events, 0);
}

const pageReady = (page: Page) => page.waitForFunction(() => "salesPage" in window);

describe("in real Chromium", () => {
  it("loses and doubles nothing when the till page is reloaded mid-upload", async () => {
    const page = await browser.newPage();
    await page.goto(proxy.url);
    await pageReady(page);
    await page.evaluate((config) => window.salesPage.configure(config), {
      endpoint: proxy.url,
      token: receiver.storeToken,
      storeGln: STORE_GLN,
      dbName: "till-sales",
      batchSize: 100,
    });
    expect(await page.evaluate((count) => window.salesPage.record(0, count, "page"), SALES)).toEqual([]);
    const sales = Array.from({ length: SALES }, (_, index) => testSale(index, "page"));
    const total = [...expectedRows(sales).values()].reduce((sum, row) => sum + row.events, 0);

    await expect.poll(heldEvents, { timeout: 20_000, interval: 50 }).toBeGreaterThan(0);
    const beforeReload = await heldEvents();
    expect(beforeReload).toBeLessThan(total);
    await page.reload();
    await pageReady(page);

    await expect
      .poll(() => page.evaluate(() => window.salesPage.status()?.pending), { timeout: 40_000, interval: 100 })
      .toBe(0);
    const held = new Map(
      (await receiver.soldRows()).map((row) => [
        `${row.gtin}|${row.batch}`,
        { quantity: row.quantity, events: row.events },
      ]),
    );
    expect(held).toEqual(expectedRows(sales));
    await page.close();
  }, 60_000);
});
