import { readFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it, onTestFinished } from "vitest";
import type { RuleStore } from "../src/store/create-rule-store.js";
import { createFeedFixture, DAY_MS, type FeedFixture, T0 } from "./support/feed-fixture.js";
import { type FeedServer, startFeedServer } from "./support/feed-server.js";
import { GTIN, RECALLED_BATCH, recallNotice } from "./support/notices.js";
import { actionFor, freshDbName, openTestStore } from "./support/store-harness.js";

const RECALLED_SCAN = `(01)${GTIN}(10)${RECALLED_BATCH}`;

/** A till serving version 1 (a blocking recall); the attack then publishes or serves something for version 2. */
async function tillOnVersion1(): Promise<{ feed: FeedFixture; server: FeedServer; store: RuleStore }> {
  const feed = await createFeedFixture();
  onTestFinished(() => feed.dispose());
  await feed.publish([recallNotice("recall-1")]);
  const server = await startFeedServer(feed.folder);
  const store = openTestStore(server.url, freshDbName(), [feed.key]);
  const subscription = store.status$.subscribe();
  onTestFinished(() => {
    subscription.unsubscribe();
    return server.close();
  });
  expect(await store.sync()).toMatchObject({ ok: true, value: { version: 1 } });
  return { feed, server, store };
}

/** Version 2 would lift the recall; every attack below must leave the till blocking. */
const liftRecall = (feed: FeedFixture, at?: { nowMs?: number; ttlMs?: number }) =>
  feed.publish([recallNotice("recall-1", "closed", 2)], at);

async function expectRefusedKeepingVersion1(store: RuleStore, code: string): Promise<void> {
  expect(await store.sync()).toMatchObject({ ok: false, error: { code } });
  expect(actionFor(store, RECALLED_SCAN)).toBe("block");
  const status = await new Promise((resolve) => store.status$.subscribe(resolve).unsubscribe());
  expect(status).toMatchObject({ version: 1, lastError: { code } });
}

describe("createRuleStore: refused feeds keep the last good rules", () => {
  it("refuses a manifest whose bytes were changed after signing (BAD_SIGNATURE)", async () => {
    const { feed, server, store } = await tillOnVersion1();
    await liftRecall(feed);
    const bytes = await readFile(join(feed.folder, "manifest.json"));
    const tampered = new TextEncoder().encode(new TextDecoder().decode(bytes).replace('"version": 2', '"version": 3'));
    server.misbehave("manifest.json", { bytes: tampered });
    await expectRefusedKeepingVersion1(store, "BAD_SIGNATURE");
  });

  it("refuses a feed signed by a key the till does not trust (UNKNOWN_KEY)", async () => {
    const { server, store } = await tillOnVersion1();
    const impostor = await createFeedFixture("impostor-key");
    onTestFinished(() => impostor.dispose());
    await impostor.publish([recallNotice("recall-1", "closed", 2)]);
    await impostor.publish([recallNotice("recall-1", "closed", 3)]);
    server.serve(impostor.folder);
    await expectRefusedKeepingVersion1(store, "UNKNOWN_KEY");
  });

  it("refuses a delta whose bytes differ from the manifest's pin (HASH_MISMATCH)", async () => {
    const { feed, server, store } = await tillOnVersion1();
    await liftRecall(feed);
    const delta = await readFile(join(feed.folder, "delta-1-2.json"));
    server.misbehave("delta-1-2.json", { bytes: new Uint8Array([...delta, 0x20]) });
    await expectRefusedKeepingVersion1(store, "HASH_MISMATCH");
  });

  it("refuses an older feed replayed after a newer one was applied (ROLLBACK)", async () => {
    const { feed, server, store } = await tillOnVersion1();
    const version1Folder = await feed.copy();
    await feed.publish([recallNotice("recall-1", "active", 2)]);
    expect(await store.sync()).toMatchObject({ ok: true, value: { version: 2 } });
    server.serve(version1Folder);
    expect(await store.sync()).toMatchObject({ ok: false, error: { code: "ROLLBACK" } });
    expect(actionFor(store, RECALLED_SCAN)).toBe("block");
  });

  it("refuses a manifest past its expiry (MANIFEST_EXPIRED)", async () => {
    const { feed, store } = await tillOnVersion1();
    await liftRecall(feed, { nowMs: T0 - 3 * DAY_MS, ttlMs: DAY_MS });
    await expectRefusedKeepingVersion1(store, "MANIFEST_EXPIRED");
  });

  it("refuses a validly signed manifest that is not a manifest (MALFORMED_DOCUMENT)", async () => {
    const { feed, store } = await tillOnVersion1();
    await feed.signRawManifest(new TextEncoder().encode('{"format":"scangate-feed-manifest/1","version":"two"}'));
    await expectRefusedKeepingVersion1(store, "MALFORMED_DOCUMENT");
  });
});
