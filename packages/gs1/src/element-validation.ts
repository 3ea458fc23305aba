// Validates one AI's data field against its dictionary definition: component lengths, character sets, then
// each component's linters, the way GS1's Syntax Engine applies the dictionary (components consume prefixes
// of their length; optional components may be skipped once the data is exhausted).
import type { AiDefinition, Charset, Component } from "./ai-table.js";
import type { Gs1Error } from "./errors.js";
import { LINTERS } from "./linters/index.js";
import type { Linter } from "./linters/types.js";

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
    // Only the last component may be variable-length, so a fixed component takes exactly its length.
    const end = Math.min(position + component.maxLength, raw.length);
    if (end - position < component.minLength)
      return lengthError(definition, raw, offset, `AI (${ai}) value is too short`);
    const invalid = validateComponent(definition, component, raw, position, end, offset);
    if (invalid) return invalid;
    position = end;
  }
  if (position < raw.length) return lengthError(definition, raw, offset, `AI (${ai}) value is too long`);
  return undefined;
}

function validateComponent(
  definition: AiDefinition,
  component: Component,
  raw: string,
  start: number,
  end: number,
  offset: number,
): Gs1Error | undefined {
  const { ai } = definition;
  let dataEnd = end;
  if (component.charset === "Z") {
    const padding = badBase64Padding(raw, start, end);
    if (typeof padding === "object") {
      const at = padding.offset;
      return {
        code: "LINT_FAILED",
        message: `AI (${ai}): base64url padding must make a multiple of 3 characters, with at most two "=": ${markup(ai, raw, at, padding.length)}`,
        offset: offset + at,
        ai,
        linter: "cset64",
      };
    }
    dataEnd = padding;
  }
  const badCharacter = firstCharacterOutside(component.charset, raw, start, dataEnd);
  if (badCharacter >= 0) {
    return {
      code: "BAD_CHARSET",
      message: `AI (${ai}) has an invalid character ${JSON.stringify(raw[badCharacter])} for ${CHARSET_NAMES[component.charset]}: ${markup(ai, raw, badCharacter, 1)}`,
      offset: offset + badCharacter,
      ai,
    };
  }
  const linters = lintersOf(component);
  if (linters.length === 0) return undefined;
  const value = start === 0 && end === raw.length ? raw : raw.slice(start, end);
  for (let i = 0; i < linters.length; i++) {
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

// The linter functions of each component, looked up by name once.
const componentLinters = new WeakMap<Component, readonly Linter[]>();

function lintersOf(component: Component): readonly Linter[] {
  let linters = componentLinters.get(component);
  if (!linters) {
    // A name without a linter would be a dictionary/linter mismatch, which a test rules out.
    linters = component.linters.map((name) => LINTERS[name] as Linter);
    componentLinters.set(component, linters);
  }
  return linters;
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

/** Index in `text` of the first character in [start, end) outside the charset, or -1 when there is none. */
export function firstCharacterOutside(charset: Charset, text: string, start = 0, end = text.length): number {
  const table = CHARSET_TABLES[charset];
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code >= 128 || table[code] !== 1) return i;
  }
  return -1;
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
