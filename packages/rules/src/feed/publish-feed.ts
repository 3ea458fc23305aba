// Node only: writes a feed folder any web server or CDN can serve as static files. Each run is one new version:
// a full snapshot, a delta from the previous version (read back from the same folder), and a freshly signed
// manifest. Re-publishing unchanged notices still bumps the version; that is how the manifest's expiry is renewed.
import { sign } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import type { RuleNotice } from "../schemas.js";
import { toBase64Url } from "./base64url.js";
import { FeedSnapshotSchema } from "./feed-document-schemas.js";
import { type FeedResult, feedError } from "./feed-errors.js";
import { loadPrivateKey } from "./feed-keys.js";
import { sortNotices } from "./feed-state.js";
import { type DeltaEntry, type FeedManifest, FeedManifestSchema, type ManifestSignatures } from "./manifest-schema.js";
import { checkSchema, readJsonDocument } from "./read-json-document.js";
import { sha256Hex } from "./sha256.js";
import { checkPinned } from "./verify-document.js";
import { MANIFEST_FILE } from "./verify-feed-update.js";

/** What `publishFeed` needs. */
export interface PublishFeedOptions {
  /** Every notice in force now; the delta is computed against the previous snapshot in `outDir`. */
  readonly notices: readonly RuleNotice[];
  /** The signing key, PKCS#8 PEM (as written by `scangate-feed keygen`). */
  readonly privateKeyPem: string;
  /** The id tills know the key by. */
  readonly keyId: string;
  /** The feed folder; created when missing, and read for the previous version when it holds a manifest. */
  readonly outDir: string;
  /** The current time, epoch milliseconds; becomes `issuedAt`. */
  readonly nowMs: number;
  /** How long tills may trust the manifest, milliseconds; the feed must be re-published before that. */
  readonly manifestTtlMs: number;
  /** How many deltas the manifest keeps; a till further behind loads the snapshot. @default 30 */
  readonly keepDeltas?: number;
}

/** What was published: the manifest and the files written, in the order they were written. */
export interface PublishedFeed {
  readonly manifest: FeedManifest;
  readonly files: readonly string[];
}

/**
 * Publishes the next feed version into `outDir`.
 * @returns the manifest, or MALFORMED_DOCUMENT / HASH_MISMATCH when the notices or the folder's previous version
 * are not a valid feed (nothing is written then).
 * @throws TypeError when the private key is not an Ed25519 PEM; fs errors other than a missing manifest.
 * @example
 * await publishFeed({ notices, privateKeyPem, keyId: "k2026", outDir: "public/feed",
 *   nowMs: Date.now(), manifestTtlMs: 24 * 3600_000 });
 */
export async function publishFeed(options: PublishFeedOptions): Promise<FeedResult<PublishedFeed>> {
  const { outDir, nowMs, keepDeltas = 30 } = options;
  const privateKey = loadPrivateKey(options.privateKeyPem);
  const previous = await readPreviousVersion(outDir);
  if (!previous.ok) return previous;
  const version = (previous.value?.manifest.version ?? 0) + 1;

  // Checking what we are about to sign refuses input a till would refuse (e.g. a notice id twice) before publishing.
  const snapshot = checkSchema(
    FeedSnapshotSchema,
    { format: "scangate-feed-snapshot/1", version, notices: sortNotices(options.notices) },
    `snapshot-${version}.json`,
  );
  if (!snapshot.ok) return snapshot;
  // Each notice is serialised once: the snapshot is made of these strings, and the delta compares them.
  const noticeJson = snapshot.value.notices.map((notice) => JSON.stringify(notice));
  const files: Array<{ file: string; bytes: Uint8Array }> = [];
  const snapshotFile = {
    file: `snapshot-${version}.json`,
    bytes: encodeText(
      `{"format":"scangate-feed-snapshot/1","version":${version},"notices":[${noticeJson.join(",")}]}\n`,
    ),
  };
  files.push(snapshotFile);

  let deltas: DeltaEntry[] = [];
  if (previous.value !== undefined) {
    const fromVersion = previous.value.manifest.version;
    const { upserts, removals } = deltaBetween(previous.value.noticeJson, snapshot.value.notices, noticeJson);
    const deltaFile = {
      file: `delta-${fromVersion}-${version}.json`,
      bytes: encodeText(
        `{"format":"scangate-feed-delta/1","fromVersion":${fromVersion},"toVersion":${version},` +
          `"upserts":[${upserts.join(",")}],"removals":${JSON.stringify(removals)}}\n`,
      ),
    };
    files.push(deltaFile);
    deltas = [...previous.value.manifest.deltas, { ...(await pin(deltaFile)), fromVersion, toVersion: version }];
  }

  const manifest = FeedManifestSchema.parse({
    format: "scangate-feed-manifest/1",
    version,
    issuedAt: new Date(nowMs).toISOString(),
    expiresAt: new Date(nowMs + options.manifestTtlMs).toISOString(),
    snapshot: { ...(await pin(snapshotFile)), version },
    deltas: deltas.slice(-keepDeltas),
  } satisfies FeedManifest);
  const manifestBytes = encode(manifest);
  const signatures: ManifestSignatures = {
    format: "scangate-feed-signatures/1",
    signatures: [{ keyId: options.keyId, signature: toBase64Url(sign(null, manifestBytes, privateKey)) }],
  };

  await mkdir(outDir, { recursive: true });
  for (const { file, bytes } of files) await writeFile(join(outDir, file), bytes);
  // The signature goes first and the manifest last, each by rename, so a reader never sees half a file; between
  // the two renames a till may see a mismatched pair, refuses it (BAD_SIGNATURE) and keeps its rules until the
  // next poll.
  await replaceFile(join(outDir, `${MANIFEST_FILE}.sig`), encode(signatures));
  await replaceFile(join(outDir, MANIFEST_FILE), manifestBytes);
  return {
    ok: true,
    value: { manifest, files: [...files.map(({ file }) => file), `${MANIFEST_FILE}.sig`, MANIFEST_FILE] },
  };
}

/** The folder's current version: its manifest, and each notice of its snapshot as JSON text by id. */
type PreviousVersion = { manifest: FeedManifest; noticeJson: Map<string, string> } | undefined;

async function readPreviousVersion(outDir: string): Promise<FeedResult<PreviousVersion>> {
  let manifestBytes: Uint8Array;
  try {
    manifestBytes = await readFile(join(outDir, MANIFEST_FILE));
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return { ok: true, value: undefined };
    throw error;
  }
  // Our own folder, so no signature check (the key may have been rotated since); the hash check refuses to build
  // a delta on a snapshot that was edited by hand. Its notices passed the schema when they were published, so only
  // the shape the delta needs is checked here (re-validating 100,000 notices would double the publish time).
  const manifest = readJsonDocument(manifestBytes, FeedManifestSchema, MANIFEST_FILE);
  if (!manifest.ok) return manifest;
  const entry = manifest.value.snapshot;
  const snapshotPath = join(outDir, entry.file);
  const snapshotBytes = await readFile(snapshotPath).catch(() => undefined);
  if (snapshotBytes === undefined)
    return feedError("DOCUMENT_UNAVAILABLE", `${snapshotPath} is missing`, { file: entry.file });
  const pinned = await checkPinned(snapshotBytes, entry);
  if (!pinned.ok) return pinned;
  const snapshot = readJsonDocument(snapshotBytes, PreviousSnapshotShape, entry.file);
  if (!snapshot.ok) return snapshot;
  const noticeJson = new Map(snapshot.value.notices.map((notice) => [notice.id, JSON.stringify(notice)]));
  return { ok: true, value: { manifest: manifest.value, noticeJson } };
}

/** What the delta needs of the previous snapshot: notices with ids (the rest is compared as JSON text). */
const PreviousSnapshotShape = z.object({ notices: z.array(z.looseObject({ id: z.string() })) });

/** Notices added or changed (as their JSON text) and ids removed, from the previous snapshot to this one. */
function deltaBetween(
  before: ReadonlyMap<string, string>,
  notices: readonly RuleNotice[],
  noticeJson: readonly string[],
): { upserts: string[]; removals: string[] } {
  const upserts = noticeJson.filter((json, index) => before.get((notices[index] as RuleNotice).id) !== json);
  const after = new Set(notices.map((notice) => notice.id));
  return { upserts, removals: [...before.keys()].filter((id) => !after.has(id)) };
}

async function pin({ file, bytes }: { file: string; bytes: Uint8Array }) {
  return { file, sha256: await sha256Hex(bytes), bytes: bytes.length };
}

/** Small documents (manifest, signatures) are indented for people who open them. */
function encode(document: unknown): Uint8Array {
  return encodeText(`${JSON.stringify(document, null, 2)}\n`);
}

function encodeText(text: string): Uint8Array {
  return new TextEncoder().encode(text);
}

async function replaceFile(path: string, bytes: Uint8Array): Promise<void> {
  await writeFile(`${path}.tmp`, bytes);
  await rename(`${path}.tmp`, path);
}
