// Turns untrusted bytes into a schema-checked value. Every feed file goes through here, so a file that is not
// UTF-8, not JSON, or not the right shape is refused the same way, with the schema's own issue list as evidence.
import type { z } from "zod";
import { type FeedResult, feedError } from "./feed-errors.js";

/** Decodes UTF-8 strictly (a stray byte is an error, not U+FFFD) and checks the JSON against `schema`. */
export function readJsonDocument<Schema extends z.ZodType>(
  bytes: Uint8Array,
  schema: Schema,
  file: string,
): FeedResult<z.infer<Schema>> {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch (error) {
    return feedError("MALFORMED_DOCUMENT", `${file} is not UTF-8 JSON: ${(error as Error).message}`, { file });
  }
  const parsed = schema.safeParse(json);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    return feedError("MALFORMED_DOCUMENT", `${file} does not match its schema: ${issues.slice(0, 3).join("; ")}`, {
      file,
      issues,
    });
  }
  return { ok: true, value: parsed.data };
}
