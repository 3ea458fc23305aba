// Shared by the feed tests: a fixed clock, notices, a published feed in a temp folder, and its files as bytes.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";
import { generateFeedKeyPair } from "../src/feed/feed-keys.js";
import { publishFeed } from "../src/feed/publish-feed.js";
import type { RuleNotice } from "../src/schemas.js";

export const NOW_MS = Date.parse("2026-11-29T06:00:00.000Z");
export const HOUR_MS = 3_600_000;

/** A batch-scoped failed-inspection notice for one GTIN. */
export function notice(id: string, batch = "LOT2027A", gtin = "09506000134352"): RuleNotice {
  return {
    id,
    version: 1,
    kind: "failed_inspection",
    status: "active",
    source: { authority: "SAMR", ref: id },
    severity: { scheme: "CN_RECALL", level: "一级", normalized: "critical" },
    reasons: [{ text: { "zh-CN": "抽检不合格", en: "failed inspection" } }],
    effective: { from: "2026-11-01T00:00:00Z" },
    action: { atTill: "block", ifAttributeUnknown: "warn" },
    products: [{ gtin, batches: [batch] }],
  } as RuleNotice;
}

const folders: string[] = [];
afterEach(async () => {
  await Promise.all(folders.splice(0).map((folder) => rm(folder, { recursive: true, force: true })));
});

/** A fresh temp folder, removed after the test. */
export async function tempFolder(): Promise<string> {
  const folder = await mkdtemp(join(tmpdir(), "scangate-feed-"));
  folders.push(folder);
  return folder;
}

/** One publisher key, reused: generating keys is not what these tests are about. */
export const publisherKey = generateFeedKeyPair("k2026");
export const otherKey = generateFeedKeyPair("k-other");

/** Publishes the next version of a feed into `outDir`, signed by `publisherKey`, trusted for 24 hours. */
export async function publishInto(outDir: string, notices: RuleNotice[], nowMs: number): Promise<void> {
  const published = await publishFeed({
    notices,
    privateKeyPem: publisherKey.privateKeyPem,
    keyId: publisherKey.publicKey.keyId,
    outDir,
    nowMs,
    manifestTtlMs: 24 * HOUR_MS,
  });
  if (!published.ok) throw new Error(published.error.message);
}

/** Publishes each notice list in turn into a new folder, an hour apart from NOW_MS; returns the folder. */
export async function publishVersions(...versions: RuleNotice[][]): Promise<string> {
  const outDir = await tempFolder();
  for (const [index, notices] of versions.entries()) await publishInto(outDir, notices, NOW_MS + index * HOUR_MS);
  return outDir;
}

/** A feed file's bytes. */
export async function bytesOf(folder: string, file: string): Promise<Uint8Array> {
  return new Uint8Array(await readFile(join(folder, file)));
}

/** A `readFile` for `verifyFeedUpdate` over a folder. */
export function folderReader(folder: string) {
  return (file: string) => bytesOf(folder, file).catch(() => undefined);
}

/** Rewrites a feed file with a change made to its JSON. */
export async function editJson(folder: string, file: string, edit: (json: Record<string, unknown>) => void) {
  const json = JSON.parse(new TextDecoder().decode(await bytesOf(folder, file)));
  edit(json);
  await writeFile(join(folder, file), `${JSON.stringify(json, null, 2)}\n`);
}
