import { IDBObjectStore as FDBObjectStore } from "fake-indexeddb";
import { describe, expect, it, onTestFinished } from "vitest";
import { createFeedFixture, type FeedFixture } from "./support/feed-fixture.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";
import { GTIN, RECALLED_BATCH, recallNotice } from "./support/notices.js";
import { actionFor, freshDbName, openTestStore, statusWhere } from "./support/store-harness.js";

const RECALLED_SCAN = `(01)${GTIN}(10)${RECALLED_BATCH}`;
const SECOND_GTIN_SCAN = "(01)09506000134352(10)B1";

/** A till that synced version 1 into `dbName`, then was closed (the page was reloaded or the process killed). */
async function tillHoldingVersion1(): Promise<{ feed: FeedFixture; server: FeedServer; dbName: string }> {
  const feed = await createFeedFixture();
  onTestFinished(() => feed.dispose());
  await feed.publish([recallNotice("recall-1")]);
  const server = await startFeedServer(feed.folder);
  onTestFinished(() => server.close());
  const dbName = freshDbName();
  const store = openTestStore(server.url, dbName, [feed.key]);
  expect(await store.sync()).toMatchObject({ ok: true, value: { version: 1 } });
  return { feed, server, dbName };
}

/** Version 2 adds a recall of a second GTIN, so a test can tell which version is served. */
async function publishVersion2(feed: FeedFixture): Promise<void> {
  const second = { ...recallNotice("recall-2"), products: [{ gtin: "09506000134352" }] };
  await feed.publish([recallNotice("recall-1"), second]);
}

describe("createRuleStore: offline and interrupted syncs", () => {
  it("blocks a recalled batch from IndexedDB when the feed server is down at start", async () => {
    const { feed, server, dbName } = await tillHoldingVersion1();
    await server.close();
    const store = openTestStore(server.url, dbName, [feed.key]);
    const subscription = store.status$.subscribe();
    const failed = await statusWhere(store.status$, (s) => s.lastError !== undefined);
    expect(failed).toMatchObject({ version: 1, loaded: true, lastError: { code: "FEED_UNREACHABLE" } });
    expect(actionFor(store, RECALLED_SCAN)).toBe("block");
    subscription.unsubscribe();
  });

  it("serves cached rules before the first network answer arrives", async () => {
    const { feed, server, dbName } = await tillHoldingVersion1();
    server.misbehave("manifest.json", "hang");
    const store = openTestStore(server.url, dbName, [feed.key], { timeoutMs: 5_000 });
    const subscription = store.status$.subscribe();
    const loaded = await statusWhere(store.status$, (s) => s.loaded && s.syncing);
    expect(loaded).toMatchObject({ version: 1, syncing: true });
    expect(actionFor(store, RECALLED_SCAN)).toBe("block");
    subscription.unsubscribe();
  });

  it.each([
    ["the connection dies mid-download", "drop"],
    ["the server hangs past the timeout", "hang"],
  ] as const)("keeps version 1 when %s, and a later sync completes", async (_case, how) => {
    const { feed, server, dbName } = await tillHoldingVersion1();
    await publishVersion2(feed);
    server.misbehave("delta-1-2.json", how);
    const store = openTestStore(server.url, dbName, [feed.key], { timeoutMs: 300 });
    const subscription = store.status$.subscribe();
    expect(await store.sync()).toMatchObject({ ok: false, error: { code: "FEED_UNREACHABLE" } });
    expect(actionFor(store, RECALLED_SCAN)).toBe("block");
    expect(actionFor(store, SECOND_GTIN_SCAN)).toBe("allow");
    subscription.unsubscribe();

    server.reset();
    const reopened = openTestStore(server.url, dbName, [feed.key]);
    const reopenedSubscription = reopened.status$.subscribe();
    expect(await reopened.sync()).toMatchObject({ ok: true, value: { version: 2 } });
    expect(actionFor(reopened, SECOND_GTIN_SCAN)).toBe("block");
    reopenedSubscription.unsubscribe();
  });

  it("keeps version 1 intact when the commit dies between writes, and a later sync completes", async () => {
    const { feed, server, dbName } = await tillHoldingVersion1();
    await publishVersion2(feed);
    // Simulates a process killed mid-transaction: the first record write of the commit throws, after `clear()` has
    // already emptied the notices inside the same transaction.
    const realPut = FDBObjectStore.prototype.put;
    let writes = 0;
    FDBObjectStore.prototype.put = function (this: IDBObjectStore, ...args: Parameters<typeof realPut>) {
      writes += 1;
      if (writes === 1) throw new Error("killed mid-commit");
      return realPut.apply(this, args);
    };
    try {
      const store = openTestStore(server.url, dbName, [feed.key]);
      expect(await store.sync()).toMatchObject({ ok: false, error: { code: "STORAGE_FAILED" } });
    } finally {
      FDBObjectStore.prototype.put = realPut;
    }
    expect(writes).toBeGreaterThanOrEqual(1);

    const reopened = openTestStore(server.url, dbName, [feed.key]);
    const subscription = reopened.status$.subscribe();
    server.misbehave("manifest.json", { status: 503 });
    const loaded = await statusWhere(reopened.status$, (s) => s.lastError !== undefined);
    expect(loaded).toMatchObject({ version: 1, lastError: { code: "FEED_HTTP_ERROR", status: 503 } });
    expect(actionFor(reopened, RECALLED_SCAN)).toBe("block");
    expect(actionFor(reopened, SECOND_GTIN_SCAN)).toBe("allow");

    server.reset();
    expect(await reopened.sync()).toMatchObject({ ok: true, value: { version: 2 } });
    expect(actionFor(reopened, SECOND_GTIN_SCAN)).toBe("block");
    subscription.unsubscribe();
  });
});
