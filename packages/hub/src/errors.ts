// Every refusal the hub answers with, as stable codes. Renaming a code is a breaking change: tills, the sales
// uploader and producers' scripts branch on them. README.md lists every code and test/errors-docs.test.ts checks
// that table against this union.

/** Why the hub refused a request or a configuration. */
export type HubErrorCode =
  /** No bearer token, or a token the hub does not know (401). */
  | "UNAUTHENTICATED"
  /** A valid token of the wrong kind for this endpoint, e.g. a store token on an admin endpoint (403). */
  | "FORBIDDEN"
  /** A sale event whose bizLocation is not the GLN of the store whose token sent it (403). */
  | "STORE_MISMATCH"
  /** No such capture job, notice or route (404). */
  | "NOT_FOUND"
  /** A body that is not JSON, or an empty body where one is required (400). */
  | "MALFORMED_JSON"
  /** A JSON body that fails the endpoint's schema (`issues` says where) (400). */
  | "INVALID_BODY"
  /** Query parameters that fail the endpoint's schema (400). */
  | "INVALID_QUERY"
  /** A capture document or event that fails the EPCIS 2.0 JSON schema (400). */
  | "INVALID_EPCIS_DOCUMENT"
  /** An event without `eventID`: the hub needs it to make retries idempotent (400). */
  | "MISSING_EVENT_ID"
  /** A sale event whose product or store identifier the hub cannot read a GTIN or GLN from (400). */
  | "UNSUPPORTED_IDENTIFIER"
  /** A body over the size limit, or a capture document over the event limit (413). */
  | "BODY_TOO_LARGE"
  /** A content type other than application/json or application/ld+json (415). */
  | "UNSUPPORTED_MEDIA_TYPE"
  /** Creating something that already exists: a store GLN, a producer id (409). */
  | "ALREADY_EXISTS"
  /** The feed could not be published (the notices or the feed folder are not a valid feed) (500). */
  | "FEED_PUBLISH_FAILED"
  /** Hub options, environment variables or CLI arguments that fail their schema. */
  | "INVALID_CONFIG"
  /** The storage failed; the request changed nothing (500). */
  | "STORAGE_FAILURE";

/** A refusal: a stable code, an English message for logs, and the evidence. */
export interface HubError {
  readonly code: HubErrorCode;
  /** English, for logs and integrators. */
  readonly message: string;
  /** Schema failures as `path: message` lines, e.g. `epcisBody.eventList.0.eventTime: must match format`. */
  readonly issues?: readonly string[];
}

/** The answer to reading outside input: the value, or why it was refused (one shape across ScanGate). */
export type { Result } from "@scangate/gs1";

/** The HTTP status each code is answered with. */
export const HTTP_STATUS: Readonly<Record<HubErrorCode, number>> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  STORE_MISMATCH: 403,
  NOT_FOUND: 404,
  MALFORMED_JSON: 400,
  INVALID_BODY: 400,
  INVALID_QUERY: 400,
  INVALID_EPCIS_DOCUMENT: 400,
  MISSING_EVENT_ID: 400,
  UNSUPPORTED_IDENTIFIER: 400,
  BODY_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  ALREADY_EXISTS: 409,
  FEED_PUBLISH_FAILED: 500,
  INVALID_CONFIG: 400,
  STORAGE_FAILURE: 500,
};

/** Builds a HubError; `issues` only when there are some. */
export function hubError(code: HubErrorCode, message: string, issues?: readonly string[]): HubError {
  return issues === undefined || issues.length === 0 ? { code, message } : { code, message, issues };
}

/** Turns zod-style issues (`path` + `message`) into a HubError naming the first one. */
export function issuesError(
  code: HubErrorCode,
  what: string,
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
): HubError {
  const lines = issues.map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`);
  const more = lines.length > 1 ? ` (+${lines.length - 1} more)` : "";
  return hubError(code, `${what}: ${lines[0] ?? "invalid"}${more}`, lines);
}
