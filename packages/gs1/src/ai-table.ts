// The AI table at run time: the generated dictionary entries, expanded into one definition per AI on first
// use (a few hundred microseconds, once), so that importing the package costs nothing.
import type { FieldName } from "./data-fields.js";
import type { Part } from "./element-validation.js";
import { DICTIONARY } from "./generated/ai-dictionary.js";
import type { ValueTyper } from "./values.js";

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

/**
 * What the readers work out once per AI and reuse on every scan: the components ready to check, the value
 * typer, the Gs1Data field. Kept on the definition under a non-enumerable key, so that a property read finds it
 * (a WeakMap lookup per element per step was a tenth of a parse) and AiDefinition's public shape stays the same.
 */
export interface AiCache {
  parts?: readonly Part[];
  /** null: the value is the data string itself. */
  typer?: ValueTyper | null;
  field?: FieldName | null;
}

type CachedDefinition = AiDefinition & { cache?: AiCache };

/** The per-AI cache of a definition (the dictionary's, or a stand-in for an unknown AI). */
export function cacheOf(definition: AiDefinition): AiCache {
  return (definition as CachedDefinition).cache ?? attachCache(definition);
}

function attachCache(definition: AiDefinition): AiCache {
  const cache: AiCache = {};
  Object.defineProperty(definition, "cache", { value: cache });
  return cache;
}

let definitions: Map<string, AiDefinition> | undefined;
// The same definitions by their first two digits, then by the number their other digits make (0 for a 2-digit
// AI, 0–99 for a 4-digit one), so that a reader looks an AI up from the characters of a scan by two array reads,
// without cutting a string out of it first.
let definitionsByPrefix: (AiDefinition | undefined)[][] | undefined;
// AI length by the number its first two digits make (0–99); 0 where no AI starts with them.
let aiLengthByPrefix: Uint8Array | undefined;

/** The definition of an AI, or undefined when the dictionary does not know it. */
export function lookupAi(ai: string): AiDefinition | undefined {
  return (definitions ?? load()).get(ai);
}

/**
 * The definition of the AI whose first two digits make `prefix` (0–99) and whose other digits make `rest` (0 for
 * a 2-digit AI), so that a reader finds an AI from the characters of a scan without cutting a string out of it.
 * The caller has checked that the AI has the length {@link aiLengthAt} gives for its prefix.
 */
export function aiDefinitionAt(prefix: number, rest: number): AiDefinition | undefined {
  if (!definitionsByPrefix) load();
  return (definitionsByPrefix as (AiDefinition | undefined)[][])[prefix]?.[rest];
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
  const byPrefix: (AiDefinition | undefined)[][] = [];
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
      attachCache(definition);
      byAi.set(ai, definition);
      const prefix = Number(ai.slice(0, 2));
      const samePrefix = byPrefix[prefix] ?? [];
      samePrefix[Number(ai.slice(2) || 0)] = definition;
      byPrefix[prefix] = samePrefix;
      lengths[prefix] = digits;
    }
  }
  definitions = byAi;
  definitionsByPrefix = byPrefix;
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
