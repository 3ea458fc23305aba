// scangate-feed end to end in a temp folder: keygen → publish → verify, and what a user sees when a feed is bad.
import { readFile, stat, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runFeedCli } from "../src/cli.js";
import { editJson, HOUR_MS, NOW_MS, notice, tempFolder } from "./feed-helpers.js";
import { startFeedServer } from "./support/feed-server.js";
import { actionFor, freshDbName, openTestStore } from "./support/store-harness.js";

async function run(args: string[], nowMs = NOW_MS) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runFeedCli(args, {
    out: (text) => out.push(text),
    err: (text) => err.push(text),
    nowMs: () => nowMs,
  });
  return { code, out: out.join("\n"), err: err.join("\n") };
}

/** A key pair and a notices file in a fresh folder. */
async function setUp() {
  const folder = await tempFolder();
  const keys = join(folder, "keys");
  const feed = join(folder, "feed");
  const noticesPath = join(folder, "notices.json");
  await writeFile(noticesPath, JSON.stringify([notice("samr:1"), notice("samr:2")]));
  expect((await run(["keygen", "--out", keys])).code).toBe(0);
  const privateKey = join(keys, "feed-key.pem");
  const publicKey = join(keys, "feed-key.pub.json");
  return { folder, feed, noticesPath, privateKey, publicKey };
}

describe("scangate-feed", () => {
  it("makes a key, publishes a feed with it and verifies the feed as a till would", async () => {
    const { feed, noticesPath, privateKey, publicKey } = await setUp();
    expect((await stat(privateKey)).mode & 0o777).toBe(0o600);
    const { keyId } = JSON.parse(await readFile(publicKey, "utf8"));
    expect(keyId).toMatch(/^ed25519-[A-Za-z0-9_-]{16}$/);

    const published = await run(["publish", noticesPath, "--out", feed, "--key", privateKey]);
    expect(published).toMatchObject({ code: 0, err: "" });
    expect(published.out).toContain(`✓ version 1, 2 notices, signed by ${keyId}, expires 2026-11-30T06:00:00.000Z`);
    expect((await run(["publish", noticesPath, "--out", feed, "--key", privateKey], NOW_MS + HOUR_MS)).code).toBe(0);

    const verified = await run(["verify", feed, "--public-key", publicKey], NOW_MS + 2 * HOUR_MS);
    expect(verified).toMatchObject({ code: 0, err: "" });
    expect(verified.out).toContain("✓ version 2: 2 notices, 1 deltas");
  });

  it("publishes files a till's store syncs over HTTP and gates on", async () => {
    const { feed, noticesPath, privateKey, publicKey } = await setUp();
    expect((await run(["publish", noticesPath, "--out", feed, "--key", privateKey])).code).toBe(0);
    const server = await startFeedServer(feed);
    try {
      const store = openTestStore(server.url, freshDbName(), [JSON.parse(await readFile(publicKey, "utf8"))], {
        clock: { nowMs: NOW_MS + HOUR_MS },
      });
      const subscription = store.status$.subscribe(); // holds the store open, as a till does
      expect(await store.sync()).toMatchObject({ ok: true, value: { version: 1 } });
      expect(actionFor(store, "(01)09506000134352(10)LOT2027A")).toBe("block");
      expect(actionFor(store, "(01)09506000134352(10)LOT2027B")).toBe("allow");
      subscription.unsubscribe();
    } finally {
      await server.close();
    }
  });

  it("prints the refusal's code and exits 1 for a tampered or expired feed, or a key it does not know", async () => {
    const { folder, feed, noticesPath, privateKey, publicKey } = await setUp();
    await run(["publish", noticesPath, "--out", feed, "--key", privateKey]);
    const expired = await run(["verify", feed, "--public-key", publicKey, "--at", "2026-12-01T00:00:00Z"]);
    expect(expired).toMatchObject({ code: 1 });
    expect(expired.err).toContain("✗ MANIFEST_EXPIRED");

    const otherKeys = join(folder, "other");
    await run(["keygen", "--out", otherKeys]);
    const unknown = await run(["verify", feed, "--public-key", join(otherKeys, "feed-key.pub.json")]);
    expect(unknown.err).toContain("✗ UNKNOWN_KEY");
    const rotation = ["--public-key", join(otherKeys, "feed-key.pub.json"), "--public-key", publicKey];
    expect((await run(["verify", feed, ...rotation])).code).toBe(0);

    await editJson(feed, "snapshot-1.json", (snapshot) => {
      snapshot.notices = [];
    });
    const tampered = await run(["verify", feed, "--public-key", publicKey]);
    expect(tampered).toMatchObject({ code: 1 });
    expect(tampered.err).toContain("✗ HASH_MISMATCH");
  });

  it("never overwrites a key", async () => {
    const { folder, privateKey } = await setUp();
    const before = await readFile(privateKey, "utf8");
    const again = await run(["keygen", "--out", join(folder, "keys")]);
    expect(again.code).toBe(1);
    expect(again.err).toContain("never overwrites");
    expect(await readFile(privateKey, "utf8")).toBe(before);
  });

  it("refuses a notices file that is not valid and writes no feed", async () => {
    const { folder, feed, privateKey } = await setUp();
    const bad = join(folder, "bad.json");
    await writeFile(bad, JSON.stringify([{ id: "" }]));
    const result = await run(["publish", bad, "--out", feed, "--key", privateKey]);
    expect(result.code).toBe(1);
    expect(result.err).toContain(bad);
    await expect(stat(feed)).rejects.toThrow();
  });

  it("explains its usage and exits 2 for a wrong command line", async () => {
    expect((await run([])).code).toBe(2);
    expect((await run(["--help"])).out).toContain("Usage: scangate-feed");
    expect((await run(["sign"])).err).toContain("Unknown command sign");
    expect((await run(["verify", "feed", "--public-key"])).err).toContain("--public-key takes a value");
    expect((await run(["publish", "n.json", "--out", "feed"])).code).toBe(2);
    expect((await run(["keygen", "--out", "k", "--force"])).err).toContain("Unknown option --force");
  });
});
