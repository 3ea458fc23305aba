// How the cache keeps a large notice set in IndexedDB (src/store/rule-db.ts): chunks of a full write plus one
// overlay per delta, compaction when overlays grow, and a damaged cache noticed rather than half-served.
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { describe, expect, it, onTestFinished } from "vitest";
import type { RuleNotice } from "../src/schemas.js";
import { openRuleDb } from "../src/store/rule-db.js";
import { createFeedFixture } from "./support/feed-fixture.js";
import { startFeedServer } from "./support/feed-server.js";
import { GTIN, recallNotice } from "./support/notices.js";
import { actionFor, freshDbName, openTestStore, statusWhere } from "./support/store-harness.js";

const NOTICES = 2_500; // three chunks of 1,000
/** Notice `index` recalls batch B<index> of the test GTIN. */
const batchNotice = (index: number, status: RuleNotice["status"] = "active", version = 1): RuleNotice => ({
  ...recallNotice(`n${String(index).padStart(5, "0")}`, status, version),
  products: [{ gtin: GTIN, batches: [`B${index}`] }],
});
const scanOf = (index: number) => `(01)${GTIN}(10)B${index}`;
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, offset) => from + offset);

/** A feed on 127.0.0.1 holding version 1 (NOTICES active recalls) and a till that synced it. */
async function tillOnVersion1() {
  const feed = await createFeedFixture();
  onTestFinished(() => feed.dispose());
  await feed.publish(range(0, NOTICES).map((index) => batchNotice(index)));
  const server = await startFeedServer(feed.folder);
  onTestFinished(() => server.close());
  const dbName = freshDbName();
  const store = openTestStore(server.url, dbName, [feed.key]);
  expect(await store.sync()).toMatchObject({ ok: true, value: { version: 1 } });
  return { feed, server, dbName };
}

/** The rows the cache holds now. */
async function rowsOf(dbName: string) {
  const db = openRuleDb(dbName, { indexedDB, IDBKeyRange });
  try {
    return { chunks: await db.chunks.count(), overlays: await db.overlays.count(), state: await db.state.get("feed") };
  } finally {
    db.close();
  }
}

describe("createRuleStore: the cache layout", () => {
  it("commits a delta as one overlay row, and a reload serves the same verdicts offline", async () => {
    const { feed, server, dbName } = await tillOnVersion1();
    expect(await rowsOf(dbName)).toMatchObject({ chunks: 3, overlays: 0, state: { noticeCount: NOTICES } });
    // Version 2: 10 recalls closed, 5 removed, 3 added.
    await feed.publish([
      ...range(0, 10).map((index) => batchNotice(index, "closed", 2)),
      ...range(15, NOTICES).map((index) => batchNotice(index)),
      ...range(NOTICES, NOTICES + 3).map((index) => batchNotice(index)),
    ]);
    const online = openTestStore(server.url, dbName, [feed.key]);
    const subscription = online.status$.subscribe();
    expect(await online.sync()).toMatchObject({ ok: true, value: { version: 2 } });
    const verdicts = () =>
      [0, 9, 10, 12, 15, NOTICES - 1, NOTICES + 2].map((index) => actionFor(online, scanOf(index)));
    const expected = ["allow", "allow", "allow", "allow", "block", "block", "block"];
    expect(verdicts()).toEqual(expected);
    subscription.unsubscribe();
    expect(await rowsOf(dbName)).toMatchObject({
      chunks: 3,
      overlays: 1,
      state: { version: 2, noticeCount: NOTICES - 2, overlayNotices: 18 },
    });

    await server.close();
    const offline = openTestStore(server.url, dbName, [feed.key]);
    const offlineSubscription = offline.status$.subscribe();
    await statusWhere(offline.status$, (status) => status.lastError !== undefined);
    expect([0, 9, 10, 12, 15, NOTICES - 1, NOTICES + 2].map((index) => actionFor(offline, scanOf(index)))).toEqual(
      expected,
    );
    offlineSubscription.unsubscribe();
  });

  it("rewrites the chunks once overlays would hold more than a tenth of the notices (at least 1,000)", async () => {
    const { feed, server, dbName } = await tillOnVersion1();
    const closing = (count: number) => [
      ...range(0, count).map((index) => batchNotice(index, "closed", 2)),
      ...range(count, NOTICES).map((index) => batchNotice(index)),
    ];
    const store = openTestStore(server.url, dbName, [feed.key]);
    const subscription = store.status$.subscribe();
    await feed.publish(closing(600));
    expect(await store.sync()).toMatchObject({ ok: true, value: { version: 2 } });
    expect(await rowsOf(dbName)).toMatchObject({ overlays: 1, state: { overlayNotices: 600 } });
    await feed.publish(closing(1_200)); // 600 more changes: 1,200 in overlays would pass 1,000
    expect(await store.sync()).toMatchObject({ ok: true, value: { version: 3 } });
    expect(await rowsOf(dbName)).toMatchObject({ chunks: 3, overlays: 0, state: { overlayNotices: 0, version: 3 } });
    expect([0, 1_199, 1_200].map((index) => actionFor(store, scanOf(index)))).toEqual(["allow", "allow", "block"]);
    subscription.unsubscribe();
  });

  it.each([
    ["a chunk row is missing", async (db: ReturnType<typeof openRuleDb>) => db.chunks.delete(1)],
    ["a chunk row is not JSON", async (db: ReturnType<typeof openRuleDb>) => db.chunks.put({ index: 2, json: "[{" })],
    ["a chunk row lost notices", async (db: ReturnType<typeof openRuleDb>) => db.chunks.put({ index: 2, json: "[]" })],
  ])("serves nothing from a damaged cache (%s) and replaces it at the next sync", async (_case, damage) => {
    const { feed, server, dbName } = await tillOnVersion1();
    const db = openRuleDb(dbName, { indexedDB, IDBKeyRange });
    await damage(db);
    db.close();

    server.misbehave("manifest.json", { status: 503 });
    const store = openTestStore(server.url, dbName, [feed.key]);
    const subscription = store.status$.subscribe();
    const loaded = await statusWhere(store.status$, (status) => status.loaded);
    expect(loaded).toMatchObject({ lastError: { code: "CACHE_CORRUPT" } });
    expect(loaded.version).toBeUndefined();
    expect(actionFor(store, scanOf(0))).toBe("NO_RULES");

    server.reset();
    expect(await store.sync()).toMatchObject({ ok: true, value: { version: 1 } });
    expect([0, 1_500, NOTICES - 1].map((index) => actionFor(store, scanOf(index)))).toEqual([
      "block",
      "block",
      "block",
    ]);
    subscription.unsubscribe();
    expect(await rowsOf(dbName)).toMatchObject({ chunks: 3, overlays: 0, state: { noticeCount: NOTICES } });
  });
});
