// One sync: a conditional GET of the manifest, then the feed module's `verifyFeedUpdate` judges every file (signature,
// key, hashes, rollback, expiry, schemas) over a reader that fetches with ky, and only a fully verified state is
// committed, in ONE Dexie transaction. Nothing is written before then and the write is all-or-nothing, so a refused
// file, a dropped connection or a killed process leaves the last good version in place (pos-domain.md §6.2).
import type { Ed25519Verifier } from "../feed/ed25519-verifier.js";
import type { FeedChanges } from "../feed/feed-state.js";
import type { TrustedKey } from "../feed/manifest-schema.js";
import { MANIFEST_FILE, verifyFeedUpdate } from "../feed/verify-feed-update.js";
import type { RuleNotice } from "../schemas.js";
import { type CommittedFeed, fitsInOverlay, writeAllNotices, writeOverlay } from "./cached-rules.js";
import type { FeedHttp } from "./feed-http.js";
import type { CachedFeedState, RuleDb } from "./rule-db.js";
import type { StoreError, StoreFailure } from "./store-errors.js";

/** Bytes received of the file being downloaded, for a progress bar while a big snapshot loads. */
export interface SyncProgress {
  /** The feed file, e.g. `snapshot-12.json`. */
  readonly file: string;
  readonly receivedBytes: number;
  /** From Content-Length; 0 when the server did not send one. */
  readonly totalBytes: number;
}

/** What a finished sync did: confirmed the held version (HTTP 304 or a re-signed manifest), or committed a new one
 * (`changes` when it got there through deltas from the held version). */
export type SyncOutcome =
  | { readonly kind: "current"; readonly state: CachedFeedState }
  | {
      readonly kind: "updated";
      readonly state: CachedFeedState;
      readonly notices: readonly RuleNotice[];
      readonly changes?: FeedChanges;
    };

/** Everything one sync needs; the store builds it once per sync. */
export interface SyncContext {
  readonly db: RuleDb;
  readonly http: FeedHttp;
  readonly keys: readonly TrustedKey[];
  readonly verifier: Ed25519Verifier;
  readonly nowMs: () => number;
  /** What the store serves now (loaded from IndexedDB), or `undefined` when it holds nothing. */
  readonly held: { readonly state: CachedFeedState; readonly notices: readonly RuleNotice[] } | undefined;
  readonly onProgress: (progress: SyncProgress) => void;
}

/** A sync's answer; never thrown for feed, network or storage trouble. */
export type SyncResult = { ok: true; value: SyncOutcome } | { ok: false; error: StoreError };

/** Runs one sync against the feed. */
export async function runSync(context: SyncContext): Promise<SyncResult> {
  const { db, http, held } = context;
  const manifest = await http.getManifest(held?.state.manifestEtag);
  if (!manifest.ok) return manifest;
  if (manifest.value.notModified) {
    // Only our own If-None-Match can produce a 304, so `held` is set. The server confirmed it is still the latest,
    // which is what the feed's age (and so the staleness policy) measures from.
    if (!held) return unexpected304();
    const state: CachedFeedState = { ...held.state, syncedAtMs: context.nowMs() };
    const written = await guardStorage(() => db.state.put(state));
    return written.ok ? { ok: true, value: { kind: "current", state } } : written;
  }
  const { manifestBytes, etag } = manifest.value;

  // verifyFeedUpdate reports a file it could not read as DOCUMENT_UNAVAILABLE; keep the network's own reason so
  // status$ can tell "offline" from "the feed is missing a file".
  let networkFailure: StoreFailure | undefined;
  const update = await verifyFeedUpdate({
    keys: context.keys,
    nowMs: context.nowMs(),
    verifier: context.verifier,
    ...(held ? { held: { version: held.state.version, notices: held.notices } } : {}),
    async readFile(file) {
      if (file === MANIFEST_FILE) return manifestBytes;
      const bytes = await http.getFile(file, (receivedBytes, totalBytes) =>
        context.onProgress({ file, receivedBytes, totalBytes }),
      );
      if (bytes.ok) return bytes.value;
      networkFailure ??= bytes.error;
      return undefined;
    },
  });
  if (!update.ok)
    return {
      ok: false,
      error: update.error.code === "DOCUMENT_UNAVAILABLE" && networkFailure ? networkFailure : update.error,
    };

  const feed: CommittedFeed = {
    version: update.value.state.version,
    expiresAt: update.value.manifest.expiresAt,
    syncedAtMs: context.nowMs(),
    ...(etag ? { manifestEtag: etag } : {}),
  };
  if (held && feed.version === held.state.version) {
    // The same version re-signed with a later expiry: only the state row changes (the old ETag goes with it).
    const { manifestEtag: _previous, ...layout } = held.state;
    const state: CachedFeedState = { ...layout, ...feed };
    const written = await guardStorage(() => db.state.put(state));
    return written.ok ? { ok: true, value: { kind: "current", state } } : written;
  }
  const { notices } = update.value.state;
  const { changes } = update.value;
  const committed = await guardStorage(() =>
    held && changes && fitsInOverlay(held.state, changes)
      ? writeOverlay(db, held.state, feed, changes, notices.length)
      : writeAllNotices(db, feed, notices),
  );
  if (!committed.ok) return committed;
  const outcome = { kind: "updated", state: committed.value, notices } as const;
  return { ok: true, value: changes ? { ...outcome, changes } : outcome };
}

function unexpected304(): SyncResult {
  return {
    ok: false,
    error: { code: "FEED_HTTP_ERROR", message: "manifest.json answered 304 to an unconditional GET", status: 304 },
  };
}

/** IndexedDB failures (quota, a closed database, an aborted transaction) become STORAGE_FAILED results. */
export async function guardStorage<T>(
  work: () => Promise<T>,
): Promise<{ ok: true; value: T } | { ok: false; error: StoreFailure }> {
  try {
    return { ok: true, value: await work() };
  } catch (error) {
    return { ok: false, error: { code: "STORAGE_FAILED", message: `IndexedDB: ${(error as Error).message}` } };
  }
}
