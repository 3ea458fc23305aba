// One feed update, end to end, over an injected file reader: verify the manifest, pick the shortest path from what
// the till holds (the deltas after its version, else the snapshot), verify every file on it, apply. Pure but for
// `readFile`, so the same code serves a till fetching from a CDN and `scangate-feed verify` reading a folder.
import type { Ed25519Verifier } from "./ed25519-verifier.js";
import { type FeedResult, feedError } from "./feed-errors.js";
import { addDeltaChanges, applyDelta, type FeedChanges, type FeedState, stateFromSnapshot } from "./feed-state.js";
import type { FeedManifest, TrustedKey } from "./manifest-schema.js";
import { verifyDelta, verifySnapshot } from "./verify-document.js";
import { verifyManifest } from "./verify-manifest.js";

/** The name of the manifest in a feed folder; its signatures are at `${MANIFEST_FILE}.sig`. */
export const MANIFEST_FILE = "manifest.json";

/** Reads one feed file by name (e.g. over HTTP relative to the manifest URL); `undefined` when it is not there. */
export type ReadFeedFile = (file: string) => Promise<Uint8Array | undefined>;

/** What `verifyFeedUpdate` needs. */
export interface VerifyFeedUpdateOptions {
  readonly readFile: ReadFeedFile;
  /** The public keys this till trusts; several during a key rotation. */
  readonly keys: readonly TrustedKey[];
  /** The current time, epoch milliseconds. */
  readonly nowMs: number;
  /** The last good state the till holds, if any. */
  readonly held?: FeedState;
  /** Which Ed25519 implementation to use; see `detectEd25519Verifier`. */
  readonly verifier: Ed25519Verifier;
}

/** A verified update: the manifest (for its `expiresAt`, the staleness clock) and the state it leads to. */
export interface FeedUpdate {
  readonly manifest: FeedManifest;
  readonly state: FeedState;
  /** When the update was reached through deltas from `held`: their net changes, so a cache can write only those.
   * Absent after a snapshot (everything changed) and when `held` is already the latest version (nothing did). */
  readonly changes?: FeedChanges;
}

/**
 * Reads and verifies the feed's latest version. On any refusal the till keeps `held`: nothing here mutates it.
 * @returns the new state (the same version as `held` when nothing changed), or the first refusal.
 */
export async function verifyFeedUpdate(options: VerifyFeedUpdateOptions): Promise<FeedResult<FeedUpdate>> {
  const { readFile, held } = options;
  const manifestBytes = await read(readFile, MANIFEST_FILE);
  if (!manifestBytes.ok) return manifestBytes;
  const signatureBytes = await read(readFile, `${MANIFEST_FILE}.sig`);
  if (!signatureBytes.ok) return signatureBytes;
  const verified = await verifyManifest(manifestBytes.value, signatureBytes.value, {
    keys: options.keys,
    nowMs: options.nowMs,
    heldVersion: held?.version ?? 0,
    verifier: options.verifier,
  });
  if (!verified.ok) return verified;
  const manifest = verified.value;
  if (held !== undefined && held.version === manifest.version) return { ok: true, value: { manifest, state: held } };

  const firstDelta = held === undefined ? -1 : manifest.deltas.findIndex((d) => d.fromVersion === held.version);
  if (held !== undefined && firstDelta >= 0) {
    let state: FeedState = held;
    let changes: FeedChanges = { upserts: [], removals: [] };
    for (const entry of manifest.deltas.slice(firstDelta)) {
      const bytes = await read(readFile, entry.file);
      if (!bytes.ok) return bytes;
      const delta = await verifyDelta(bytes.value, entry);
      if (!delta.ok) return delta;
      const applied = applyDelta(state, delta.value);
      if (!applied.ok) return applied;
      state = applied.value;
      changes = addDeltaChanges(changes, delta.value);
    }
    return { ok: true, value: { manifest, state, changes } };
  }
  const bytes = await read(readFile, manifest.snapshot.file);
  if (!bytes.ok) return bytes;
  const snapshot = await verifySnapshot(bytes.value, manifest.snapshot);
  if (!snapshot.ok) return snapshot;
  return { ok: true, value: { manifest, state: stateFromSnapshot(snapshot.value) } };
}

async function read(readFile: ReadFeedFile, file: string): Promise<FeedResult<Uint8Array>> {
  const bytes = await readFile(file);
  return bytes === undefined
    ? feedError("DOCUMENT_UNAVAILABLE", `${file} could not be read`, { file })
    : { ok: true, value: bytes };
}
