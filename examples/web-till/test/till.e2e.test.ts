// The web till end to end, in real headless Chromium against the real hub and payment gateway simulator (started
// here by the demo's own startDemo on free ports, in a scratch data folder): scans typed by a keyboard wedge (keys
// ~5 ms apart, as a USB scanner types) and seen by a fake camera (a y4m video of a GS1 DataMatrix), block alarms
// in both languages, a wallet payment, the receipt, the producer's view of the sale on the hub, and a cash sale
// made offline after a reload that reaches the hub exactly once when the network is back. Screenshots of the main
// screens go to examples/web-till/screenshots/ (artefacts for the README, not compared).
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { cameraFrame, renderSymbol } from "../../../packages/scanner/test/support-camera/symbols.js";
import { writeY4m } from "../../../packages/scanner/test/support-camera/y4m.js";
import { chromiumArgs, chromiumPath, fakeCameraArgs } from "../../../test/support/chromium.js";
import { firstTouch as touch, wedgeScan as typeScan } from "../../../test/support/web-till-driver.js";
import { buildTill, type Demo, type DemoGood, startDemo } from "../server/demo.mjs";

const workDir = mkdtempSync(join(tmpdir(), "scangate-web-till-e2e-"));
const screenshots = fileURLToPath(new URL("../screenshots/", import.meta.url));
/** The product on the camera's test label: GS1's example GTIN, batch ABC123 (see the scanner's test symbols). */
const LABEL_GTIN = "09521234543213";
const INSPECTION_TEXT = { "zh-CN": "该批次抽检不合格，禁止销售", en: "Batch failed inspection — do not sell" };
/** A WeChat Pay code (18 digits from 13) whose simulated customer pays at once. */
const WALLET_CODE = "134567890123456780";

let demo: Demo;
let browser: Browser;
let context: BrowserContext;
let page: Page;

const good = (reference: string): DemoGood => {
  const found = demo.goods.find((product) => product.gtin.slice(8, 13) === reference);
  if (found === undefined) throw new Error(`no demo product ${reference}`);
  return found;
};
const batchOf = (product: DemoGood, batch: string) => {
  const found = product.batches.find((candidate) => candidate.batch === batch);
  if (found === undefined) throw new Error(`no batch ${batch}`);
  return found;
};
/** A GS1 element string as a scanner sends it: GTIN, expiry, optional net weight in grams, batch last (no GS). */
const elementString = (gtin: string, expiry: string, batch: string, grams?: number) =>
  `01${gtin}17${expiry.slice(2).replaceAll("-", "")}${grams === undefined ? "" : `3103${String(grams).padStart(6, "0")}`}10${batch}`;

/** A scan typed by the keyboard wedge into the till's page (test/support/web-till-driver.ts). */
const wedgeScan = (text: string) => typeScan(page, text);

async function producerRows(gtin: string, batch: string) {
  const url = new URL("producer/sales", demo.hubUrl);
  url.searchParams.set("gtin", gtin);
  url.searchParams.set("batch", batch);
  url.searchParams.set("store", demo.store.gln);
  const response = await fetch(url, { headers: { authorization: `Bearer ${demo.tokens.producerToken}` } });
  const body = (await response.json()) as { rows: { quantity: number; events: number; uom: string | null }[] };
  return {
    events: body.rows.reduce((sum, row) => sum + row.events, 0),
    quantity: body.rows.reduce((sum, row) => sum + row.quantity, 0),
  };
}

async function until<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 30_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (done(value) || Date.now() > deadline) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

/** The cashier's first tap on a fresh page (it makes the page's AudioContext before the first scan). */
const firstTouch = () => touch(page);

const shot = (name: string) => page.screenshot({ path: join(screenshots, `${name}.png`), fullPage: true });
const alarm = () => page.locator('[role="alert"][data-alarm="blocked"]');
const tab = (name: RegExp) => page.getByRole("navigation").getByRole("button", { name });

async function removeBlockedLines(): Promise<void> {
  while ((await alarm().count()) > 0)
    await alarm()
      .first()
      .getByRole("button", { name: /Remove the item|移除该商品/ })
      .click();
}

beforeAll(async () => {
  mkdirSync(screenshots, { recursive: true });
  await buildTill({ quiet: true });
  demo = await startDemo({
    dataDir: join(workDir, "data"),
    hubPort: 0,
    gatewayPort: 0,
    tillPort: 0,
    userPayingMs: 1000,
  });
  // The regulator's finding on the camera label's batch, published on the hub before the till first syncs.
  const notice = await fetch(new URL("admin/notices", demo.hubUrl), {
    method: "POST",
    headers: { authorization: `Bearer ${demo.tokens.adminToken}`, "content-type": "application/json" },
    body: JSON.stringify({
      id: "e2e:samr:label-ABC123",
      version: 1,
      kind: "failed_inspection",
      status: "active",
      source: { authority: "ZJ_AMR", ref: "e2e" },
      severity: { scheme: "LOCAL", level: "不合格", normalized: "high" },
      reasons: [{ text: INSPECTION_TEXT }],
      effective: { from: "2026-01-01" },
      action: { atTill: "block", ifAttributeUnknown: "block" },
      products: [{ gtin: LABEL_GTIN, batches: ["ABC123"] }],
    }),
  });
  expect(notice.status).toBeLessThan(300);
  // The fake camera: a third of a second of empty picture, then the label's GS1 DataMatrix, looped.
  const video = join(workDir, "datamatrix.y4m");
  const empty = cameraFrame(640, 480);
  const withCode = cameraFrame(640, 480, renderSymbol("gs1-datamatrix"));
  await writeY4m(video, [...Array<typeof empty>(10).fill(empty), ...Array<typeof withCode>(20).fill(withCode)]);
  browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [...chromiumArgs, ...fakeCameraArgs(video)],
  });
  context = await browser.newContext({ viewport: { width: 1100, height: 900 }, locale: "en-GB" });
  page = await context.newPage();
  await page.goto(demo.tillUrl);
  await page.getByRole("combobox", { name: /Language|语言/ }).selectOption("en");
  await page
    .getByTestId("feed")
    .filter({ hasText: /Rules v\d+/ })
    .waitFor({ timeout: 20_000 });
  await firstTouch();
}, 120_000);

afterAll(async () => {
  await browser?.close();
  await demo?.close();
  rmSync(workDir, { recursive: true, force: true });
});

describe("the web till in Chromium against the hub and the payment simulator", () => {
  it("raises a red alarm for an expired item scanned by the wedge, and refuses payment", async () => {
    const tofu = good("00011");
    const expired = tofu.batches.find((batch) => batch.expired);
    if (expired === undefined) throw new Error("the demo has no expired tofu batch");
    await wedgeScan(elementString(tofu.gtin, expired.expiry, expired.batch));
    await expect.poll(() => alarm().count(), { timeout: 10_000 }).toBe(1);
    expect(await alarm().textContent()).toContain("DO NOT SELL");
    expect(await alarm().textContent()).toContain(`Expired: expiry date ${expired.expiry}`);
    expect(await page.locator("tbody tr.gate-block").count()).toBe(1);
    await shot("till-blocked-en");
    await page.setViewportSize({ width: 390, height: 844 });
    await shot("phone-till-blocked");
    await page.setViewportSize({ width: 1100, height: 900 });
    await page.getByRole("button", { name: "Wallet code" }).click();
    await expect.poll(() => page.getByTestId("pay-refused").textContent()).toContain("Payment refused");
    expect(await page.getByRole("dialog").count()).toBe(0);
  }, 60_000);

  it("shows the alarm text in Chinese after switching the language", async () => {
    await page.getByRole("combobox", { name: "Language" }).selectOption("zh-CN");
    await expect.poll(() => alarm().textContent()).toContain("禁止销售");
    expect(await alarm().textContent()).toContain("已过期");
    expect(await alarm().textContent()).not.toContain("Expired");
    await shot("till-blocked-zh");
    await page.getByRole("combobox", { name: "语言" }).selectOption("en");
    await expect.poll(() => alarm().textContent()).toContain("Expired");
    await removeBlockedLines();
    expect(await page.locator("tbody tr").count()).toBe(0);
  }, 60_000);

  it("asks to confirm a warned item, and lets a supervisor override a blocked one with a reason", async () => {
    const tofu = good("00011");
    // The plain EAN-13 of the tofu: a recall names one of its batches, and this code carries none.
    await wedgeScan(tofu.gtin.slice(1));
    const warn = page.locator('[role="alert"][data-alarm="warn"]');
    await expect.poll(() => warn.count(), { timeout: 10_000 }).toBe(1);
    expect(await warn.textContent()).toContain("Scan the 2D code on the pack to check the batch");
    await shot("till-warn");
    await warn.getByRole("button", { name: /^Confirm/ }).click();
    await expect.poll(() => page.locator("tbody tr").first().textContent()).toContain("Confirmed");
    const expired = tofu.batches.find((batch) => batch.expired);
    if (expired === undefined) throw new Error("the demo has no expired tofu batch");
    await wedgeScan(elementString(tofu.gtin, expired.expiry, expired.batch));
    await expect.poll(() => alarm().count(), { timeout: 10_000 }).toBe(1);
    await alarm()
      .getByRole("button", { name: /^Override/ })
      .click();
    const dialog = page.getByRole("dialog", { name: /Override/ });
    await dialog.getByLabel("Role").selectOption("cashier");
    await dialog.getByRole("button", { name: "Override" }).click();
    await expect.poll(() => dialog.getByRole("alert").textContent()).toContain("Override refused");
    await dialog.getByLabel("Role").selectOption("supervisor");
    await dialog.getByLabel("Staff id").fill("S01");
    await shot("till-override");
    await dialog.getByRole("button", { name: "Override" }).click();
    await expect.poll(() => alarm().count()).toBe(0);
    expect(await page.locator("tbody tr.gate-block").textContent()).toContain("Overridden");
    await page.getByRole("button", { name: "Clear basket" }).click();
    await expect.poll(() => page.locator("tbody tr").count()).toBe(0);
  }, 60_000);

  it("blocks the failed-inspection batch the camera reads, after quick-adding the unknown product", async () => {
    await tab(/Catalogue/).click();
    await page.getByLabel("Product code (GTIN)").fill(LABEL_GTIN);
    await page.getByLabel("Name", { exact: true }).fill("Test label pack");
    await page.getByLabel("Price (¥)").fill("9.90");
    await page.getByRole("button", { name: "Save" }).click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Saved Test label pack");
    await shot("catalogue");
    await tab(/Till/).click();
    await page.getByRole("button", { name: "Camera on" }).click();
    await expect.poll(() => alarm().count(), { timeout: 30_000 }).toBeGreaterThan(0);
    await page.getByRole("button", { name: "Camera off" }).click();
    expect(await alarm().first().textContent()).toContain(INSPECTION_TEXT.en);
    expect(await page.locator(`tbody tr[data-gtin="${LABEL_GTIN}"]`).first().textContent()).toContain("ABC123");
    await shot("till-camera-failed-inspection");
    await removeBlockedLines();
  }, 90_000);

  it("sells good and weighed items for a scanned wallet code; the receipt and the producer view show the batches", async () => {
    const eggs = good("00059");
    const pork = good("00066");
    const eggBatch = batchOf(eggs, "EG2411");
    const porkBatch = batchOf(pork, "PK2411H");
    const before = await producerRows(eggs.gtin, "EG2411");
    const porkBefore = await producerRows(pork.gtin, "PK2411H");
    await wedgeScan(elementString(eggs.gtin, eggBatch.expiry, "EG2411"));
    await wedgeScan(elementString(eggs.gtin, eggBatch.expiry, "EG2411"));
    await wedgeScan(elementString(pork.gtin, porkBatch.expiry, "PK2411H", 512));
    await expect.poll(() => page.locator("tbody tr").count(), { timeout: 10_000 }).toBe(2);
    expect(await page.locator(`tbody tr[data-gtin="${eggs.gtin}"]`).textContent()).toContain("× 2");
    expect(await page.locator(`tbody tr[data-gtin="${pork.gtin}"]`).textContent()).toContain("0.512 kg");
    // ¥18.00 × 2 + 0.512 kg × ¥36.00/kg (¥18.43)
    expect(await page.getByTestId("total").textContent()).toMatch(/54\.43/);
    await shot("till-basket");
    await page.getByRole("button", { name: "Wallet code" }).click();
    await expect.poll(() => page.getByRole("dialog").count()).toBe(1);
    await shot("pay-wallet");
    await page.locator("body").click({ position: { x: 5, y: 5 } });
    await wedgeScan(WALLET_CODE);
    const receipt = page.locator(".receipt");
    await expect.poll(() => receipt.count(), { timeout: 20_000 }).toBe(1);
    const text = (await receipt.textContent()) ?? "";
    expect(text).toContain("EG2411");
    expect(text).toContain("PK2411H");
    expect(text).toContain(`https://id.gs1.org/01/${eggs.gtin}/10/EG2411`);
    await shot("receipt");
    expect(demo.gateway.ledger().charges.map((charge) => charge.amountMinor ?? charge)).toHaveLength(1);
    const after = await until(
      () => producerRows(eggs.gtin, "EG2411"),
      (rows) => rows.events > before.events,
    );
    expect(after.events).toBe(before.events + 1);
    expect(after.quantity).toBeCloseTo(before.quantity + 2);
    const porkAfter = await until(
      () => producerRows(pork.gtin, "PK2411H"),
      (rows) => rows.events > porkBefore.events,
    );
    expect(porkAfter.quantity).toBeCloseTo(porkBefore.quantity + 0.512, 3);
    await page.getByRole("button", { name: "Next customer" }).click();
  }, 90_000);

  it("shows the merchant QR and completes the sale when the customer's wallet pays it", async () => {
    const bokChoy = good("00042");
    const batch = bokChoy.batches[0];
    if (batch === undefined) throw new Error("no bok choy batch");
    await wedgeScan(elementString(bokChoy.gtin, batch.expiry, batch.batch));
    await expect.poll(() => page.locator("tbody tr.gate-allow").count(), { timeout: 10_000 }).toBe(1);
    await page.getByRole("button", { name: "Show QR" }).click();
    await page.getByRole("dialog").getByRole("button", { name: "Show QR" }).click();
    const qr = page.getByRole("img", { name: /Merchant payment QR code/ });
    await expect.poll(() => qr.count(), { timeout: 10_000 }).toBe(1);
    await shot("pay-qr");
    const qrUrl = await qr.getAttribute("data-qr-url");
    expect(qrUrl).toMatch(/sim\/qr\//);
    const paid = await fetch(`${qrUrl}/pay`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ wallet: "alipay" }),
    });
    expect(paid.status).toBe(200);
    await expect.poll(() => page.locator(".receipt").count(), { timeout: 20_000 }).toBe(1);
    expect(await page.locator(".receipt").textContent()).toContain(batch.batch);
    await page.getByRole("button", { name: "Next customer" }).click();
  }, 60_000);

  it("is an installable PWA: Chromium finds nothing missing but a non-incognito profile", async () => {
    // Its own tab, so the DevTools session never touches the till's page (its network emulation included).
    const probe = await context.newPage();
    await probe.goto(demo.tillUrl);
    await probe.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
    const cdp = await context.newCDPSession(probe);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    await cdp.detach();
    await probe.close();
    // A test context is incognito, which Chromium never installs from; manifest, icons and worker all pass.
    expect(installabilityErrors.map((error) => error.errorId)).toEqual(["in-incognito"]);
  }, 30_000);

  it("starts offline after a reload, sells for cash, and the hub gets the sale once when the network is back", async () => {
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready;
    });
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    const eggs = good("00059");
    const before = await producerRows(eggs.gtin, "EG2411");
    await context.setOffline(true);
    await page.reload();
    await expect.poll(() => page.getByTestId("network").textContent(), { timeout: 20_000 }).toBe("Offline");
    await firstTouch();
    await wedgeScan(elementString(eggs.gtin, batchOf(eggs, "EG2411").expiry, "EG2411"));
    await expect.poll(() => page.locator("tbody tr").count(), { timeout: 10_000 }).toBe(1);
    expect(await page.locator("tbody tr.gate-allow").count()).toBe(1);
    await page.getByRole("button", { name: "Cash" }).click();
    await page.getByLabel("Cash received").fill("20");
    await expect.poll(() => page.locator(".change").textContent()).toMatch(/Change: .*2\.00/);
    await shot("pay-cash-offline");
    await page.getByRole("button", { name: "Take cash" }).click();
    await expect.poll(() => page.locator(".receipt").count(), { timeout: 15_000 }).toBe(1);
    await page.getByRole("button", { name: "Next customer" }).click();
    await expect
      .poll(() => page.getByTestId("pending").textContent(), { timeout: 10_000 })
      .toContain("1 sales waiting");
    await shot("till-offline-pending");
    expect((await producerRows(eggs.gtin, "EG2411")).events).toBe(before.events);
    await context.setOffline(false);
    const after = await until(
      () => producerRows(eggs.gtin, "EG2411"),
      (rows) => rows.events > before.events,
      45_000,
    );
    expect(after.events).toBe(before.events + 1);
    await expect
      .poll(() => page.getByTestId("pending").textContent(), { timeout: 20_000 })
      .toContain("All sales uploaded");
    await new Promise((resolve) => setTimeout(resolve, 2000));
    expect((await producerRows(eggs.gtin, "EG2411")).events).toBe(before.events + 1);
  }, 120_000);

  it("lists the sales in the history and refunds the cash sale", async () => {
    await tab(/Sales/).click();
    await expect.poll(() => page.locator("table.history tbody tr").count()).toBe(3);
    await shot("history");
    await page
      .locator("table.history tbody tr")
      .first()
      .getByRole("button", { name: /Refund sale/ })
      .click();
    await expect.poll(() => page.getByRole("status").first().textContent()).toContain("Refunded");
    await tab(/Settings/).click();
    await page.getByRole("heading", { name: "Settings" }).waitFor();
    await shot("settings");
  }, 60_000);

  it("tells the owner on the self-test screen that the scanner sends no AIM id, and passes once it does", async () => {
    await tab(/Scanner test/).click();
    await page.getByRole("heading", { name: "Scanner self-test" }).waitFor();
    const url = "https://id.gs1.org/01/09521234543213/10/ABC123?17=291231";
    const verdict = async () => (await page.locator(".panel [role=status]").allTextContents()).join(" ");
    // As an owner would, scan the label again if the till did not take it the first time.
    const scanUntil = async (text: string, answer: string) => {
      for (let attempt = 0; attempt < 3 && !(await verdict()).includes(answer); attempt++) {
        await wedgeScan(text);
        await expect
          .poll(verdict, { timeout: 3_000 })
          .toContain(answer)
          .catch(() => undefined);
      }
      expect(await verdict()).toContain(answer);
    };
    await scanUntil(url, "needs a setting changed");
    expect(await verdict()).toContain("The scanner does not send the symbology identifier (AIM id)");
    expect(await verdict()).toMatch(/AIM id \]Q1 is missing/);
    await shot("scanner-self-test");
    await scanUntil(`]Q1${url}`, "set up correctly");
    await tab(/Till/).click();
    expect(await page.locator("tbody tr").count()).toBe(0);
  }, 60_000);

  it("shows the download progress while a large rule feed loads", async () => {
    // 5,000 more notices (one per made-up GTIN under the demo prefix) make a feed file of a few megabytes; the
    // page's network is slowed to 1 MB/s so the download takes long enough to watch.
    const gtin = (n: number) => {
      const body = `0690123${String(50000 + n).padStart(6, "0")}`;
      const sum = [...body].reduce((total, digit, index) => total + Number(digit) * (index % 2 === 0 ? 3 : 1), 0);
      return `${body}${(10 - (sum % 10)) % 10}`;
    };
    const notices = Array.from({ length: 5000 }, (_, n) => ({
      id: `e2e:bulk:${n}`,
      version: 1,
      kind: "recall",
      status: "active",
      source: { authority: "PRODUCER", ref: `BULK-${n}` },
      severity: { scheme: "CN_RECALL", level: "三级", normalized: "medium" },
      reasons: [{ text: { "zh-CN": "批量测试召回", en: "Bulk test recall" } }],
      effective: { from: "2026-01-01" },
      action: { atTill: "block", ifAttributeUnknown: "warn" },
      products: [{ gtin: gtin(n), batches: [`B${n}`] }],
    }));
    const published = await fetch(new URL("admin/notices", demo.hubUrl), {
      method: "POST",
      headers: { authorization: `Bearer ${demo.tokens.adminToken}`, "content-type": "application/json" },
      body: JSON.stringify(notices),
    });
    expect(published.status).toBeLessThan(300);
    const { feedVersion } = (await published.json()) as { feedVersion: number };
    const cdp = await context.newCDPSession(page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 20,
      downloadThroughput: 1_000_000,
      uploadThroughput: 1_000_000,
    });
    await tab(/Settings/).click();
    await page.getByRole("button", { name: "Sync rules now" }).click();
    const progress = page.getByRole("progressbar");
    await expect.poll(() => progress.count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId("feed").textContent()).toMatch(/Rules v\d+/);
    expect(await page.locator(".status").textContent()).toMatch(/Loading rules \d+%/);
    await shot("feed-progress");
    await expect
      .poll(() => page.getByTestId("feed").textContent(), { timeout: 60_000 })
      .toContain(`Rules v${feedVersion}`);
    expect(await progress.count()).toBe(0);
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: -1,
    });
    await cdp.detach();
  }, 120_000);
});
