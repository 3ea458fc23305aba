// Writes AI elements as a canonical GS1 Digital Link URI: the primary key and its qualifiers in the path, in the
// dictionary's order (URI Syntax §4.9), every other element as a numeric query-string attribute. The GS1 Syntax
// Engine (dl.c `gs1_generateDLuri` and its tests) is the reference; see docs/digital-link.md for where we differ.
import { type AiDefinition, lookupAi } from "./ai-table.js";
import type { QualifierSequences } from "./digital-link-keys.js";
import { percentEncode } from "./digital-link-percent.js";
import { validateElement } from "./element-validation.js";
import { fail, type Gs1Error, type Result } from "./errors.js";

/** Options for {@link formatDigitalLink}. */
export interface FormatDigitalLinkOptions {
  /**
   * Scheme, host and optional path prefix of the URI, e.g. "https://example.com/products"; a trailing "/" is
   * dropped.
   * @default "https://id.gs1.org"
   */
  readonly domain?: string;
}

/** The canonical GS1 Digital Link URI's domain (URI Syntax §4.12, as cited by BIIP `as_canonical_uri`). */
const CANONICAL_DOMAIN = "https://id.gs1.org";

interface Checked {
  readonly ai: string;
  readonly raw: string;
  readonly definition: AiDefinition;
}

/**
 * The canonical GS1 Digital Link URI for the elements: the first element that is a primary key, its qualifiers
 * in dictionary order, then the other elements in the query string, those with a predefined length first, each
 * group in input order. Values are validated and percent-encoded; an element repeated with the same value is
 * written once.
 * @returns the URI; BAD_DIGITAL_LINK when no element is a primary key or an element may not appear in a Digital
 * Link (e.g. (21) without (01), (8200)); DUPLICATE_AI for one AI with two values; the element error (UNKNOWN_AI,
 * BAD_LENGTH, BAD_CHECK_DIGIT …, with `offset` counted in that element's value) for a bad value
 * @throws RangeError when `domain` does not start with "http://" or "https://" and a host
 * @example
 * formatDigitalLink([{ ai: "01", raw: "09506000134352" }, { ai: "17", raw: "261231" }, { ai: "10", raw: "AB/1" }])
 * // { ok: true, value: "https://id.gs1.org/01/09506000134352/10/AB%2F1?17=261231" }
 */
export function formatDigitalLink(
  elements: readonly { readonly ai: string; readonly raw: string }[],
  options: FormatDigitalLinkOptions = {},
): Result<string, Gs1Error> {
  const stem = stemOf(options.domain ?? CANONICAL_DOMAIN);
  const checked = checkElements(elements);
  if (!checked.ok) return checked;
  const unique = checked.value;
  const key = unique.find((element) => element.definition.dlQualifierSequences !== undefined);
  const sequences = key?.definition.dlQualifierSequences;
  if (!key || !sequences) {
    return fail("BAD_DIGITAL_LINK", "No primary key AI");
  }
  const pathQualifiers = chooseQualifierSequence(sequences, unique);
  let uri = `${stem}/${key.ai}/${percentEncode(key.raw)}`;
  for (const qualifier of pathQualifiers) {
    const element = unique.find((each) => each.ai === qualifier);
    if (element) uri += `/${element.ai}/${percentEncode(element.raw)}`;
  }
  const attributes = unique.filter((element) => element !== key && !pathQualifiers.includes(element.ai));
  const refused = attributes.find((element) => !element.definition.dlDataAttribute);
  if (refused) {
    return fail(
      "BAD_DIGITAL_LINK",
      `AI (${refused.ai}) cannot be in a Digital Link with key (${key.ai})`,
      undefined,
      refused.ai,
    );
  }
  // Predefined-length AIs first, as the engine writes them (dl.c `gs1_generateDLuri`): read back into an element
  // string, they need no FNC1 separator, so the barcode comes out shortest.
  let separator = "?";
  for (const predefinedLength of [true, false]) {
    for (const element of attributes) {
      if (element.definition.predefinedLength !== predefinedLength) continue;
      uri += `${separator}${element.ai}=${percentEncode(element.raw)}`;
      separator = "&";
    }
  }
  return { ok: true, value: uri };
}

/** Validates each element and drops exact repeats (as the engine does), refusing one AI with two values. */
function checkElements(
  elements: readonly { readonly ai: string; readonly raw: string }[],
): Result<Checked[], Gs1Error> {
  const unique: Checked[] = [];
  for (const { ai, raw } of elements) {
    const earlier = unique.find((each) => each.ai === ai);
    if (earlier) {
      if (earlier.raw === raw) continue;
      return fail("DUPLICATE_AI", `AI (${ai}) has two values: "${earlier.raw}" and "${raw}"`, undefined, ai);
    }
    const definition = lookupAi(ai);
    if (!definition) return fail("UNKNOWN_AI", `Unknown AI (${ai})`, undefined, ai);
    const problem = validateElement(definition, raw, 0);
    if (problem) return { ok: false, error: problem };
    unique.push({ ai, raw, definition });
  }
  return { ok: true, value: unique };
}

/**
 * The qualifier sequence for the path: the alternative that puts the most of the data's qualifiers in the path,
 * the first alternative on a tie — what the engine's choice among its expanded sequences amounts to
 * (dl.c gs1_generateDLuri). An element that then fits neither path nor query makes the URI impossible, as there.
 */
function chooseQualifierSequence(sequences: QualifierSequences, elements: readonly Checked[]): readonly string[] {
  let best: readonly string[] = [];
  let bestCount = -1;
  for (const sequence of sequences) {
    const present = elements.filter((element) => sequence.includes(element.ai)).length;
    if (present > bestCount) {
      best = sequence;
      bestCount = present;
    }
  }
  return best;
}

function stemOf(domain: string): string {
  if (!/^https?:\/\/[^/?#]+/i.test(domain)) {
    throw new RangeError(`domain must be "https://" and a host, got "${domain}"`);
  }
  return domain.endsWith("/") ? domain.slice(0, -1) : domain;
}
