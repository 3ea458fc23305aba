// The outbox's only network code: one POST of an EPCISDocument to a capture URL, with ky's per-request timeout and
// no ky retries (the uploader owns retrying, because it must persist attempts and honour Retry-After across
// restarts). Every reply becomes a verdict about the batch; nothing here throws for network trouble.
import ky, { TimeoutError } from "ky";
import { type SalesError, salesError } from "./errors.js";
import { retryAfterMs } from "./retry-after.js";
import type { RouteTarget } from "./routing.js";

/** What the receiver said about one batch. */
export type CaptureReply =
  /** 2xx: the receiver took every event of the batch. */
  | { readonly kind: "accepted" }
  /** Try again later: network, timeout, 5xx, 408, 429. `network` marks failures that count for the breaker. */
  | { readonly kind: "retry"; readonly error: SalesError; readonly network: boolean; readonly retryAfterMs?: number }
  /** 409: some event already exists (a strict repository); a batch of one is therefore delivered. */
  | { readonly kind: "conflict"; readonly error: SalesError }
  /** Another 4xx: the receiver refuses the batch as it is. */
  | { readonly kind: "rejected"; readonly error: SalesError; readonly bodyExcerpt: string };

/** Posts capture documents. */
export type PostCapture = (target: RouteTarget, documentText: string, nowMs: number) => Promise<CaptureReply>;

/** Options of the capture client (from `SalesOutboxOptions`). */
export interface CaptureClientOptions {
  readonly timeoutMs: number;
  readonly fetch?: typeof globalThis.fetch;
}

const EXCERPT_CHARS = 500;

/** The receiver's own error code and message when its body is `{ error: { code, message } }` (the hub's shape). */
function receiverReason(body: string): string {
  try {
    const parsed = JSON.parse(body) as { error?: { code?: unknown; message?: unknown } };
    const { code, message } = parsed.error ?? {};
    if (typeof code === "string") return typeof message === "string" ? `${code}: ${message}` : code;
  } catch {
    // Not JSON: the excerpt keeps the text.
  }
  return "";
}

/** Builds the POST function; nothing is sent until it is called. */
export function createCaptureClient(options: CaptureClientOptions): PostCapture {
  const client = ky.create({
    timeout: options.timeoutMs,
    retry: 0,
    throwHttpErrors: false,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  return async (target, documentText, nowMs) => {
    const endpoint = target.captureUrl;
    let response: Response;
    try {
      response = await client.post(endpoint, {
        body: documentText,
        headers: {
          authorization: `Bearer ${target.token}`,
          "content-type": "application/ld+json",
          "GS1-EPCIS-Version": "2.0.0",
          "GS1-CBV-Version": "2.0.0",
        },
      });
    } catch (error) {
      if (error instanceof TimeoutError)
        return {
          kind: "retry",
          network: true,
          ...salesError("RECEIVER_TIMEOUT", `POST ${endpoint} timed out after ${options.timeoutMs} ms`, { endpoint }),
        };
      return {
        kind: "retry",
        network: true,
        ...salesError("RECEIVER_UNREACHABLE", `POST ${endpoint} failed: ${(error as Error).message}`, { endpoint }),
      };
    }
    let body = "";
    try {
      body = await response.text();
    } catch {
      // The connection died while the reply streamed: the status line is all we have.
    }
    const { status } = response;
    if (status >= 200 && status < 300) return { kind: "accepted" };
    const reason = receiverReason(body);
    const message = `POST ${endpoint} answered ${status}${reason ? ` (${reason})` : ""}`;
    if (status >= 500 || status === 408 || status === 429 || status < 400) {
      const wait =
        status === 429 || status === 503 ? retryAfterMs(response.headers.get("retry-after"), nowMs) : undefined;
      return {
        kind: "retry",
        network: false,
        ...(wait === undefined ? {} : { retryAfterMs: wait }),
        ...salesError("RECEIVER_UNAVAILABLE", message, { endpoint, status }),
      };
    }
    if (status === 409) return { kind: "conflict", ...salesError("RECEIVER_REJECTED", message, { endpoint, status }) };
    return {
      kind: "rejected",
      bodyExcerpt: body.slice(0, EXCERPT_CHARS),
      ...salesError("RECEIVER_REJECTED", message, { endpoint, status }),
    };
  };
}
