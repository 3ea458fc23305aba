// Reads a GS1 element string: AIs and their data with FNC1 transmitted as GS (ASCII 29) between fields.
// Where a field ends comes from the dictionary: a predefined-length AI (GenSpecs figure 7.8.4-2) takes exactly
// its length and needs no separator; any other field runs to the next GS or the end of the data.
import { type AiDefinition, aiLengthForPrefix } from "./ai-table.js";
import { validateElement } from "./element-validation.js";
import type { Gs1Error, Gs1Warning, Result } from "./errors.js";
import type { RawElement } from "./raw-element.js";
import { resolveAi } from "./unknown-ai.js";

/** ASCII 29, the group separator scanners send for FNC1 in any but the first position. */
export const GS = "\u001d";
const GS_CODE = 29;

export interface ElementStringRead {
  readonly elements: RawElement[];
  readonly warnings: Gs1Warning[];
}

/**
 * Splits and validates an element string starting at `start` (just after an AIM id or a leading GS).
 * A GS after a predefined-length field, or at the very end, is redundant and tolerated (as the GS1 engine
 * does); two GS in a row mean a field is missing and are an error.
 */
export function readElementString(
  text: string,
  start: number,
  permitUnknownAis = false,
): Result<ElementStringRead, Gs1Error> {
  const elements: RawElement[] = [];
  const warnings: Gs1Warning[] = [];
  if (start >= text.length) return fail({ code: "EMPTY_INPUT", message: "No AI data after the symbology identifier" });
  let position = start;
  let previousWasPredefined = false;
  while (position < text.length) {
    if (text.charCodeAt(position) === GS_CODE) {
      if (position === start || text.charCodeAt(position - 1) === GS_CODE || !previousWasPredefined) {
        return fail({ code: "BAD_SYNTAX", message: `Two separators in a row at offset ${position}`, offset: position });
      }
      warnings.push({ code: "REDUNDANT_SEPARATOR", message: `Redundant separator at offset ${position}` });
      previousWasPredefined = false;
      position++;
      continue;
    }
    const ai = readAi(text, position, permitUnknownAis);
    if (!ai.ok) return ai;
    const definition = ai.value;
    const dataStart = position + definition.ai.length;
    let dataEnd: number;
    if (definition.predefinedLength) {
      dataEnd = dataStart + definition.maxLength;
      const separator = text.indexOf(GS, dataStart);
      if (dataEnd > text.length || (separator >= 0 && separator < dataEnd)) {
        const found = (separator >= 0 && separator < dataEnd ? separator : text.length) - dataStart;
        return fail({
          code: "BAD_LENGTH",
          message: `AI (${definition.ai}) is truncated: ${found} of ${definition.maxLength} characters: (${definition.ai})${text.slice(dataStart, dataStart + found)}`,
          offset: dataStart,
          ai: definition.ai,
        });
      }
    } else {
      const separator = text.indexOf(GS, dataStart);
      dataEnd = separator < 0 ? text.length : separator;
    }
    const raw = text.slice(dataStart, dataEnd);
    const invalid = validateElement(definition, raw, dataStart);
    if (invalid) return fail(invalid);
    elements.push({ ai: definition.ai, raw, offset: dataStart });
    position = dataEnd;
    previousWasPredefined = definition.predefinedLength;
    if (!definition.predefinedLength && position < text.length) {
      position++; // the separator that ended this field
      if (position === text.length)
        warnings.push({ code: "REDUNDANT_SEPARATOR", message: "Redundant separator at the end" });
      else if (text.charCodeAt(position) === GS_CODE) {
        return fail({
          code: "BAD_SYNTAX",
          message: `Two separators in a row at offset ${position}`,
          offset: position,
        });
      }
    }
  }
  return { ok: true, value: { elements, warnings } };
}

/** The AI at `position`: its length follows from its first two digits, and the dictionary must know it. */
function readAi(text: string, position: number, permitUnknownAis: boolean): Result<AiDefinition, Gs1Error> {
  const prefix = text.slice(position, position + 2);
  const length = /^\d\d$/.test(prefix) ? aiLengthForPrefix(prefix) : undefined;
  const ai = length === undefined ? undefined : text.slice(position, position + length);
  const definition = ai !== undefined && /^\d+$/.test(ai) ? resolveAi(ai, permitUnknownAis) : undefined;
  if (definition) return { ok: true, value: definition };
  const shown = text.slice(position, position + 4).replaceAll(GS, "␝");
  return fail({ code: "UNKNOWN_AI", message: `No known AI starts "${shown}" at offset ${position}`, offset: position });
}

function fail(error: Gs1Error): { ok: false; error: Gs1Error } {
  return { ok: false, error };
}
