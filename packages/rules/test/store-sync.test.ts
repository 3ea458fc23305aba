import { parse } from "@scangate/gs1";
import { describe, expect, it, onTestFinished } from "vitest";
import type { RuleStoreStatus } from "../src/store/create-rule-store.js";
import { createFeedFixture, type FeedFixture } from "./support/feed-fixture.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";
import { GTIN, RECALLED_BATCH, recallNotice } from "./support/notices.js";
import { actionFor, freshDbName, openTestStore, statusWhere } from "./support/store-harness.js";

const RECALLED_SCAN = `(01)${GTIN}(10)${RECALLED_BATCH}`;
const OTHER_BATCH_SCAN = `(01)${GTIN}(10)LOT2027B`;

/** Version 1 (one blocking recall), published and served on 127.0.0.1 until the test ends. */
async function publishedFeed(): Promise<{ feed: FeedFixture; server: FeedServer }> {
  const feed = await createFeedFixture();
  onTestFinished(() => feed.dispose());
  await feed.publish([recallNotice("recall-1")]);
  const server = await startFeedServer(feed.folder);
  onTestFinished(() => server.close());
  return { feed, server };
}

describe("createRuleStore: sync from a signed feed", () => {
  it("refuses to gate before any verified rules are held", async () => {
    const { feed, server } = await publishedFeed();
    const store = openTestStore(server.url, freshDbName(), [feed.key]);
    expect(actionFor(store, RECALLED_SCAN)).toBe("NO_RULES");
    expect(server.requests).toEqual([]); // nothing starts at creation
  });

  it("blocks a recalled batch after the first sync, and allows other batches", async () => {
    const { feed, server } = await publishedFeed();
    const store = openTestStore(server.url, freshDbName(), [feed.key]);
    const subscription = store.status$.subscribe();
    const synced = await store.sync();
    expect(synced).toMatchObject({ ok: true, value: { version: 1, loaded: true, syncing: false, expired: false } });
    expect(actionFor(store, RECALLED_SCAN)).toBe("block");
    expect(actionFor(store, OTHER_BATCH_SCAN)).toBe("allow");
    const scan = parse(RECALLED_SCAN);
    if (!scan.ok) throw new Error("bad test scan");
    expect(store.verdict(scan.value, { today: "2026-11-29" })).toMatchObject({
      ok: true,
      value: { feedVersion: 1, feedAgeMs: 0, reasons: [{ source: "notice", noticeId: "recall-1" }] },
    });
    subscription.unsubscribe();
  });

  it("status$ starts a sync on subscribe and reports version, age and expiry", async () => {
    const { feed, server } = await publishedFeed();
    const clock = { nowMs: Date.parse("2026-11-29T07:00:00.000Z") };
    const store = openTestStore(server.url, freshDbName(), [feed.key], { clock });
    const status = await statusWhere(store.status$, (s) => s.version === 1);
    expect(status).toMatchObject({
      loaded: true,
      lastSyncAtMs: clock.nowMs,
      ageMs: 0,
      expiresAt: "2026-11-30T06:00:00.000Z",
      expired: false,
    });
    expect(status.lastError).toBeUndefined();
  });

  it("applies a later version that closes the notice, fetching only the delta", async () => {
    const { feed, server } = await publishedFeed();
    const store = openTestStore(server.url, freshDbName(), [feed.key]);
    const subscription = store.status$.subscribe();
    await store.sync();
    expect(actionFor(store, RECALLED_SCAN)).toBe("block");

    await feed.publish([recallNotice("recall-1", "closed", 2)]);
    server.requests.length = 0;
    expect(await store.sync()).toMatchObject({ ok: true, value: { version: 2 } });
    expect(actionFor(store, RECALLED_SCAN)).toBe("allow");
    expect(server.requests.map((r) => r.path)).toEqual([
      "/feed/manifest.json",
      "/feed/manifest.json.sig",
      "/feed/delta-1-2.json",
    ]);
    subscription.unsubscribe();
  });

  it("keeps age and expiry current on status$ while offline, with nothing synced", async () => {
    const { feed, server } = await publishedFeed();
    const clock = { nowMs: Date.parse("2026-11-29T07:00:00.000Z") };
    const store = openTestStore(server.url, freshDbName(), [feed.key], { clock, statusRefreshMs: 20 });
    const subscription = store.status$.subscribe();
    await statusWhere(store.status$, (s) => s.version === 1 && !s.syncing);
    await server.close();
    clock.nowMs += 2 * 86_400_000; // two days on: past the manifest's expiry (one day after publishing)
    const later = await statusWhere(store.status$, (s) => s.expired);
    expect(later).toMatchObject({ version: 1, ageMs: 2 * 86_400_000, expired: true });
    expect(actionFor(store, RECALLED_SCAN)).toBe("block");
    subscription.unsubscribe();
  });

  it("asks with If-None-Match and accepts a 304 without downloading anything", async () => {
    const { feed, server } = await publishedFeed();
    const clock = { nowMs: Date.parse("2026-11-29T07:00:00.000Z") };
    const store = openTestStore(server.url, freshDbName(), [feed.key], { clock });
    const subscription = store.status$.subscribe();
    await store.sync();
    server.requests.length = 0;
    clock.nowMs += 60_000;
    expect(await store.sync()).toMatchObject({ ok: true, value: { version: 1, lastSyncAtMs: clock.nowMs, ageMs: 0 } });
    expect(server.requests).toEqual([{ path: "/feed/manifest.json", status: 304 }]);
    expect(actionFor(store, RECALLED_SCAN)).toBe("block");
    subscription.unsubscribe();
  });

  it("reports download progress of the snapshot on status$", async () => {
    const { feed, server } = await publishedFeed();
    const store = openTestStore(server.url, freshDbName(), [feed.key]);
    const seen: RuleStoreStatus[] = [];
    const subscription = store.status$.subscribe((status) => seen.push(status));
    await statusWhere(store.status$, (s) => s.version === 1);
    const progress = seen.flatMap((s) => (s.progress ? [s.progress] : []));
    expect(progress.at(-1)).toMatchObject({ file: "snapshot-1.json" });
    expect(progress.at(-1)?.receivedBytes).toBe(progress.at(-1)?.totalBytes);
    expect(seen.at(-1)?.progress).toBeUndefined();
    subscription.unsubscribe();
  });

  it("retries a failed GET with back-off and then syncs", async () => {
    const { feed, server } = await publishedFeed();
    server.misbehave("snapshot-1.json", { status: 503, times: 1 });
    const store = openTestStore(server.url, freshDbName(), [feed.key], { retryLimit: 1 });
    expect(await store.sync()).toMatchObject({ ok: true, value: { version: 1 } });
    expect(server.requests.filter((r) => r.path === "/feed/snapshot-1.json").map((r) => r.status)).toEqual([503, 200]);
  });

  it("reports FEED_HTTP_ERROR with the status when the retries run out", async () => {
    const { feed, server } = await publishedFeed();
    server.misbehave("manifest.json", { status: 404 });
    const store = openTestStore(server.url, freshDbName(), [feed.key]);
    expect(await store.sync()).toMatchObject({
      ok: false,
      error: { code: "FEED_HTTP_ERROR", status: 404, url: `${server.url}manifest.json` },
    });
  });

  it("closes on the last unsubscribe and serves the cache again on the next subscribe", async () => {
    const { feed, server } = await publishedFeed();
    const store = openTestStore(server.url, freshDbName(), [feed.key]);
    const first = store.status$.subscribe();
    const second = store.status$.subscribe();
    await statusWhere(store.status$, (s) => s.version === 1);
    first.unsubscribe();
    expect(actionFor(store, RECALLED_SCAN)).toBe("block"); // one watcher left: still open
    second.unsubscribe();
    expect(actionFor(store, RECALLED_SCAN)).toBe("NO_RULES");

    await server.close();
    const again = store.status$.subscribe();
    await statusWhere(store.status$, (s) => s.loaded && s.version === 1);
    expect(actionFor(store, RECALLED_SCAN)).toBe("block");
    again.unsubscribe();
  });

  it("throws at creation for a trusted key that is not a key", () => {
    expect(() =>
      openTestStore("http://127.0.0.1:9/feed/", freshDbName(), [{ keyId: "k", publicKey: "short" }]),
    ).toThrow(TypeError);
  });

  it("joins a sync already running instead of starting a second one", async () => {
    const { feed, server } = await publishedFeed();
    const store = openTestStore(server.url, freshDbName(), [feed.key]);
    const [first, second] = await Promise.all([store.sync(), store.sync()]);
    expect(first).toEqual(second);
    expect(server.requests.filter((r) => r.path === "/feed/manifest.json")).toHaveLength(1);
  });
});
