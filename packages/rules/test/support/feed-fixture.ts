// A publisher for the store tests: a fresh key pair and a temp feed folder, published with the feed module's own
// `publishFeed`, so the store is tested against exactly the files a real publisher writes.
import { sign } from "node:crypto";
import { cp, mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { toBase64Url } from "../../src/feed/base64url.js";
import { generateFeedKeyPair, loadPrivateKey } from "../../src/feed/feed-keys.js";
import type { TrustedKey } from "../../src/feed/manifest-schema.js";
import { publishFeed } from "../../src/feed/publish-feed.js";
import type { RuleNotice } from "../../src/schemas.js";

/** 2026-11-29T06:00:00Z: the publisher's and the till's fixed "now". */
export const T0 = Date.parse("2026-11-29T06:00:00.000Z");
export const DAY_MS = 86_400_000;

/** A publisher with its own folder and key. */
export interface FeedFixture {
  readonly folder: string;
  readonly key: TrustedKey;
  /** Publishes the next version of `notices`; returns its version. */
  publish(notices: readonly RuleNotice[], at?: { nowMs?: number; ttlMs?: number }): Promise<number>;
  /** A copy of the folder as it is now, to serve later (a replayed, older feed). */
  copy(): Promise<string>;
  /** Signs arbitrary bytes as `manifest.json` with this publisher's key (a validly signed, malformed manifest). */
  signRawManifest(bytes: Uint8Array): Promise<void>;
  /** Removes the folder and its copies. */
  dispose(): Promise<void>;
}

/** Creates a publisher; `keyId` defaults to "test-key". */
export async function createFeedFixture(keyId = "test-key"): Promise<FeedFixture> {
  const folder = await mkdtemp(join(tmpdir(), "scangate-feed-"));
  const pair = generateFeedKeyPair(keyId);
  const folders = [folder];
  return {
    folder,
    key: pair.publicKey,
    async publish(notices, at = {}) {
      const result = await publishFeed({
        notices,
        privateKeyPem: pair.privateKeyPem,
        keyId,
        outDir: folder,
        nowMs: at.nowMs ?? T0,
        manifestTtlMs: at.ttlMs ?? DAY_MS,
      });
      if (!result.ok) throw new Error(`test feed did not publish: ${result.error.message}`);
      return result.value.manifest.version;
    },
    async copy() {
      const target = await mkdtemp(join(tmpdir(), "scangate-feed-copy-"));
      await cp(folder, target, { recursive: true });
      folders.push(target);
      return target;
    },
    async signRawManifest(bytes) {
      const signature = sign(null, bytes, loadPrivateKey(pair.privateKeyPem));
      const signatures = {
        format: "scangate-feed-signatures/1",
        signatures: [{ keyId, signature: toBase64Url(signature) }],
      };
      await writeFile(join(folder, "manifest.json.sig"), JSON.stringify(signatures));
      await writeFile(join(folder, "manifest.json"), bytes);
    },
    async dispose() {
      await Promise.all(folders.map((path) => rm(path, { recursive: true, force: true })));
    },
  };
}
