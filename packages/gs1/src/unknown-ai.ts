// Unknown AIs, for tills that must pass through data from AIs newer than their dictionary. Off by default;
// with `permitUnknownAis` an AI the dictionary lacks is accepted as CSET 82 data, where its length is still
// knowable, exactly as the GS1 Syntax Engine "vivifies" it (ai.c gs1_lookupAIentry).
import { type AiDefinition, aiLengthForPrefix, allAis, lookupAi } from "./ai-table.js";

// GenSpecs figure 7.8.4-2: data lengths of the prefixes that never take a separator, including prefixes with
// no AI assigned yet (04, 14, 18, 19). An unknown AI under any other prefix is variable-length up to 90.
function predefinedDataLength(prefix: number): number | undefined {
  if (prefix < 5) return prefix === 0 ? 18 : prefix === 4 ? 16 : 14;
  if ((prefix > 10 && prefix < 20) || (prefix > 30 && prefix < 37)) return 6;
  return prefix === 20 ? 2 : prefix === 41 ? 13 : undefined;
}

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
  const fixedLength = predefinedDataLength(Number(prefix));
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
