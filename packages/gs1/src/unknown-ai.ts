// Unknown AIs, for tills that must pass through data from AIs newer than their dictionary. Off by default;
// with `permitUnknownAis` an AI the dictionary lacks is accepted as CSET 82 data, where its length is still
// knowable, exactly as the GS1 Syntax Engine "vivifies" it (ai.c gs1_lookupAIentry).
import { type AiDefinition, aiLengthForPrefix, allAis, lookupAi } from "./ai-table.js";

// GenSpecs figure 7.8.4-2: data lengths of the prefixes that never take a separator, including prefixes with
// no AI assigned yet (04, 14, 18, 19). An unknown AI under any other prefix is variable-length up to 90.
const PREDEFINED_DATA_LENGTH_BY_PREFIX: Readonly<Record<string, number>> = {
  "00": 18,
  "01": 14,
  "02": 14,
  "03": 14,
  "04": 16,
  "11": 6,
  "12": 6,
  "13": 6,
  "14": 6,
  "15": 6,
  "16": 6,
  "17": 6,
  "18": 6,
  "19": 6,
  "20": 2,
  "31": 6,
  "32": 6,
  "33": 6,
  "34": 6,
  "35": 6,
  "36": 6,
  "41": 13,
};

/**
 * A stand-in definition for an AI the dictionary does not define, or undefined where the engine refuses one:
 * an AI whose length contradicts its prefix (e.g. (399): AIs starting 39 have 4 digits), or that is a prefix of
 * a known AI (e.g. (800), (011)).
 */
export function vivifyUnknownAi(ai: string): AiDefinition | undefined {
  if (!/^\d{2,4}$/.test(ai)) return undefined;
  const prefix = ai.slice(0, 2);
  const lengthByPrefix = aiLengthForPrefix(prefix);
  if (lengthByPrefix !== undefined && lengthByPrefix !== ai.length) return undefined;
  if (allAis().some((known) => known.startsWith(ai) || ai.startsWith(known))) return undefined;
  const fixedLength = PREDEFINED_DATA_LENGTH_BY_PREFIX[prefix];
  const minLength = fixedLength ?? 1;
  const maxLength = fixedLength ?? 90;
  return {
    ai,
    title: "UNKNOWN",
    predefinedLength: fixedLength !== undefined,
    dlDataAttribute: false,
    components: [{ charset: "X", minLength, maxLength, optional: false, linters: [] }],
    minLength,
    maxLength,
    requires: [],
    excludes: [],
    dlQualifierSequences: undefined,
  };
}

/** The dictionary's definition of an AI, or with `permitUnknownAis` a stand-in for an unknown one. */
export function resolveAi(ai: string, permitUnknownAis: boolean): AiDefinition | undefined {
  return lookupAi(ai) ?? (permitUnknownAis ? vivifyUnknownAi(ai) : undefined);
}
