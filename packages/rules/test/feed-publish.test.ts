// What the publisher writes: static files any web server can host, one new version per run, a delta from the
// version before, and nothing at all when the input or the folder is not a valid feed.
import { generateKeyPairSync } from "node:crypto";
import { readdir } from "node:fs/promises";
import { describe, expect, it } from "vitest";
import { webCryptoEd25519 } from "../src/feed/ed25519-verifier.js";
import type { FeedManifest } from "../src/feed/manifest-schema.js";
import { publishFeed } from "../src/feed/publish-feed.js";
import { verifyFeedUpdate } from "../src/feed/verify-feed-update.js";
import {
  bytesOf,
  editJson,
  folderReader,
  HOUR_MS,
  NOW_MS,
  notice,
  publisherKey,
  publishInto,
  publishVersions,
  tempFolder,
} from "./feed-helpers.js";

const json = async (folder: string, file: string) => JSON.parse(new TextDecoder().decode(await bytesOf(folder, file)));
const options = (outDir: string) => ({
  privateKeyPem: publisherKey.privateKeyPem,
  keyId: "k2026",
  outDir,
  nowMs: NOW_MS,
  manifestTtlMs: HOUR_MS,
});

describe("publishFeed", () => {
  it("writes a snapshot, a signed manifest and no delta for the first version", async () => {
    const folder = await publishVersions([notice("samr:2"), notice("samr:1")]);
    expect((await readdir(folder)).sort()).toEqual(["manifest.json", "manifest.json.sig", "snapshot-1.json"]);
    const manifest: FeedManifest = await json(folder, "manifest.json");
    expect(manifest).toMatchObject({
      format: "scangate-feed-manifest/1",
      version: 1,
      issuedAt: "2026-11-29T06:00:00.000Z",
      expiresAt: "2026-11-30T06:00:00.000Z",
      snapshot: { file: "snapshot-1.json", version: 1 },
      deltas: [],
    });
    expect((await json(folder, "snapshot-1.json")).notices.map((n: { id: string }) => n.id)).toEqual([
      "samr:1",
      "samr:2",
    ]);
    expect(await json(folder, "manifest.json.sig")).toMatchObject({ signatures: [{ keyId: "k2026" }] });
  });

  it("writes the next version with a delta of what was added, changed and removed", async () => {
    const changed = { ...notice("samr:2"), status: "closed" } as ReturnType<typeof notice>;
    const folder = await publishVersions(
      [notice("samr:1"), notice("samr:2"), notice("samr:3")],
      [notice("samr:1"), changed, notice("samr:4")],
    );
    expect(await json(folder, "delta-1-2.json")).toEqual({
      format: "scangate-feed-delta/1",
      fromVersion: 1,
      toVersion: 2,
      upserts: [changed, notice("samr:4")],
      removals: ["samr:3"],
    });
    const manifest: FeedManifest = await json(folder, "manifest.json");
    expect(manifest.deltas).toMatchObject([{ file: "delta-1-2.json", fromVersion: 1, toVersion: 2 }]);
  });

  it("keeps the newest deltas only; a till further behind loads the snapshot instead", async () => {
    const outDir = await tempFolder();
    for (let version = 1; version <= 4; version++) {
      const published = await publishFeed({
        ...options(outDir),
        notices: [notice(`samr:${version}`)],
        nowMs: NOW_MS + version * HOUR_MS,
        keepDeltas: 2,
      });
      expect(published.ok).toBe(true);
    }
    const manifest: FeedManifest = await json(outDir, "manifest.json");
    expect(manifest.deltas.map((delta) => delta.file)).toEqual(["delta-2-3.json", "delta-3-4.json"]);
    const update = await verifyFeedUpdate({
      readFile: folderReader(outDir),
      keys: [publisherKey.publicKey],
      verifier: webCryptoEd25519(),
      nowMs: NOW_MS + 4 * HOUR_MS,
      held: { version: 1, notices: [notice("samr:1")] },
    });
    expect(update.ok && update.value.state).toEqual({ version: 4, notices: [notice("samr:4")] });
  });

  it("refuses notices a till would refuse (one id twice), and writes nothing", async () => {
    const outDir = await tempFolder();
    const published = await publishFeed({ ...options(outDir), notices: [notice("samr:1"), notice("samr:1", "B")] });
    expect(!published.ok && published.error.code).toBe("MALFORMED_DOCUMENT");
    expect(await readdir(outDir)).toEqual([]);
  });

  it("refuses to build the next version on a snapshot that was edited by hand", async () => {
    const folder = await publishVersions([notice("samr:1")]);
    await editJson(folder, "snapshot-1.json", (snapshot) => {
      snapshot.notices = [];
    });
    const published = await publishFeed({ ...options(folder), notices: [notice("samr:1")] });
    expect(!published.ok && published.error).toMatchObject({ code: "HASH_MISMATCH", file: "snapshot-1.json" });
    expect((await json(folder, "manifest.json")).version).toBe(1);
  });

  it("re-publishing the same notices renews the expiry with an empty delta", async () => {
    const folder = await publishVersions([notice("samr:1")]);
    await publishInto(folder, [notice("samr:1")], NOW_MS + 20 * HOUR_MS);
    expect(await json(folder, "delta-1-2.json")).toMatchObject({ upserts: [], removals: [] });
    expect((await json(folder, "manifest.json")).expiresAt).toBe("2026-12-01T02:00:00.000Z");
  });

  it("throws for a private key that is not Ed25519 (the publisher's own configuration)", async () => {
    const rsa = generateKeyPairSync("rsa", { modulusLength: 1024 }).privateKey.export({ type: "pkcs8", format: "pem" });
    await expect(
      publishFeed({ ...options(await tempFolder()), privateKeyPem: rsa.toString(), notices: [] }),
    ).rejects.toThrow(TypeError);
  });
});
