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
  return checkSchema(schema, json, file);
}

/** `value` as `schema` reads it, or MALFORMED_DOCUMENT naming `file` and every issue. */
export function checkSchema<Schema extends z.ZodType>(
  schema: Schema,
  value: unknown,
  file: string,
): FeedResult<z.infer<Schema>> {
  const parsed = schema.safeParse(value);
  if (!parsed.success) {
    const issues = parsed.error.issues.map((issue) => `${issue.path.join(".") || "(root)"}: ${issue.message}`);
    return feedError("MALFORMED_DOCUMENT", `${file} does not match its schema: ${issues.slice(0, 3).join("; ")}`, {
      file,
      issues,
    });
  }
  return { ok: true, value: parsed.data };
}
