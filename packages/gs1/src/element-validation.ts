// Validates one AI's data field against its dictionary definition: component lengths, character sets, then
// each component's linters, the way GS1's Syntax Engine applies the dictionary (components consume prefixes
// of their length; optional components may be skipped once the data is exhausted).
import type { AiDefinition, Charset } from "./ai-table.js";
import type { Gs1Error } from "./errors.js";
import { LINTERS } from "./linters/index.js";

/**
 * Checks `raw` (the AI's data field exactly as encoded) against the AI's definition.
 * @param offset where `raw` starts in the input, so that errors point at the right character
 * @returns the first problem found, or undefined when the value is valid
 */
export function validateElement(definition: AiDefinition, raw: string, offset: number): Gs1Error | undefined {
  const { ai } = definition;
  if (raw.length === 0) return lengthError(definition, raw, offset, `AI (${ai}) has no data`);
  if (raw.length > definition.maxLength) {
    return lengthError(
      definition,
      raw,
      offset,
      `AI (${ai}) value is too long: ${raw.length} > ${definition.maxLength}`,
    );
  }
  if (raw.length < definition.minLength) {
    return lengthError(
      definition,
      raw,
      offset,
      `AI (${ai}) value is too short: ${raw.length} < ${definition.minLength}`,
    );
  }
  let position = 0;
  for (const component of definition.components) {
    if (position >= raw.length) {
      if (component.optional) break;
      return lengthError(definition, raw, offset, `AI (${ai}) value is too short`);
    }
    const remaining = raw.length - position;
    // Only the last component may be variable-length, so a fixed component takes exactly its length.
    const take = Math.min(component.maxLength, remaining);
    if (take < component.minLength) return lengthError(definition, raw, offset, `AI (${ai}) value is too short`);
    const value = raw.slice(position, position + take);
    const padding = component.charset === "Z" ? badBase64Padding(value) : undefined;
    if (padding) {
      const at = position + padding.offset;
      return {
        code: "LINT_FAILED",
        message: `AI (${ai}): base64url padding must make a multiple of 3 characters, with at most two "=": ${markup(ai, raw, at, padding.length)}`,
        offset: offset + at,
        ai,
        linter: "cset64",
      };
    }
    const badCharacter = firstCharacterOutside(component.charset, value.replace(/=+$/, ""));
    if (badCharacter >= 0) {
      const at = position + badCharacter;
      return {
        code: "BAD_CHARSET",
        message: `AI (${ai}) has an invalid character ${JSON.stringify(raw[at])} for ${CHARSET_NAMES[component.charset]}: ${markup(ai, raw, at, 1)}`,
        offset: offset + at,
        ai,
      };
    }
    for (const linterName of component.linters) {
      const linter = LINTERS[linterName];
      const failure = linter?.(value);
      if (!failure) continue;
      const at = position + failure.offset;
      return {
        code: failure.kind === "check-digit" ? "BAD_CHECK_DIGIT" : failure.kind === "date" ? "BAD_DATE" : "LINT_FAILED",
        message: `AI (${ai}): ${failure.message}: ${markup(ai, raw, at, failure.length)}`,
        offset: offset + at,
        ai,
        linter: linterName,
      };
    }
    position += take;
  }
  if (position < raw.length) return lengthError(definition, raw, offset, `AI (${ai}) value is too long`);
  return undefined;
}

const CHARSET_NAMES: Record<Charset, string> = {
  N: "a numeric value",
  X: "GS1 CSET 82",
  Y: "GS1 CSET 39",
  Z: "base64url",
};

/**
 * The engine's error markup: the element with the offending characters between bars, e.g.
 * `(01)1234567890123|4|` for a bad check digit.
 */
export function markup(ai: string, raw: string, at: number, length: number): string {
  return `(${ai})${raw.slice(0, at)}|${raw.slice(at, at + length)}|${raw.slice(at + length)}`;
}

function lengthError(definition: AiDefinition, raw: string, offset: number, message: string): Gs1Error {
  return { code: "BAD_LENGTH", message: `${message}: (${definition.ai})${raw}`, offset, ai: definition.ai };
}

// GS1 General Specifications figure 7.11-1 (CSET 82) and 7.11-2 (CSET 39); CSET 64 is base64url (RFC 4648 §5),
// whose "=" padding is checked on its own.
const CSET82 = buildCharsetTable("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");
const CSET39 = buildCharsetTable("#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ");
const BASE64URL = buildCharsetTable("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz");

/**
 * CSET 64 (base64url) data may end in "=" padding: at most two, and only where they round the length up to a
 * multiple of 3 (GS1 Syntax Tests, lint_cset64). Returns where the bad padding is, or undefined.
 */
function badBase64Padding(value: string): { offset: number; length: number } | undefined {
  let dataLength = value.length;
  while (dataLength > 0 && value.charCodeAt(dataLength - 1) === 61 /* = */) dataLength--;
  const pads = value.length - dataLength;
  if (pads > 2 || (pads > 0 && value.length % 3 !== 0)) return { offset: dataLength, length: pads };
  return undefined;
}

function buildCharsetTable(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < characters.length; i++) table[characters.charCodeAt(i)] = 1;
  return table;
}

/** Index of the first character outside the charset, or -1 when every character belongs to it. */
export function firstCharacterOutside(charset: Charset, value: string): number {
  for (let i = 0; i < value.length; i++) {
    const code = value.charCodeAt(i);
    const ok =
      charset === "N"
        ? code >= 48 && code <= 57
        : code < 128 && (charset === "X" ? CSET82 : charset === "Y" ? CSET39 : BASE64URL)[code] === 1;
    if (!ok) return i;
  }
  return -1;
}
