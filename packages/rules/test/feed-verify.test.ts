// Each attack on a published feed is refused with its code, by both Ed25519 implementations, and a till that is
// refused keeps what it held (verifyFeedUpdate never mutates `held`).
import { sign } from "node:crypto";
import { rm } from "node:fs/promises";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { toBase64Url } from "../src/feed/base64url.js";
import { nobleEd25519, webCryptoEd25519 } from "../src/feed/ed25519-verifier.js";
import { loadPrivateKey } from "../src/feed/feed-keys.js";
import { applyDelta } from "../src/feed/feed-state.js";
import type { FeedManifest } from "../src/feed/manifest-schema.js";
import { verifyDelta } from "../src/feed/verify-document.js";
import { verifyFeedUpdate } from "../src/feed/verify-feed-update.js";
import { verifyManifest } from "../src/feed/verify-manifest.js";
import {
  bytesOf,
  editJson,
  folderReader,
  HOUR_MS,
  NOW_MS,
  notice,
  otherKey,
  publisherKey,
  publishInto,
  publishVersions,
} from "./feed-helpers.js";

/** Signs arbitrary manifest bytes with the publisher's key, for documents a real publisher would never write. */
function signatureFileFor(manifestBytes: Uint8Array, keyId = publisherKey.publicKey.keyId): Uint8Array {
  const signature = toBase64Url(sign(null, manifestBytes, loadPrivateKey(publisherKey.privateKeyPem)));
  return new TextEncoder().encode(
    JSON.stringify({ format: "scangate-feed-signatures/1", signatures: [{ keyId, signature }] }),
  );
}

describe.each([
  ["WebCrypto", webCryptoEd25519()],
  ["@noble/ed25519", nobleEd25519()],
])("verifying a published feed with %s", (_name, verifier) => {
  const trust = { keys: [publisherKey.publicKey], verifier };
  const manifestOf = async (folder: string) => ({
    manifest: await bytesOf(folder, "manifest.json"),
    signature: await bytesOf(folder, "manifest.json.sig"),
  });

  it("accepts a freshly published feed and hands over every notice", async () => {
    const folder = await publishVersions([notice("samr:1"), notice("samr:2")]);
    const update = await verifyFeedUpdate({ ...trust, readFile: folderReader(folder), nowMs: NOW_MS });
    expect(update.ok && update.value.state).toEqual({ version: 1, notices: [notice("samr:1"), notice("samr:2")] });
    expect(update.ok && update.value.manifest.expiresAt).toBe("2026-11-30T06:00:00.000Z");
  });

  it("refuses a manifest changed after signing, even by one byte", async () => {
    const { manifest, signature } = await manifestOf(await publishVersions([notice("samr:1")]));
    const at = new TextDecoder().decode(manifest).indexOf('"version": 1');
    manifest[at + 11] = "2".charCodeAt(0);
    const result = await verifyManifest(manifest, signature, { ...trust, nowMs: NOW_MS, heldVersion: 0 });
    expect(!result.ok && result.error.code).toBe("BAD_SIGNATURE");
  });

  it("refuses a signature with a flipped bit, and a signature file that is not one", async () => {
    const { manifest, signature } = await manifestOf(await publishVersions([notice("samr:1")]));
    const json = JSON.parse(new TextDecoder().decode(signature));
    const text: string = json.signatures[0].signature;
    json.signatures[0].signature = (text[0] === "A" ? "B" : "A") + text.slice(1);
    const flipped = new TextEncoder().encode(JSON.stringify(json));
    for (const sig of [flipped, new TextEncoder().encode("not a signature"), new Uint8Array(64)]) {
      const result = await verifyManifest(manifest, sig, { ...trust, nowMs: NOW_MS, heldVersion: 0 });
      expect(!result.ok && result.error.code).toBe("BAD_SIGNATURE");
    }
  });

  it("refuses a manifest signed by a key the till does not trust", async () => {
    const { manifest, signature } = await manifestOf(await publishVersions([notice("samr:1")]));
    const options = { keys: [otherKey.publicKey], verifier, nowMs: NOW_MS, heldVersion: 0 };
    const result = await verifyManifest(manifest, signature, options);
    expect(!result.ok && result.error).toMatchObject({ code: "UNKNOWN_KEY", expected: "k-other", found: "k2026" });
  });

  it("refuses a trusted key id whose key material is not the signer's", async () => {
    const { manifest, signature } = await manifestOf(await publishVersions([notice("samr:1")]));
    const impostor = { keyId: "k2026", publicKey: otherKey.publicKey.publicKey };
    const result = await verifyManifest(manifest, signature, {
      keys: [impostor],
      verifier,
      nowMs: NOW_MS,
      heldVersion: 0,
    });
    expect(!result.ok && result.error.code).toBe("BAD_SIGNATURE");
  });

  it("accepts the feed during a key rotation, when the till trusts the old and the new key", async () => {
    const { manifest, signature } = await manifestOf(await publishVersions([notice("samr:1")]));
    const options = { keys: [otherKey.publicKey, publisherKey.publicKey], verifier, nowMs: NOW_MS, heldVersion: 0 };
    expect((await verifyManifest(manifest, signature, options)).ok).toBe(true);
  });

  it("refuses a snapshot edited after publishing (a recall removed)", async () => {
    const folder = await publishVersions([notice("samr:1"), notice("samr:2")]);
    await editJson(folder, "snapshot-1.json", (json) => {
      (json.notices as unknown[]).pop();
    });
    const update = await verifyFeedUpdate({ ...trust, readFile: folderReader(folder), nowMs: NOW_MS });
    expect(!update.ok && update.error).toMatchObject({ code: "HASH_MISMATCH", file: "snapshot-1.json" });
  });

  it("refuses an older manifest than the version the till holds (rollback)", async () => {
    const folder = await publishVersions([notice("samr:1")]);
    const old = await manifestOf(folder);
    // Replayed against a till that has since moved on to version 2.
    const result = await verifyManifest(old.manifest, old.signature, { ...trust, nowMs: NOW_MS, heldVersion: 2 });
    expect(!result.ok && result.error).toMatchObject({ code: "ROLLBACK", expected: ">= 2", found: "1" });
    const same = await verifyManifest(old.manifest, old.signature, { ...trust, nowMs: NOW_MS, heldVersion: 1 });
    expect(same.ok).toBe(true);
  });

  it("refuses a manifest past its expiry (a frozen feed), from the instant it expires", async () => {
    const { manifest, signature } = await manifestOf(await publishVersions([notice("samr:1")]));
    const options = { ...trust, heldVersion: 0 };
    expect((await verifyManifest(manifest, signature, { ...options, nowMs: NOW_MS + 24 * HOUR_MS - 1 })).ok).toBe(true);
    const expired = await verifyManifest(manifest, signature, { ...options, nowMs: NOW_MS + 24 * HOUR_MS });
    expect(!expired.ok && expired.error).toMatchObject({ code: "MANIFEST_EXPIRED", found: "2026-11-30T06:00:00.000Z" });
  });

  it("refuses a correctly signed manifest that fails its schema", async () => {
    const encode = (json: unknown) => new TextEncoder().encode(JSON.stringify(json));
    const folder = await publishVersions([notice("samr:1")]);
    const good: FeedManifest = JSON.parse(new TextDecoder().decode(await bytesOf(folder, "manifest.json")));
    const bad = [
      encode({ format: "scangate-feed-manifest/1", version: -1 }),
      encode({ ...good, snapshot: { ...good.snapshot, file: "../../etc/passwd" } }),
      encode({ ...good, expiresAt: good.issuedAt }),
      encode({ ...good, deltas: [{ file: "d.json", sha256: "0".repeat(64), bytes: 1, fromVersion: 5, toVersion: 9 }] }),
      new TextEncoder().encode("{ not json"),
      new Uint8Array([0xff, 0xfe, 0x7b, 0x7d]),
    ];
    for (const manifest of bad) {
      const result = await verifyManifest(manifest, signatureFileFor(manifest), {
        ...trust,
        nowMs: NOW_MS,
        heldVersion: 0,
      });
      expect(!result.ok && result.error.code).toBe("MALFORMED_DOCUMENT");
    }
  });

  it("brings a till up to date by applying the deltas in order, to the same notices as the snapshot", async () => {
    const changed = { ...notice("samr:2"), version: 2, status: "closed" } as ReturnType<typeof notice>;
    const folder = await publishVersions([notice("samr:1"), notice("samr:2")]);
    const first = await verifyFeedUpdate({ ...trust, readFile: folderReader(folder), nowMs: NOW_MS });
    if (!first.ok) throw new Error(first.error.message);
    const held = first.value.state;
    await publishInto(folder, [notice("samr:1"), changed, notice("samr:3")], NOW_MS + HOUR_MS);
    await publishInto(folder, [changed, notice("samr:3")], NOW_MS + 2 * HOUR_MS);
    const nowMs = NOW_MS + 3 * HOUR_MS;
    const fromSnapshot = await verifyFeedUpdate({ ...trust, readFile: folderReader(folder), nowMs });
    // Without the snapshot file the till can only have used the deltas 1→2→3.
    await rm(join(folder, "snapshot-3.json"));
    const fromDeltas = await verifyFeedUpdate({ ...trust, readFile: folderReader(folder), nowMs, held });
    expect(fromDeltas.ok && fromDeltas.value.state).toEqual({ version: 3, notices: [changed, notice("samr:3")] });
    expect(fromSnapshot.ok && fromSnapshot.value.state).toEqual(fromDeltas.ok && fromDeltas.value.state);
    expect(held).toEqual({ version: 1, notices: [notice("samr:1"), notice("samr:2")] });

    const manifest: FeedManifest = JSON.parse(new TextDecoder().decode(await bytesOf(folder, "manifest.json")));
    const [, secondEntry] = manifest.deltas;
    if (secondEntry === undefined) throw new Error("expected two deltas");
    const second = await verifyDelta(await bytesOf(folder, secondEntry.file), secondEntry);
    const outOfOrder = second.ok && applyDelta(held, second.value);
    expect(outOfOrder && !outOfOrder.ok && outOfOrder.error.code).toBe("DELTA_NOT_APPLICABLE");
  });

  it("refuses a delta edited after publishing, and keeps the held version", async () => {
    const folder = await publishVersions([notice("samr:1")], [notice("samr:1"), notice("samr:2")]);
    await editJson(folder, "delta-1-2.json", (json) => {
      json.upserts = [];
    });
    const held = { version: 1, notices: [notice("samr:1")] };
    const nowMs = NOW_MS + HOUR_MS;
    const update = await verifyFeedUpdate({ ...trust, readFile: folderReader(folder), nowMs, held });
    expect(!update.ok && update.error).toMatchObject({ code: "HASH_MISMATCH", file: "delta-1-2.json" });
    expect(held).toEqual({ version: 1, notices: [notice("samr:1")] });
  });

  it("reads nothing but the manifest when the till already holds the latest version", async () => {
    const folder = await publishVersions([notice("samr:1")]);
    const read: string[] = [];
    const readFile = (file: string) => {
      read.push(file);
      return folderReader(folder)(file);
    };
    const held = { version: 1, notices: [notice("samr:1")] };
    const update = await verifyFeedUpdate({ ...trust, readFile, nowMs: NOW_MS, held });
    expect(update.ok && update.value.state).toBe(held);
    expect(read).toEqual(["manifest.json", "manifest.json.sig"]);
  });

  it("says which file it could not read", async () => {
    const folder = await publishVersions([notice("samr:1")]);
    await rm(join(folder, "snapshot-1.json"));
    const update = await verifyFeedUpdate({ ...trust, readFile: folderReader(folder), nowMs: NOW_MS });
    expect(!update.ok && update.error).toMatchObject({ code: "DOCUMENT_UNAVAILABLE", file: "snapshot-1.json" });
  });
});
