// The store's only network code: GETs of feed files relative to `feedUrl`, with ky's timeout and retries. Feed
// files are static (any CDN can serve them), so a GET is always safe to retry. Failures come back as results:
// a till that is offline is the normal case, not an exception.
import ky, { HTTPError, type KyInstance, TimeoutError } from "ky";
import { type StoreFailure, storeError } from "./store-errors.js";

/** How feed files are fetched; all fields from `RuleStoreOptions`. */
export interface FeedHttpOptions {
  /** Base URL of the feed folder; file names resolve against it. */
  readonly feedUrl: string;
  readonly fetch?: typeof globalThis.fetch;
  readonly timeoutMs: number;
  readonly retryLimit: number;
}

/** A fetched manifest, or the server's word that the one we hold is still current (HTTP 304). */
export type ManifestFetch =
  | { readonly notModified: true }
  | { readonly notModified: false; readonly manifestBytes: Uint8Array; readonly etag?: string };

type Fetched<T> = { ok: true; value: T } | { ok: false; error: StoreFailure };

/** The two GETs a sync makes: the manifest (conditional on its ETag) and any other feed file. */
export interface FeedHttp {
  getManifest(etag: string | undefined): Promise<Fetched<ManifestFetch>>;
  getFile(file: string, onProgress?: (receivedBytes: number, totalBytes: number) => void): Promise<Fetched<Uint8Array>>;
}

/** Builds the fetcher; nothing is requested until a method is called. */
export function createFeedHttp(options: FeedHttpOptions): FeedHttp {
  // A trailing slash makes "manifest.json" extend the folder instead of replacing its last segment (ky 2 `baseUrl`
  // follows standard URL resolution).
  const baseUrl = options.feedUrl.endsWith("/") ? options.feedUrl : `${options.feedUrl}/`;
  const client: KyInstance = ky.create({
    baseUrl,
    timeout: options.timeoutMs,
    // A timeout is retried too: a till on a flaky mobile link often gets the second attempt through.
    retry: { limit: options.retryLimit, methods: ["get"], retryOnTimeout: true },
    // 304 is an answer, not an error; every other non-2xx is turned into FEED_HTTP_ERROR below.
    throwHttpErrors: (status) => status !== 304,
    // A CDN or the browser cache must not answer for the origin: the ETag check is ours to make.
    cache: "no-store",
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });

  async function get(
    file: string,
    headers: Record<string, string>,
    onProgress?: (receivedBytes: number, totalBytes: number) => void,
  ): Promise<Fetched<Response>> {
    const url = new URL(file, baseUrl).href;
    try {
      const response = await client.get(file, {
        headers,
        ...(onProgress
          ? { onDownloadProgress: (progress) => onProgress(progress.transferredBytes, progress.totalBytes) }
          : {}),
      });
      return { ok: true, value: response };
    } catch (error) {
      if (error instanceof HTTPError)
        return storeError("FEED_HTTP_ERROR", `GET ${url} answered ${error.response.status}`, {
          url,
          status: error.response.status,
        });
      const reason = error instanceof TimeoutError ? "timed out" : (error as Error).message;
      return storeError("FEED_UNREACHABLE", `GET ${url} failed: ${reason}`, { url });
    }
  }

  async function bytesOf(response: Response, url: string): Promise<Fetched<Uint8Array>> {
    try {
      return { ok: true, value: new Uint8Array(await response.arrayBuffer()) };
    } catch (error) {
      // The connection died while the body was streaming.
      return storeError("FEED_UNREACHABLE", `reading ${url} failed: ${(error as Error).message}`, { url });
    }
  }

  return {
    async getManifest(etag) {
      const response = await get("manifest.json", etag ? { "if-none-match": etag } : {});
      if (!response.ok) return response;
      if (response.value.status === 304) return { ok: true, value: { notModified: true } };
      const bytes = await bytesOf(response.value, response.value.url);
      if (!bytes.ok) return bytes;
      const newEtag = response.value.headers.get("etag") ?? undefined;
      return {
        ok: true,
        value: { notModified: false, manifestBytes: bytes.value, ...(newEtag ? { etag: newEtag } : {}) },
      };
    },
    async getFile(file, onProgress) {
      const response = await get(file, {}, onProgress);
      if (!response.ok) return response;
      return bytesOf(response.value, response.value.url);
    },
  };
}
