// Everything that can be wrong with a rule feed, as stable codes. Renaming a code is a breaking change; the feed
// docs (packages/rules/docs/feed.md) list every code and a test checks that list against this file.
// A refused document never replaces anything: the caller keeps serving its last good rules.
import type { Result } from "../errors.js";

/** Why a feed file was refused. */
export type FeedErrorCode =
  /** The `.sig` file is unreadable, or a trusted key's signature does not verify over the manifest's exact bytes. */
  | "BAD_SIGNATURE"
  /** The manifest is signed only by key ids the client does not trust (e.g. a key not yet rolled out). */
  | "UNKNOWN_KEY"
  /** A snapshot or delta whose SHA-256 (or length) differs from what the signed manifest pins. */
  | "HASH_MISMATCH"
  /** A manifest older than the version the client already holds (a replayed or rolled-back feed). */
  | "ROLLBACK"
  /** A manifest past its `expiresAt` (a frozen or replayed stale feed). */
  | "MANIFEST_EXPIRED"
  /** Not UTF-8 JSON, or JSON that fails the document's schema (manifest, signature file, snapshot, delta, key). */
  | "MALFORMED_DOCUMENT"
  /** A delta whose `fromVersion` is not the version it is applied to (out of order, or a gap). */
  | "DELTA_NOT_APPLICABLE"
  /** A file the manifest names could not be read (the caller's `readFile` returned nothing). */
  | "DOCUMENT_UNAVAILABLE";

/** A refused feed file: a stable code, an English message for logs, and the evidence. */
export interface FeedError {
  readonly code: FeedErrorCode;
  /** English, for logs and integrators. */
  readonly message: string;
  /** The feed file at fault, e.g. `manifest.json`, `snapshot-12.json`. */
  readonly file?: string;
  /** What the manifest or the client expected (a hash, a version, a key id list). */
  readonly expected?: string;
  /** What was found instead. */
  readonly found?: string;
  /** Schema failures, as `path: message` lines (MALFORMED_DOCUMENT only). */
  readonly issues?: readonly string[];
}

/** The result of reading a feed file: the value, or why it was refused (the package's one `Result` shape). */
export type FeedResult<T> = Result<T, FeedError>;

/** Builds a refusal; keeps call sites to one line. */
export function feedError(
  code: FeedErrorCode,
  message: string,
  evidence: Omit<FeedError, "code" | "message"> = {},
): { ok: false; error: FeedError } {
  return { ok: false, error: { code, message, ...evidence } };
}
