// Bracketed element strings, "(01)09506000134352(17)261231(10)ABC123": what is printed under a barcode and
// what people type. A "(" inside a value is written "\(" (the GS1 Syntax Engine's escape), since the bracket
// would otherwise start the next AI.
import { validateElement } from "./element-validation.js";
import { fail, type Gs1Error, type Result } from "./errors.js";
import type { RawElement } from "./raw-element.js";
import { resolveAi } from "./unknown-ai.js";

/** Reads and validates a bracketed element string. */
export function readBracketed(text: string, permitUnknownAis = false): Result<RawElement[], Gs1Error> {
  const elements: RawElement[] = [];
  let position = 0;
  while (position < text.length) {
    if (text[position] !== "(") {
      return fail("BAD_SYNTAX", `Expected "(" at offset ${position}`, position);
    }
    const close = text.indexOf(")", position + 1);
    const ai = close < 0 ? "" : text.slice(position + 1, close);
    if (!/^\d{2,4}$/.test(ai)) return fail("BAD_SYNTAX", `Expected an AI at offset ${position}`, position);
    const definition = resolveAi(ai, permitUnknownAis);
    if (!definition) {
      return fail("UNKNOWN_AI", `Unknown AI (${ai})`, position + 1, ai);
    }
    const dataStart = close + 1;
    let raw = "";
    position = dataStart;
    while (position < text.length && text[position] !== "(") {
      if (text[position] === "\\" && text[position + 1] === "(") position++;
      raw += text[position];
      position++;
    }
    const invalid = validateElement(definition, raw, dataStart);
    if (invalid) return { ok: false, error: invalid };
    elements.push({ ai, raw, offset: dataStart, definition });
  }
  if (elements.length === 0) return fail("BAD_SYNTAX", "No AI in brackets", 0);
  return { ok: true, value: elements };
}

/** Writes elements as a bracketed element string, escaping "(" in values as "\(". */
export function writeBracketed(elements: readonly { readonly ai: string; readonly raw: string }[]): string {
  let text = "";
  for (const { ai, raw } of elements) text += `(${ai})${raw.replaceAll("(", "\\(")}`;
  return text;
}
