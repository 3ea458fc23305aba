// Reads an uncompressed GS1 Digital Link URI into AI elements: GS1 Digital Link URI Syntax 1.x, with the GS1
// Syntax Engine (gs1/gs1-syntax-engine src/c-lib/dl.c `gs1_parseDLuri`) as the reference where the standard
// leaves room. It runs on every scan, so it finds the parts with indexOf: no `new URL()`, no split().
import { type AiDefinition, lookupAi } from "./ai-table.js";
import { hasValidMod10CheckDigit } from "./check-digit.js";
import { describeQualifierSequences, isValidQualifierPath, qualifierBelongsInPath } from "./digital-link-keys.js";
import { percentDecode } from "./digital-link-percent.js";
import { firstBadHostCharacter, firstIllegalCharacter, schemeLength } from "./digital-link-syntax.js";
import { validateElement } from "./element-validation.js";
import { fail, type Gs1Error, type Gs1ErrorCode, type Gs1Warning, gs1Error, type Result } from "./errors.js";
import { isDigits } from "./linters/lint-failure.js";
import type { RawElement } from "./raw-element.js";

/** A query parameter that is not an AI (e.g. `linkType`), exactly as written in the URI (not percent-decoded). */
export interface IgnoredQueryParameter {
  readonly name: string;
  /** Empty for a parameter without "=". */
  readonly value: string;
}

/** What a Digital Link URI carries. */
export interface DigitalLinkParts {
  /** The path's AIs in path order (primary key first), then the query string's AIs in query order; each validated. */
  readonly elements: readonly RawElement[];
  /** Scheme, host and any path before the primary key, e.g. "https://example.com/products". */
  readonly stem: string;
  readonly ignoredQueryParameters: readonly IgnoredQueryParameter[];
  /** NON_CANONICAL_GTIN when a GTIN-8/12/13 was zero-padded to 14 digits. */
  readonly warnings: readonly Gs1Warning[];
}

/**
 * Reads a GS1 Digital Link URI such as `https://id.gs1.org/01/09506000134352/10/ABC?17=261231`. Any http(s)
 * scheme, host and path prefix are accepted; the primary key is the rightmost `/AI/value` pair whose AI is a
 * Digital Link primary key. Never throws.
 * @returns the elements, or BAD_DIGITAL_LINK for a broken URI structure, UNKNOWN_AI for a numeric query key that
 * is no AI, or the element error (BAD_LENGTH, BAD_CHARSET, BAD_CHECK_DIGIT …) of the first bad value
 */
export function parseDigitalLink(uri: string): Result<DigitalLinkParts, Gs1Error> {
  const illegal = firstIllegalCharacter(uri);
  if (illegal >= 0) return badLink(`Bad URI character ${JSON.stringify(uri[illegal])}`, illegal);
  const hostStart = schemeLength(uri);
  if (hostStart === 0) return badLink('Not "http(s)://"', 0);
  const pathStart = uri.indexOf("/", hostStart);
  if (pathStart <= hostStart) return badLink("No domain or no path", hostStart);
  const badHost = firstBadHostCharacter(uri, hostStart, pathStart);
  if (badHost >= 0) return badLink(`Bad domain character ${JSON.stringify(uri[badHost])}`, badHost);
  // Everything after "#" is the fragment, which carries no GS1 data (RFC 3986 §3.5).
  const end = endOf(uri, "#", pathStart, uri.length);
  const pathEnd = endOf(uri, "?", pathStart, end);
  // The engine rejects a trailing "/" (dl.c test "Can't end in slash"), so one URI has one spelling.
  if (pathEnd - pathStart > 1 && uri.charCodeAt(pathEnd - 1) === 47 /* / */) {
    return badLink("URI ends in '/'", pathEnd - 1);
  }
  // Where each path segment starts (after its "/"), and then where the path ends: segment i is
  // uri[starts[i], starts[i + 1] - 1).
  const starts: number[] = [];
  for (let slash = pathStart; slash >= 0 && slash < pathEnd; slash = uri.indexOf("/", slash + 1)) {
    starts.push(slash + 1);
  }
  starts.push(pathEnd + 1);
  const segments = starts.length - 1;
  // Walk `/AI/value` pairs back from the end: the rightmost primary key starts the GS1 path, so a path prefix
  // may itself look like AIs (engine test "https://a/00/faux/00/006141411234567890"). A segment that is no AI
  // ends the walk.
  const path: AiDefinition[] = [];
  let keyIndex = segments - 2;
  for (; keyIndex >= 0; keyIndex -= 2) {
    const definition = aiAt(uri, starts[keyIndex] as number, (starts[keyIndex + 1] as number) - 1);
    if (!definition) break;
    path.unshift(definition);
    if (definition.dlQualifierSequences) break;
  }
  const key = path[0];
  const keySequences = key?.dlQualifierSequences;
  if (keyIndex < 0 || !key || !keySequences) return badLink(noPrimaryKeyMessage(uri, starts), pathStart);
  const qualifiers = path.slice(1).map((definition) => definition.ai);
  if (!isValidQualifierPath(keySequences, qualifiers)) {
    return badLink(
      `Bad qualifiers (${qualifiers.join(")(")}): (${key.ai}) takes ${describeQualifierSequences(keySequences)}`,
      starts[keyIndex + 2] as number,
    );
  }
  const elements: RawElement[] = [];
  const warnings: Gs1Warning[] = [];
  for (let index = keyIndex; index < segments; index += 2) {
    const problem = readValue(
      path[(index - keyIndex) / 2] as AiDefinition,
      uri,
      starts[index + 1] as number,
      (starts[index + 2] as number) - 1,
      false,
      elements,
      warnings,
    );
    if (problem) return { ok: false, error: problem };
  }
  const ignoredQueryParameters: IgnoredQueryParameter[] = [];
  for (let start = pathEnd + 1; start < end; ) {
    const parameterEnd = endOf(uri, "&", start, end);
    const equals = endOf(uri, "=", start, parameterEnd);
    const name = uri.slice(start, equals);
    // Empty parameters ("?&&99=A&&") are tolerated, as by the engine. Non-numeric names (linkType, context …)
    // are for the resolver, not GS1 data, and a bare number is a "singleton" parameter: the engine skips both.
    if (!isDigits(uri, start, equals) || equals === parameterEnd) {
      if (parameterEnd > start) ignoredQueryParameters.push({ name, value: uri.slice(equals + 1, parameterEnd) });
    } else {
      const definition = lookupAi(name);
      const problem = !definition
        ? queryError(`Unknown AI (${name})`, start, name, "UNKNOWN_AI")
        : elements.some((element) => element.ai === name)
          ? queryError(`AI (${name}) is repeated`, start, name)
          : qualifierBelongsInPath(keySequences, qualifiers, name)
            ? queryError(`AI (${name}) belongs in the path`, start, name)
            : !definition.dlDataAttribute
              ? queryError(`AI (${name}) may not be in the query`, start, name)
              : readValue(definition, uri, equals + 1, parameterEnd, true, elements, warnings);
      if (problem) return { ok: false, error: problem };
    }
    start = parameterEnd + 1;
  }
  return {
    ok: true,
    value: { elements, stem: uri.slice(0, (starts[keyIndex] as number) - 1), ignoredQueryParameters, warnings },
  };
}

/** Where the first `character` at or after `start` is, or `end` when there is none before it. */
function endOf(uri: string, character: string, start: number, end: number): number {
  const found = uri.indexOf(character, start);
  return found < 0 || found > end ? end : found;
}

/** Percent-decodes and validates one value, zero-padding a GTIN-8/12/13 in (01), and adds it to `elements`. */
function readValue(
  definition: AiDefinition,
  uri: string,
  start: number,
  end: number,
  isQuery: boolean,
  elements: RawElement[],
  warnings: Gs1Warning[],
): Gs1Error | undefined {
  const { ai } = definition;
  const decoded = percentDecode(uri, start, end, isQuery);
  if (typeof decoded !== "string") return queryError(`AI (${ai}): ${decoded.reason}`, decoded.at, ai);
  let raw = decoded;
  // GS1 DL URI Syntax wants the 14-digit GTIN, but GTIN-8/12/13 as printed under the barcode are common in the
  // wild. As BIIP, DLTK and digital-link.js do (and the engine with permitZeroSuppressedGTINinDLuris), pad them
  // to the 14-digit field a GTIN is carried in, when the check digit shows it is a GTIN: leading zeros leave a
  // mod-10 check digit unchanged.
  if (ai === "01" && raw.length < 14 && /^(\d{8}|\d{12,13})$/.test(raw) && hasValidMod10CheckDigit(raw)) {
    warnings.push({ code: "NON_CANONICAL_GTIN", message: `GTIN ${raw} zero-padded to 14 digits`, ai });
    raw = raw.padStart(14, "0");
  }
  const problem = validateElement(definition, raw, start);
  if (!problem) elements.push({ ai, raw, offset: start, definition });
  return problem;
}

/** The AI a path segment names, when it is a known AI; the engine reads path AIs without percent-decoding. */
function aiAt(uri: string, start: number, end: number): AiDefinition | undefined {
  const length = end - start;
  return length < 2 || length > 4 || !isDigits(uri, start, end) ? undefined : lookupAi(uri.slice(start, end));
}

// Convenience alphas (/gtin/, /lot/ …) are deprecated ("will be removed in version 1.3", gs1/interpretGS1scan
// plausibleGS1DL.js; gs1/EPCIS PR #426) and the engine reads them only behind an internal flag. They are named
// here only to say why a URI using them fails: each alpha followed by its AI.
const CONVENIENCE_ALPHAS =
  " cpid8010 cpsn8011 cpv22 gcn255 gdti253 giai8004 ginc401 gln414 glnx254 gmn8013 grai8003 gsin402 gsrn8018 " +
  "gsrnp8017 gtin01 itip8006 lot10 party417 refno8020 ser21 srin8019 sscc00 ";

function noPrimaryKeyMessage(uri: string, starts: readonly number[]): string {
  for (let index = 0; index < starts.length - 1; index++) {
    const segment = uri.slice(starts[index], (starts[index + 1] as number) - 1);
    const ai = /^[a-z]+$/.test(segment) && new RegExp(` ${segment}(\\d+) `).exec(CONVENIENCE_ALPHAS)?.[1];
    if (ai) return `/${segment}/ is deprecated: write /${ai}/`;
  }
  return "No primary key AI (e.g. /01/)";
}

function queryError(message: string, offset: number, ai: string, code: Gs1ErrorCode = "BAD_DIGITAL_LINK"): Gs1Error {
  return gs1Error(code, message, offset, ai);
}

function badLink(message: string, offset: number): { ok: false; error: Gs1Error } {
  return fail("BAD_DIGITAL_LINK", message, offset);
}
