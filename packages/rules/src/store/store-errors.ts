// What can go wrong in the cache itself, on top of the feed's own refusals (feed-errors.ts). Codes are stable API.
// None of them ever drops the rules already held: a failed sync leaves the last good version serving.
import type { FeedError } from "../feed/feed-errors.js";

/** Why a sync or a verdict could not be done by the cache (as opposed to a refused feed document). */
export type StoreErrorCode =
  /** The feed server could not be reached: DNS, refused connection, timeout after the retries. */
  | "FEED_UNREACHABLE"
  /** The feed server answered with an HTTP error status (after the retries). */
  | "FEED_HTTP_ERROR"
  /** IndexedDB refused a read or the commit (quota, a blocked upgrade, a closed database). */
  | "STORAGE_FAILED"
  /** The cached rules read back do not match what was committed (missing, extra or unreadable rows): none are
   * served, and the next sync replaces them with a fresh snapshot. */
  | "CACHE_CORRUPT"
  /** No verified rules are held yet (never synced, or the cache is still loading): the till must not gate. */
  | "NO_RULES";

/** A cache failure: a stable code, an English message for logs, and the evidence. */
export interface StoreFailure {
  readonly code: StoreErrorCode;
  /** English, for logs and integrators. */
  readonly message: string;
  /** The URL at fault, for network and HTTP errors. */
  readonly url?: string;
  /** The HTTP status, for FEED_HTTP_ERROR. */
  readonly status?: number;
}

/** Everything `sync()` and `status$` can report: a refused feed document or a cache failure. */
export type StoreError = FeedError | StoreFailure;

/** Builds a cache failure; keeps call sites to one line. */
export function storeError(
  code: StoreErrorCode,
  message: string,
  evidence: Omit<StoreFailure, "code" | "message"> = {},
): { ok: false; error: StoreFailure } {
  return { ok: false, error: { code, message, ...evidence } };
}
