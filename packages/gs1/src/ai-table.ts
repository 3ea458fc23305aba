// The AI table at run time: the generated dictionary entries, expanded into one definition per AI on first
// use (a few hundred microseconds, once), so that importing the package costs nothing.
import { DICTIONARY } from "./generated/ai-dictionary.js";

/** Character set of a component: N numeric, X GS1 CSET 82, Y CSET 39, Z base64url (with padding "="). */
export type Charset = "N" | "X" | "Y" | "Z";

/** One component of an AI's data field, as the dictionary specifies it. */
export interface Component {
  readonly charset: Charset;
  readonly minLength: number;
  readonly maxLength: number;
  /** An optional component may be left off once the data is exhausted. */
  readonly optional: boolean;
  /** Names of the GS1 Syntax Tests ("linters") that validate the component's content. */
  readonly linters: readonly string[];
}

/** Everything the dictionary says about one AI. */
export interface AiDefinition {
  readonly ai: string;
  readonly title: string;
  /** GenSpecs figure 7.8.4-2: the data has a predefined length and never needs a following FNC1 (flag `*`). */
  readonly predefinedLength: boolean;
  /** May appear as a GS1 Digital Link query-string data attribute (flag `?`). */
  readonly dlDataAttribute: boolean;
  readonly components: readonly Component[];
  readonly minLength: number;
  readonly maxLength: number;
  /**
   * `req=` attributes: every group must be satisfied; a group is satisfied by any one of its alternatives;
   * an alternative is a list of AI patterns (e.g. "31nn") that must all be present.
   */
  readonly requires: readonly (readonly (readonly string[])[])[];
  /** `ex=` patterns: AIs that must not appear with this one (an AI never excludes itself). */
  readonly excludes: readonly string[];
  /** Set when the AI is a Digital Link primary key: its alternative ordered qualifier sequences. */
  readonly dlQualifierSequences: readonly (readonly string[])[] | undefined;
}

let definitions: Map<string, AiDefinition> | undefined;
// The same definitions keyed by number (length × 10000 + the AI's value), so that a reader can look an AI up
// from the characters of a scan without cutting a string out of it first.
let definitionsByNumber: Map<number, AiDefinition> | undefined;
// AI length by the number its first two digits make (0–99); 0 where no AI starts with them.
let aiLengthByPrefix: Uint8Array | undefined;

/** The definition of an AI, or undefined when the dictionary does not know it. */
export function lookupAi(ai: string): AiDefinition | undefined {
  return (definitions ?? load()).get(ai);
}

/**
 * The definition of the `length`-digit AI written at `position` in `text`, or undefined when those characters are
 * not digits or no such AI exists.
 */
export function lookupAiAt(text: string, position: number, length: number): AiDefinition | undefined {
  if (!definitionsByNumber) load();
  let value = 0;
  for (let i = position; i < position + length; i++) {
    const digit = text.charCodeAt(i) - 48;
    if (!(digit >= 0 && digit <= 9)) return undefined;
    value = value * 10 + digit;
  }
  return (definitionsByNumber as Map<number, AiDefinition>).get(length * 10000 + value);
}

/**
 * How many digits an AI starting with these two digits has: all AIs that share their first two digits
 * have the same length (GenSpecs §3.2; the engine's `aiLengthByPrefix`). Undefined for an unused prefix.
 */
export function aiLengthForPrefix(firstTwoDigits: string): number | undefined {
  const tens = firstTwoDigits.charCodeAt(0) - 48;
  const units = firstTwoDigits.charCodeAt(1) - 48;
  if (firstTwoDigits.length !== 2 || tens < 0 || tens > 9 || units < 0 || units > 9) return undefined;
  return aiLengthAt(tens * 10 + units) || undefined;
}

/** {@link aiLengthForPrefix} for the prefix as a number 0–99: 0 when no AI starts with it. */
export function aiLengthAt(prefix: number): number {
  if (!aiLengthByPrefix) load();
  return (aiLengthByPrefix as Uint8Array)[prefix] ?? 0;
}

/** Every AI the dictionary defines, in lexical order. */
export function allAis(): string[] {
  return [...(definitions ?? load()).keys()];
}

function load(): Map<string, AiDefinition> {
  const byAi = new Map<string, AiDefinition>();
  const byNumber = new Map<number, AiDefinition>();
  const lengths = new Uint8Array(100);
  // The generated AI field is written against the entry before (see DICTIONARY): `next` is the value of the AI
  // after the previous entry's last, `digits` its length.
  let next = 0;
  let digits = 2;
  for (const line of DICTIONARY.split("\n")) {
    const [aiField = "", flags = "", componentSpec = "", attributeSpec = "", title = ""] = line.split(";");
    const [firstAi, lastDigit] = aiField.split("-");
    if (firstAi) {
      next = Number(firstAi);
      digits = firstAi.length;
    } else if (lastDigit) next = Math.ceil(next / 10) * 10;
    const last = lastDigit ? next - (next % 10) + Number(lastDigit) : next;
    const components = componentSpec.split(" ").map(parseComponent);
    const ownPattern = `${String(next).padStart(digits, "0").slice(0, -1)}n`;
    const attributes = parseAttributes(attributeSpec.replace("~", ownPattern));
    const minLength = components.reduce((sum, c) => sum + (c.optional ? 0 : c.minLength), 0);
    const maxLength = components.reduce((sum, c) => sum + c.maxLength, 0);
    for (; next <= last; next++) {
      const ai = String(next).padStart(digits, "0");
      const definition: AiDefinition = {
        ai,
        title,
        predefinedLength: flags.includes("*"),
        dlDataAttribute: flags.includes("?"),
        components,
        minLength,
        maxLength,
        ...attributes,
      };
      byAi.set(ai, definition);
      byNumber.set(digits * 10000 + next, definition);
      lengths[Number(ai.slice(0, 2))] = digits;
    }
  }
  definitions = byAi;
  definitionsByNumber = byNumber;
  aiLengthByPrefix = lengths;
  return byAi;
}

function parseComponent(spec: string): Component {
  const optional = spec.startsWith("[");
  const [type = "", ...linters] = spec.replace(/[[\]]/g, "").split(",");
  const charset = type[0] as Charset;
  const lengthSpec = type.slice(1);
  const variable = lengthSpec.startsWith("..");
  const maxLength = Number(variable ? lengthSpec.slice(2) : lengthSpec);
  return { charset, minLength: variable ? 1 : maxLength, maxLength, optional, linters };
}

function parseAttributes(spec: string): Pick<AiDefinition, "requires" | "excludes" | "dlQualifierSequences"> {
  const requires: string[][][] = [];
  const excludes: string[] = [];
  let dlQualifierSequences: string[][] | undefined;
  for (const attribute of spec ? spec.split(" ") : []) {
    const [key, value = ""] = attribute.split("=");
    if (key === "req") requires.push(value.split(",").map((alternative) => alternative.split("+")));
    else if (key === "ex") excludes.push(...value.split(","));
    else if (key === "dlpkey") dlQualifierSequences = value ? value.split("|").map((seq) => seq.split(",")) : [[]];
  }
  return { requires, excludes, dlQualifierSequences };
}

/** Whether an AI matches a dictionary pattern such as "310n", "31nn" or "8006" ("n" matches any digit). */
export function aiMatchesPattern(ai: string, pattern: string): boolean {
  if (ai.length !== pattern.length) return false;
  for (let i = 0; i < ai.length; i++) {
    const p = pattern.charCodeAt(i);
    if (p !== 110 /* n */ && p !== ai.charCodeAt(i)) return false;
  }
  return true;
}
