// GS1 association rules between AIs (the dictionary's `req=` and `ex=` attributes, GenSpecs §4.13) and repeated
// AIs. The dictionary says pairings "should be evaluated over the combined data received from all GS1 carriers
// marking a physical item", so a single symbol may legitimately miss a companion: by default a broken rule is a
// warning, and `strict` turns it into an error (the GS1 engine's default).
import { aiMatchesPattern, lookupAi } from "./ai-table.js";
import type { Gs1Error, Gs1Warning, Result } from "./errors.js";
import type { RawElement } from "./raw-element.js";

type Finding = Gs1Warning & { readonly code: "MISSING_REQUIRED_AI" | "EXCLUSIVE_AIS"; readonly offset: number };

/**
 * Checks repeated AIs (the same AI with two values is always an error; the same value again is a warning),
 * then the requisite and exclusion rules and the digital signature's need of a serialised key.
 * @returns the warnings, or the first error
 */
export function checkAssociations(elements: readonly RawElement[], strict: boolean): Result<Gs1Warning[], Gs1Error> {
  const warnings: Gs1Warning[] = [];
  const firstValue = new Map<string, string>();
  for (const element of elements) {
    const earlier = firstValue.get(element.ai);
    if (earlier === undefined) firstValue.set(element.ai, element.raw);
    else if (earlier === element.raw) {
      warnings.push({
        code: "REPEATED_AI",
        message: `AI (${element.ai}) appears again with the same value`,
        ai: element.ai,
      });
    } else {
      const message = `AI (${element.ai}) appears twice with different values: "${earlier}" and "${element.raw}"`;
      return { ok: false, error: { code: "DUPLICATE_AI", message, offset: element.offset, ai: element.ai } };
    }
  }
  const findings = [...ruleFindings(elements, [...firstValue.keys()]), ...digitalSignatureFindings(elements)];
  for (const { offset, ...finding } of findings) {
    if (strict) return { ok: false, error: { ...finding, offset } };
    warnings.push(finding);
  }
  return { ok: true, value: warnings };
}

function* ruleFindings(elements: readonly RawElement[], present: readonly string[]): Generator<Finding> {
  const reported = new Set<string>();
  for (const element of elements) {
    const definition = lookupAi(element.ai);
    if (!definition || reported.has(element.ai)) continue;
    reported.add(element.ai);
    for (const pattern of definition.excludes) {
      // An AI is never exclusive of itself, even when it matches the pattern (dictionary header).
      const other = present.find((ai) => ai !== element.ai && aiMatchesPattern(ai, pattern));
      if (other === undefined || reported.has(`${other}~${element.ai}`)) continue;
      reported.add(`${element.ai}~${other}`);
      const message = `AI (${element.ai}) must not be used with AI (${other})`;
      yield { code: "EXCLUSIVE_AIS", message, ai: element.ai, offset: element.offset };
    }
    for (const group of definition.requires) {
      const satisfied = group.some((alternative) =>
        alternative.every((pattern) => present.some((ai) => ai !== element.ai && aiMatchesPattern(ai, pattern))),
      );
      if (satisfied) continue;
      const wanted = group.map((alternative) => alternative.map((pattern) => `(${pattern})`).join(" + ")).join(" or ");
      yield {
        code: "MISSING_REQUIRED_AI",
        message: `AI (${element.ai}) requires ${wanted}`,
        ai: element.ai,
        offset: element.offset,
      };
    }
  }
}

// AIs whose data field ends in an optional serial component; a digital signature (8030) must sign a serialised
// instance, so with 8030 that component must be present (the GS1 engine's validateDigSigRequiresSerialisedKey).
const SERIAL_COMPONENT_START: Readonly<Record<string, number>> = { "253": 13, "255": 13, "8003": 14 };

function* digitalSignatureFindings(elements: readonly RawElement[]): Generator<Finding> {
  const signature = elements.find((element) => element.ai === "8030");
  if (!signature) return;
  for (const element of elements) {
    const serialStart = SERIAL_COMPONENT_START[element.ai];
    if (serialStart === undefined || element.raw.length > serialStart) continue;
    const message = `AI (8030) signs a serialised key, but AI (${element.ai}) carries no serial component`;
    yield { code: "MISSING_REQUIRED_AI", message, ai: element.ai, offset: element.offset };
  }
}
