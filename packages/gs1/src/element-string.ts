// Reads a GS1 element string: AIs and their data with FNC1 transmitted as GS (ASCII 29) between fields.
// Where a field ends comes from the dictionary: a predefined-length AI (GenSpecs figure 7.8.4-2) takes exactly
// its length and needs no separator; any other field runs to the next GS or the end of the data.
//
// This is the hot path of every scan: it allocates only the elements and their values.
import { type AiDefinition, aiDefinitionAt, aiLengthAt } from "./ai-table.js";
import { checkElement } from "./element-validation.js";
import { type Gs1Error, type Gs1Warning, gs1Error } from "./errors.js";
import type { RawElement } from "./raw-element.js";
import { vivifyUnknownAi } from "./unknown-ai.js";

/** ASCII 29, the group separator scanners send for FNC1 in any but the first position. */
export const GS = "\u001d";
const GS_CODE = 29;

/**
 * Splits and validates an element string starting at `start` (just after an AIM id or a leading GS).
 * A GS after a predefined-length field, or at the very end, is redundant and tolerated (as the GS1 engine
 * does), with a warning pushed to `warnings`; two GS in a row mean a field is missing and are an error.
 * @returns the elements, or the first error
 */
export function readElementString(
  text: string,
  start: number,
  permitUnknownAis: boolean,
  warnings: Gs1Warning[],
): RawElement[] | Gs1Error {
  if (start >= text.length) return gs1Error("EMPTY_INPUT", "No AI data");
  const elements: RawElement[] = [];
  let position = start;
  let previousWasPredefined = false;
  // Where the next GS (or the end) is: found by one indexOf per field that needs it, not a scan per field.
  let nextSeparator = -1;
  while (position < text.length) {
    if (text.charCodeAt(position) === GS_CODE) {
      if (position === start || text.charCodeAt(position - 1) === GS_CODE || !previousWasPredefined) {
        return doubleSeparator(position);
      }
      warnings.push({ code: "REDUNDANT_SEPARATOR", message: `Redundant GS at offset ${position}` });
      previousWasPredefined = false;
      position++;
      continue;
    }
    const definition = aiAt(text, position, permitUnknownAis);
    if (!definition) return unknownAi(text, position);
    const dataStart = position + definition.ai.length;
    if (nextSeparator < dataStart) {
      const separator = text.indexOf(GS, dataStart);
      nextSeparator = separator < 0 ? text.length : separator;
    }
    let dataEnd = nextSeparator;
    if (definition.predefinedLength) {
      dataEnd = dataStart + definition.maxLength;
      if (nextSeparator < dataEnd) return truncated(definition, text, dataStart, nextSeparator);
    }
    const raw = text.slice(dataStart, dataEnd);
    const invalid = checkElement(definition, raw, dataStart, text, dataStart);
    if (invalid) return invalid;
    elements.push({ ai: definition.ai, raw, offset: dataStart, definition });
    position = dataEnd;
    previousWasPredefined = definition.predefinedLength;
    if (!definition.predefinedLength && position < text.length) {
      position++; // the separator that ended this field
      if (position === text.length) {
        warnings.push({ code: "REDUNDANT_SEPARATOR", message: "Redundant GS at the end" });
      } else if (text.charCodeAt(position) === GS_CODE) return doubleSeparator(position);
    }
  }
  return elements;
}

/** The AI at `position`: its length follows from its first two digits, and the dictionary must know it. */
function aiAt(text: string, position: number, permitUnknownAis: boolean): AiDefinition | undefined {
  const tens = text.charCodeAt(position) - 48;
  const units = text.charCodeAt(position + 1) - 48;
  const prefix = tens * 10 + units;
  const length = tens >= 0 && tens <= 9 && units >= 0 && units <= 9 ? aiLengthAt(prefix) : 0;
  if (length === 0 || position + length > text.length) return undefined;
  // The digits after the first two, as a number: with the prefix, where the dictionary keeps the AI.
  let rest = 0;
  for (let i = position + 2; i < position + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return undefined;
    rest = rest * 10 + digit;
  }
  const known = aiDefinitionAt(prefix, rest);
  if (known || !permitUnknownAis) return known;
  const ai = text.slice(position, position + length);
  return /^\d+$/.test(ai) ? vivifyUnknownAi(ai) : undefined;
}

function unknownAi(text: string, position: number): Gs1Error {
  const shown = text.slice(position, position + 4).replaceAll(GS, "␝");
  return gs1Error("UNKNOWN_AI", `Unknown AI "${shown}" at offset ${position}`, position);
}

function truncated(definition: AiDefinition, text: string, dataStart: number, cut: number): Gs1Error {
  const { ai, maxLength } = definition;
  return gs1Error(
    "BAD_LENGTH",
    `AI (${ai}) is truncated: ${cut - dataStart} of ${maxLength}: (${ai})${text.slice(dataStart, cut)}`,
    dataStart,
    ai,
  );
}

function doubleSeparator(position: number): Gs1Error {
  return gs1Error("BAD_SYNTAX", `Two GS in a row at offset ${position}`, position);
}

/** Whether a reader returned an error rather than its result (results are arrays or have no `code`). */
export function isGs1Error(value: object): value is Gs1Error {
  return "code" in value;
}
