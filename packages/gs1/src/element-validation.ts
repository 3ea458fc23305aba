// Validates one AI's data field against its dictionary definition: component lengths, character sets, then
// each component's linters, the way GS1's Syntax Engine applies the dictionary (components consume prefixes
// of their length; optional components may be skipped once the data is exhausted).
import { type AiDefinition, type Charset, type Component, cacheOf } from "./ai-table.js";
import type { Gs1Error } from "./errors.js";
import { csum } from "./linters/check-digits.js";
import { LINTERS } from "./linters/index.js";
import type { Linter } from "./linters/types.js";

/**
 * Checks `raw` (the AI's data field exactly as encoded) against the AI's definition.
 * @param offset where `raw` starts in the input, so that errors point at the right character
 * @returns the first problem found, or undefined when the value is valid
 */
export function validateElement(definition: AiDefinition, raw: string, offset: number): Gs1Error | undefined {
  return checkElement(definition, raw, offset, raw, 0);
}

/**
 * {@link validateElement} for a reader that cut `raw` out of `source` at `sourceStart`: the character scan then
 * runs over the flat source rather than over the cut (a slice of 13 or more characters is a view that is slower
 * to read char by char).
 */
export function checkElement(
  definition: AiDefinition,
  raw: string,
  offset: number,
  source: string,
  sourceStart: number,
): Gs1Error | undefined {
  return checkParts(definition, partsOf(definition), raw, offset, source, sourceStart);
}

/** The components of an AI with their character tables and linter functions, resolved once. */
function partsOf(definition: AiDefinition): readonly Part[] {
  const cache = cacheOf(definition);
  if (!cache.parts) {
    // A linter name without a function would be a dictionary/linter mismatch, which a test rules out.
    cache.parts = definition.components.map((component) => ({
      component,
      table: CHARSET_TABLES[component.charset],
      linters: component.linters.map((name) => LINTERS[name] as Linter),
    }));
  }
  return cache.parts;
}

/** A component of an AI, ready to check. */
export interface Part {
  readonly component: Component;
  readonly table: Uint8Array;
  readonly linters: readonly Linter[];
}

function checkParts(
  definition: AiDefinition,
  parts: readonly Part[],
  raw: string,
  offset: number,
  source: string,
  sourceStart: number,
): Gs1Error | undefined {
  const { ai } = definition;
  if (raw.length === 0) return lengthError(definition, raw, offset, `AI (${ai}) has no data`);
  if (raw.length > definition.maxLength) {
    return lengthError(definition, raw, offset, `AI (${ai}) value is too long`);
  }
  if (raw.length < definition.minLength) {
    return lengthError(definition, raw, offset, `AI (${ai}) value is too short`);
  }
  let position = 0;
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as Part;
    const { component } = part;
    if (position >= raw.length) {
      if (component.optional) break;
      return lengthError(definition, raw, offset, `AI (${ai}) value is too short`);
    }
    // Only the last component may be variable-length, so a fixed component takes exactly its length.
    const end = Math.min(position + component.maxLength, raw.length);
    if (end - position < component.minLength)
      return lengthError(definition, raw, offset, `AI (${ai}) value is too short`);
    const invalid = checkPart(ai, part, raw, position, end, offset, source, sourceStart);
    if (invalid) return invalid;
    position = end;
  }
  if (position < raw.length) return lengthError(definition, raw, offset, `AI (${ai}) value is too long`);
  return undefined;
}

function checkPart(
  ai: string,
  { component, table, linters }: Part,
  raw: string,
  start: number,
  end: number,
  offset: number,
  source: string,
  sourceStart: number,
): Gs1Error | undefined {
  let dataEnd = end;
  if (component.charset === "Z") {
    const padding = badBase64Padding(raw, start, end);
    if (typeof padding === "object") {
      const at = padding.offset;
      return {
        code: "LINT_FAILED",
        message: `AI (${ai}): bad "=" padding: ${markup(ai, raw, at, padding.length)}`,
        offset: offset + at,
        ai,
        linter: "cset64",
      };
    }
    dataEnd = padding;
  }
  const numeric = component.charset === "N";
  // The mod-10 sum of a numeric component, summed while its digits are read anyway (weights 3, 1, 3 … from
  // the digit before the check digit), so that a passing `csum` need not read them again.
  let sum = 0;
  for (let i = start; i < dataEnd; i++) {
    const code = source.charCodeAt(sourceStart + i);
    if (numeric && code >= 48 && code <= 57) {
      sum += (code - 48) * ((end - 1 - i) & 1 ? 3 : 1);
      continue;
    }
    if (!numeric && code < 128 && table[code] === 1) continue;
    return {
      code: "BAD_CHARSET",
      message: `AI (${ai}): ${JSON.stringify(raw[i])} is not ${CHARSET_NAMES[component.charset]}: ${markup(ai, raw, i, 1)}`,
      offset: offset + i,
      ai,
    };
  }
  if (linters.length === 0) return undefined;
  // A right check digit makes the sum a multiple of 10 (the check digit itself weighs 1); csum then passes.
  const first = numeric && linters[0] === csum && sum % 10 === 0 ? 1 : 0;
  if (first === linters.length) return undefined;
  const value = start === 0 && end === raw.length ? raw : raw.slice(start, end);
  for (let i = first; i < linters.length; i++) {
    const failure = (linters[i] as Linter)(value);
    if (!failure) continue;
    const at = start + failure.offset;
    return {
      code: failure.kind === "check-digit" ? "BAD_CHECK_DIGIT" : failure.kind === "date" ? "BAD_DATE" : "LINT_FAILED",
      message: `AI (${ai}): ${failure.message}: ${markup(ai, raw, at, failure.length)}`,
      offset: offset + at,
      ai,
      linter: component.linters[i] as string,
    };
  }
  return undefined;
}

/**
 * The engine's error markup: the element with the offending characters between bars, e.g.
 * `(01)1234567890123|4|` for a bad check digit.
 */
export function markup(ai: string, raw: string, at: number, length: number): string {
  return `(${ai})${raw.slice(0, at)}|${raw.slice(at, at + length)}|${raw.slice(at + length)}`;
}

function lengthError(definition: AiDefinition, raw: string, offset: number, message: string): Gs1Error {
  const { ai, minLength, maxLength } = definition;
  const expected = minLength === maxLength ? minLength : `${minLength}–${maxLength}`;
  return { code: "BAD_LENGTH", message: `${message} (${raw.length}, not ${expected}): (${ai})${raw}`, offset, ai };
}

/** Said in a BAD_CHARSET message: an integrator fixing a label needs to know which characters the AI takes. */
const CHARSET_NAMES: Record<Charset, string> = { N: "a digit", X: "in CSET 82", Y: "in CSET 39", Z: "base64url" };

// GS1 General Specifications figure 7.11-1 (CSET 82) and 7.11-2 (CSET 39); CSET 64 is base64url (RFC 4648 §5),
// whose "=" padding is checked on its own.
const CHARSET_TABLES: Record<Charset, Uint8Array> = {
  N: charsetTable("0123456789"),
  X: charsetTable("!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"),
  Y: charsetTable("#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"),
  Z: charsetTable("-0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"),
};

function charsetTable(characters: string): Uint8Array {
  const table = new Uint8Array(128);
  for (let i = 0; i < characters.length; i++) table[characters.charCodeAt(i)] = 1;
  return table;
}

/**
 * CSET 64 (base64url) data may end in "=" padding: at most two, and only where they round the length up to a
 * multiple of 3 (GS1 Syntax Tests, lint_cset64). Returns where the padding starts, or where bad padding is.
 */
function badBase64Padding(text: string, start: number, end: number): number | { offset: number; length: number } {
  let dataEnd = end;
  while (dataEnd > start && text.charCodeAt(dataEnd - 1) === 61 /* = */) dataEnd--;
  const pads = end - dataEnd;
  if (pads > 2 || (pads > 0 && (end - start) % 3 !== 0)) return { offset: dataEnd, length: pads };
  return dataEnd;
}
