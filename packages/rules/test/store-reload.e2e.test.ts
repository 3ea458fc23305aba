// A page reloaded in the middle of a sync, in real headless Chromium on real IndexedDB: whenever the reload lands
// (during the download, the verification or the commit), the reloaded page serves either the old version or the new
// one, whole — never a mix, never nothing.
import { fileURLToPath } from "node:url";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs, chromiumPath } from "../../../test/support/chromium.js";
import { serveTestPage, type TestPage } from "../../../test/support/page-server.js";
import type { RuleNotice } from "../src/schemas.js";
import { createFeedFixture, type FeedFixture } from "./support/feed-fixture.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";
import { GTIN, recallNotice } from "./support/notices.js";
import type { PageStoreConfig, ServedRules } from "./support/reload-page/main.js";

const NOTICES = 30_000;
/** Port 9 (discard) on loopback refuses connections: the reloaded page finds the feed offline. */
const OFFLINE_URL = "http://127.0.0.1:9/feed/";
const RELOAD_POINTS = 8;

/** Version 1 recalls batches B0…; version 2 closes every one of them and recalls batches C0… instead, so the
 * delta is far past the overlay limit and the commit rewrites every chunk: the longest transaction there is. */
const version1 = Array.from({ length: NOTICES }, (_, index) => batchRecall(`v1-${index}`, `B${index}`));
const version2 = [
  ...version1.map((notice) => ({ ...notice, version: 2, status: "closed" as const })),
  ...Array.from({ length: NOTICES }, (_, index) => batchRecall(`v2-${index}`, `C${index}`)),
];
const PROBES = [0, NOTICES / 2, NOTICES - 1].flatMap((index) => [
  `(01)${GTIN}(10)B${index}`,
  `(01)${GTIN}(10)C${index}`,
]);
const SERVES_V1 = { version: 1, actions: ["block", "allow", "block", "allow", "block", "allow"] };
const SERVES_V2 = { version: 2, actions: ["allow", "block", "allow", "block", "allow", "block"] };

function batchRecall(id: string, batch: string): RuleNotice {
  return { ...recallNotice(id), products: [{ gtin: GTIN, batches: [batch] }] };
}

let feed: FeedFixture;
let version1Folder: string;
let feedServer: FeedServer;
let testPage: TestPage;
let browser: Browser;

beforeAll(async () => {
  feed = await createFeedFixture();
  await feed.publish(version1);
  version1Folder = await feed.copy();
  await feed.publish(version2);
  feedServer = await startFeedServer(version1Folder);
  testPage = await serveTestPage(fileURLToPath(new URL("./support/reload-page/main.ts", import.meta.url)));
  browser = await chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs] });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await testPage?.close();
  await feedServer?.close();
  await feed?.dispose();
});

async function openPage(): Promise<Page> {
  const page = await browser.newPage();
  await page.goto(testPage.url);
  await page.waitForFunction(() => "ruleStorePage" in window);
  return page;
}

async function reloaded(page: Page): Promise<void> {
  await page.reload();
  await page.waitForFunction(() => "ruleStorePage" in window);
}

function sync(page: Page, config: PageStoreConfig) {
  return page.evaluate((c) => window.ruleStorePage.sync(c), config);
}

function served(page: Page, dbName: string): Promise<ServedRules> {
  const config: PageStoreConfig = { feedUrl: OFFLINE_URL, key: feed.key, dbName };
  return page.evaluate(([c, scans]) => window.ruleStorePage.served(c, scans), [config, PROBES] as const);
}

/** A page whose cache `dbName` holds version 1, with the feed now serving version 2. */
async function pageHoldingVersion1(dbName: string): Promise<Page> {
  feedServer.serve(version1Folder);
  const page = await openPage();
  expect(await sync(page, { feedUrl: feedServer.url, key: feed.key, dbName })).toMatchObject({ ok: true, version: 1 });
  feedServer.serve(feed.folder);
  return page;
}

describe("createRuleStore in Chromium: a reload in the middle of a sync", () => {
  it("serves version 1 or version 2 whole, wherever the reload lands", async () => {
    // How long an uninterrupted 1 → 2 sync takes here, to spread the reloads over it.
    const timing = await pageHoldingVersion1("calibration");
    const full = await sync(timing, { feedUrl: feedServer.url, key: feed.key, dbName: "calibration" });
    expect(full).toMatchObject({ ok: true, version: 2 });
    expect(await served(timing, "calibration")).toMatchObject(SERVES_V2);
    await timing.close();

    // Reloads spread from the start of the sync to its end; the last point waits for the sync to finish, so the
    // sweep always ends past the commit, however loaded the machine is.
    const outcomes: number[] = [];
    for (let point = 0; point <= RELOAD_POINTS; point++) {
      const dbName = `reload-${point}`;
      const page = await pageHoldingVersion1(dbName);
      const running = sync(page, { feedUrl: feedServer.url, key: feed.key, dbName }).catch(() => undefined);
      if (point === RELOAD_POINTS) await running;
      else await new Promise((resolve) => setTimeout(resolve, (full.ms * point) / RELOAD_POINTS));
      await reloaded(page);
      const after = await served(page, dbName);
      expect(after).toMatchObject(after.version === 1 ? SERVES_V1 : SERVES_V2);
      outcomes.push(after.version ?? 0);
      await page.close();
    }
    // The reloads landed both before and after the commit: the sweep crossed it.
    expect(outcomes).toContain(1);
    expect(outcomes).toContain(2);
  }, 180_000);
});
