// GS1 association rules between AIs (the dictionary's `req=` and `ex=` attributes, GenSpecs §4.13) and repeated
// AIs. The dictionary says pairings "should be evaluated over the combined data received from all GS1 carriers
// marking a physical item", so a single symbol may legitimately miss a companion: by default a broken rule is a
// warning, and `strict` turns it into an error (the GS1 engine's default).
//
// It runs on every scan, so it is plain loops over the few AIs of a scan, and allocates only for findings.
import { type AiDefinition, aiMatchesPattern } from "./ai-table.js";
import { fail, type Gs1Error, type Gs1Warning, type Result } from "./errors.js";
import type { RawElement } from "./raw-element.js";

const NO_WARNINGS: Gs1Warning[] = [];
const NOTHING_TO_REPORT: Result<Gs1Warning[], Gs1Error> = { ok: true, value: NO_WARNINGS };

/**
 * Checks repeated AIs (the same AI with two values is always an error; the same value again is a warning),
 * then the requisite and exclusion rules and the digital signature's need of a serialised key.
 * @returns the warnings, or the first error
 */
export function checkAssociations(elements: readonly RawElement[], strict: boolean): Result<Gs1Warning[], Gs1Error> {
  const combination = combinationOf(elements);
  // Most scans: no AI twice, no broken rule, no digital signature; known from the AIs alone.
  if (combination.clean) return NOTHING_TO_REPORT;
  let warnings = NO_WARNINGS;
  const warn = (warning: Gs1Warning) => {
    if (warnings === NO_WARNINGS) warnings = [];
    warnings.push(warning);
  };
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i] as RawElement;
    const earlier = firstOccurrence(elements, i);
    if (earlier === undefined) continue;
    if (earlier.raw !== element.raw) {
      const message = `AI (${element.ai}) has two values: "${earlier.raw}" and "${element.raw}"`;
      return fail("DUPLICATE_AI", message, element.offset, element.ai);
    }
    warn({ code: "REPEATED_AI", message: `AI (${element.ai}) is repeated`, ai: element.ai });
  }
  const signed = combination.signed;
  const rules = combination.findings;
  for (let i = 0; i < elements.length; i++) {
    const element = elements[i] as RawElement;
    const finding = rules[i] ?? (signed ? digitalSignatureFinding(element) : undefined);
    if (!finding) continue;
    if (strict) return { ok: false, error: { ...finding, offset: element.offset } };
    warn(finding);
  }
  return { ok: true, value: warnings };
}

// The `req`/`ex` findings depend only on which AIs a scan holds, in which order, and a till sees the same few
// combinations all day: they are worked out once per combination, kept in a tree with one level per element
// (no key strings to build). Bounded, as scans are outside input.
// A node's children are two parallel lists searched in order: a node has one to a few children (the AIs that
// followed this prefix), where a linear identity search beats hashing.
interface CombinationNode {
  readonly nextDefinitions: AiDefinition[];
  readonly nextNodes: CombinationNode[];
  combination?: Combination;
}

interface Combination {
  /** The first broken `req`/`ex` rule of each element (undefined for repeats of an earlier AI). */
  readonly findings: readonly (Finding | undefined)[];
  /** Whether the digital signature AI (8030) is present. */
  readonly signed: boolean;
  /** No AI appears twice, no rule is broken and there is no signature: nothing to report. */
  readonly clean: boolean;
}

let combinations = newNode();
let cachedCombinations = 0;
const MAX_CACHED_COMBINATIONS = 512;

function combinationOf(elements: readonly RawElement[]): Combination {
  let node = combinations;
  for (let i = 0; i < elements.length; i++) {
    const { definition } = elements[i] as RawElement;
    const { nextDefinitions } = node;
    let index = 0;
    while (index < nextDefinitions.length && nextDefinitions[index] !== definition) index++;
    if (index < nextDefinitions.length) node = node.nextNodes[index] as CombinationNode;
    else {
      const child = newNode();
      node.nextDefinitions.push(definition);
      node.nextNodes.push(child);
      node = child;
    }
  }
  if (!node.combination) {
    if (++cachedCombinations > MAX_CACHED_COMBINATIONS) {
      combinations = newNode();
      cachedCombinations = 0;
    }
    const repeats = elements.map((_, i) => firstOccurrence(elements, i) !== undefined);
    const findings = elements.map((element, i) => (repeats[i] ? undefined : ruleFinding(element, elements)));
    const signed = elements.some((element) => element.ai === "8030");
    const clean = !signed && !repeats.includes(true) && findings.every((finding) => finding === undefined);
    node.combination = { findings, signed, clean };
  }
  return node.combination;
}

function newNode(): CombinationNode {
  return { nextDefinitions: [], nextNodes: [] };
}

/** An earlier element with the same AI, if any. */
function firstOccurrence(elements: readonly RawElement[], index: number): RawElement | undefined {
  const { ai } = elements[index] as RawElement;
  for (let j = 0; j < index; j++) if ((elements[j] as RawElement).ai === ai) return elements[j];
  return undefined;
}

type Finding = Gs1Warning & { readonly code: "MISSING_REQUIRED_AI" | "EXCLUSIVE_AIS" };

/** The first broken `ex`/`req` rule of an element, if any. An AI never satisfies or excludes itself. */
function ruleFinding(element: RawElement, elements: readonly RawElement[]): Finding | undefined {
  const { definition } = element;
  for (const pattern of definition.excludes) {
    const other = otherMatching(elements, element.ai, pattern);
    // Each excluded pair is reported once, by the AI that comes first in the data.
    if (other === undefined || excludedBy(other, element.ai, elements, element)) continue;
    return { code: "EXCLUSIVE_AIS", message: `AI (${element.ai}) excludes AI (${other})`, ai: element.ai };
  }
  for (const group of definition.requires) {
    const satisfied = group.some((alternative) =>
      alternative.every((pattern) => otherMatching(elements, element.ai, pattern) !== undefined),
    );
    if (satisfied) continue;
    const wanted = group.map((alternative) => alternative.map((pattern) => `(${pattern})`).join(" + ")).join(" or ");
    return { code: "MISSING_REQUIRED_AI", message: `AI (${element.ai}) requires ${wanted}`, ai: element.ai };
  }
  return undefined;
}

/** An AI other than `self` in the data that matches the pattern. */
function otherMatching(elements: readonly RawElement[], self: string, pattern: string): string | undefined {
  for (const { ai } of elements) if (ai !== self && aiMatchesPattern(ai, pattern)) return ai;
  return undefined;
}

/** Whether `other`, appearing before `element` in the data, already reports excluding it. */
function excludedBy(other: string, ai: string, elements: readonly RawElement[], element: RawElement): boolean {
  const otherElement = elements.find((each) => each.ai === other);
  if (!otherElement || elements.indexOf(otherElement) > elements.indexOf(element)) return false;
  return otherElement.definition.excludes.some((pattern) => aiMatchesPattern(ai, pattern));
}

// AIs whose data field ends in an optional serial component; a digital signature (8030) must sign a serialised
// instance, so with 8030 that component must be present (the GS1 engine's validateDigSigRequiresSerialisedKey).
const SERIAL_COMPONENT_START: Readonly<Record<string, number>> = { "253": 13, "255": 13, "8003": 14 };

function digitalSignatureFinding(element: RawElement): Finding | undefined {
  const serialStart = SERIAL_COMPONENT_START[element.ai];
  if (serialStart === undefined || element.raw.length > serialStart) return undefined;
  const message = `AI (8030) needs a serial in AI (${element.ai})`;
  return { code: "MISSING_REQUIRED_AI", message, ai: element.ai };
}
