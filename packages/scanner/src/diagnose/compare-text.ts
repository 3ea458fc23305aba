// Explains how a received text differs from a label's expected text, as the sum of the ways scanners and keyboard
// wedges change data (research scanners.md §3.4 and §8): what arrived where each GS belongs, characters swapped by a
// keyboard-layout mismatch or Caps Lock, and a cut-off end. Anything else is an unexplained difference.
import { type KeyboardLayoutName, LAYOUT_CHANGES } from "./keyboard-layouts.js";

const GS = "\u001d";

/** What arrived in place of each GS, when it was not a GS. */
type SeparatorChange =
  | { readonly kind: "missing" }
  | { readonly kind: "doubled" }
  /** The digits of an Alt+0029 keypad sequence whose Alt the host did not see. */
  | { readonly kind: "alt-code-leak"; readonly found: string }
  | { readonly kind: "substituted"; readonly substitute: string };

/** One character the scanner or host changed: what the label holds and what arrived. */
export interface CharacterChange {
  readonly expected: string;
  readonly found: string;
}

/** How `found` relates to `expected`. */
export interface TextComparison {
  readonly separator?: SeparatorChange;
  /** The host layout that explains the changed characters, when one is needed. */
  readonly layout?: KeyboardLayoutName;
  /** Changed characters a layout explains, each once, in order of appearance. */
  readonly layoutChanges: readonly CharacterChange[];
  /** Letters whose case is inverted. */
  readonly caseInverted: boolean;
  /** Set when `found` ends early, and everything up to there is explained. */
  readonly truncated?: { readonly receivedLength: number; readonly expectedLength: number };
  /** The first difference nothing explains, as an offset into `found`. */
  readonly mismatch?: { readonly offset: number; readonly expected: string; readonly found: string };
}

type CharacterExplanation = Omit<TextComparison, "separator" | "truncated">;

const FIXED_SEPARATORS: readonly string[] = [GS, "", GS + GS, "0029", "029"];
/** Longest printable substitute looked for, e.g. "<GS>", "{GS}", "[FNC1]". */
const LONGEST_SUBSTITUTE = 6;
const LAYOUTS: readonly (KeyboardLayoutName | undefined)[] = [undefined, "azerty-fr", "qwertz-de"];

/** Compares a received text with the expected one and explains the differences. */
export function compareText(found: string, expected: string): TextComparison {
  const segments = expected.split(GS);
  const candidates = segments.length === 1 ? [GS] : separatorCandidates(found, segments);
  let fallback: TextComparison | undefined;
  let truncatedMatch: TextComparison | undefined;
  for (const separator of candidates) {
    const comparison = compareWithSeparator(found, segments.join(separator), separator);
    fallback ??= comparison;
    if (comparison.mismatch !== undefined) continue;
    if (comparison.truncated === undefined) return comparison;
    truncatedMatch ??= comparison;
  }
  return truncatedMatch ?? (fallback as TextComparison);
}

function separatorCandidates(found: string, segments: readonly string[]): string[] {
  const offset = (segments[0] ?? "").length;
  const candidates = [...FIXED_SEPARATORS];
  for (let length = 1; length <= LONGEST_SUBSTITUTE; length++) {
    const substitute = found.slice(offset, offset + length);
    if (substitute.length === length && !candidates.includes(substitute)) candidates.push(substitute);
  }
  return candidates;
}

function compareWithSeparator(found: string, expected: string, separator: string): TextComparison {
  const differences: { offset: number; expected: string; found: string }[] = [];
  const shared = Math.min(found.length, expected.length);
  for (let offset = 0; offset < shared; offset++) {
    if (found[offset] !== expected[offset]) {
      differences.push({ offset, expected: expected[offset] as string, found: found[offset] as string });
    }
  }
  const base = { ...separatorChange(separator), ...explainCharacters(differences) };
  if (base.mismatch !== undefined) return base;
  if (found.length > expected.length) {
    const extra = found[expected.length] as string;
    return { ...base, mismatch: { offset: expected.length, expected: "", found: extra } };
  }
  if (found.length < expected.length) {
    return { ...base, truncated: { receivedLength: found.length, expectedLength: expected.length } };
  }
  return base;
}

function separatorChange(separator: string): { separator?: SeparatorChange } {
  if (separator === GS) return {};
  if (separator === "") return { separator: { kind: "missing" } };
  if (separator === GS + GS) return { separator: { kind: "doubled" } };
  if (separator === "0029" || separator === "029") return { separator: { kind: "alt-code-leak", found: separator } };
  return { separator: { kind: "substituted", substitute: separator } };
}

function explainCharacters(
  differences: readonly { offset: number; expected: string; found: string }[],
): CharacterExplanation {
  if (differences.length === 0) return { layoutChanges: [], caseInverted: false };
  let best: CharacterExplanation | undefined;
  for (const layout of LAYOUTS) {
    const explained = explainWithLayout(differences, layout);
    if (explained.mismatch === undefined) return explained;
    // Keep the reading that explains the longest stretch before its first unexplained character.
    if (best?.mismatch === undefined || explained.mismatch.offset > best.mismatch.offset) best = explained;
  }
  return best as CharacterExplanation;
}

function explainWithLayout(
  differences: readonly { offset: number; expected: string; found: string }[],
  layout: KeyboardLayoutName | undefined,
): CharacterExplanation {
  const changes = layout === undefined ? undefined : LAYOUT_CHANGES[layout];
  const layoutChanges: CharacterChange[] = [];
  let caseInverted = false;
  for (const difference of differences) {
    const typed = changes?.get(difference.expected) ?? difference.expected;
    if (typed !== difference.found && invertCase(typed) !== difference.found) {
      return { layoutChanges, caseInverted, mismatch: difference };
    }
    if (typed !== difference.expected && !layoutChanges.some((change) => change.expected === difference.expected)) {
      layoutChanges.push({ expected: difference.expected, found: typed });
    }
    if (typed !== difference.found) caseInverted = true;
  }
  if (layout === undefined || layoutChanges.length === 0) return { layoutChanges, caseInverted };
  return { layout, layoutChanges, caseInverted };
}

/** Caps Lock inverts the case of letters only. */
export function invertCase(character: string): string {
  const upper = character.toUpperCase();
  const lower = character.toLowerCase();
  if (upper === lower) return character;
  return character === upper ? lower : upper;
}
