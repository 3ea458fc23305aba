// Bodies and query strings are outside input: read with zod into a Result, never thrown.
import type { z } from "zod";
import { type HubError, type HubErrorCode, hubError, issuesError, type Result } from "../errors.js";

/** Reads a request body or query with a schema; INVALID_BODY / INVALID_QUERY (or MALFORMED_JSON for no body). */
export function parseInput<Schema extends z.ZodType>(
  schema: Schema,
  input: unknown,
  code: Extract<HubErrorCode, "INVALID_BODY" | "INVALID_QUERY"> = "INVALID_BODY",
): Result<z.infer<Schema>, HubError> {
  if (input === undefined && code === "INVALID_BODY")
    return { ok: false, error: hubError("MALFORMED_JSON", "the request has no JSON body") };
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, value: parsed.data };
  const what = code === "INVALID_BODY" ? "invalid request body" : "invalid query";
  return { ok: false, error: issuesError(code, what, parsed.error.issues) };
}
