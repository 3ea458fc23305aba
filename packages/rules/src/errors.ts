// Everything that can be wrong with rule-model input (a notice list, a store policy), as stable codes. Renaming a
// code is a breaking change; packages/rules/docs/engine.md lists every code and a test checks that list against
// this union. The feed's own codes (signatures, hashes, versions) live in feed/feed-errors.ts.

/** Why a notice list or a store policy was refused. */
export type RulesErrorCode =
  /** Not a JSON array of notices, or a notice that fails the rule model's schema (`issues` says where). */
  | "MALFORMED_NOTICE"
  /** A store policy that fails its schema (`issues` says where). */
  | "MALFORMED_POLICY";

/** A refused notice list or policy: a stable code, an English message for logs, and the evidence. */
export interface RulesError {
  readonly code: RulesErrorCode;
  /** English, for logs and integrators; what a cashier reads comes from a locale module. */
  readonly message: string;
  /** Schema failures, as `path: message` lines, e.g. `3.products.0.gtin: GTIN-14 with a valid check digit`. */
  readonly issues: readonly string[];
}

/** The answer to reading outside input: the value, or why it was refused (one shape across ScanGate). */
export type { Result } from "@scangate/gs1";

/** Builds a RulesError from zod-style issues (`path` + `message`). */
export function rulesError(
  code: RulesErrorCode,
  what: string,
  issues: readonly { readonly path: readonly PropertyKey[]; readonly message: string }[],
): RulesError {
  const lines = issues.map((issue) => `${issue.path.map(String).join(".") || "(root)"}: ${issue.message}`);
  return {
    code,
    message: `${what}: ${lines[0] ?? "invalid"}${lines.length > 1 ? ` (+${lines.length - 1} more)` : ""}`,
    issues: lines,
  };
}
