// Reads an uncompressed GS1 Digital Link URI into AI elements: GS1 Digital Link URI Syntax 1.x, with the GS1
// Syntax Engine (gs1/gs1-syntax-engine src/c-lib/dl.c `gs1_parseDLuri`) as the reference where the standard
// leaves room. It runs on every scan, so it scans characters by hand: no regular expressions, no `new URL()`,
// no split().
import { type AiDefinition, lookupAi } from "./ai-table.js";
import { hasValidMod10CheckDigit } from "./check-digit.js";
import {
  describeQualifierSequences,
  isValidQualifierPath,
  type QualifierSequences,
  qualifierBelongsInPath,
} from "./digital-link-keys.js";
import { percentDecode } from "./digital-link-percent.js";
import { firstBadHostCharacter, firstIllegalCharacter, schemeLength } from "./digital-link-syntax.js";
import { validateElement } from "./element-validation.js";
import type { Gs1Error, Gs1Warning, Result } from "./errors.js";
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

type Read<T> = Result<T, Gs1Error>;

const SLASH = 47;

/**
 * Reads a GS1 Digital Link URI such as `https://id.gs1.org/01/09506000134352/10/ABC?17=261231`. Any http(s)
 * scheme, host and path prefix are accepted; the primary key is the rightmost `/AI/value` pair whose AI is a
 * Digital Link primary key. Never throws.
 * @returns the elements, or BAD_DIGITAL_LINK for a broken URI structure, UNKNOWN_AI for a numeric query key that
 * is no AI, or the element error (BAD_LENGTH, BAD_CHARSET, BAD_CHECK_DIGIT …) of the first bad value
 */
export function parseDigitalLink(uri: string): Read<DigitalLinkParts> {
  const illegal = firstIllegalCharacter(uri);
  if (illegal >= 0) {
    return fail(`A URI may not contain ${JSON.stringify(uri[illegal])}`, illegal);
  }
  const hostStart = schemeLength(uri);
  if (hostStart === 0) return fail('A GS1 Digital Link URI starts with "https://" or "http://"', 0);
  const pathStart = uri.indexOf("/", hostStart);
  if (pathStart <= hostStart) return fail("The URI has no domain or no path", hostStart);
  const badHost = firstBadHostCharacter(uri, hostStart, pathStart);
  if (badHost >= 0) return fail(`A domain may not contain ${JSON.stringify(uri[badHost])}`, badHost);
  // Everything after "#" is the fragment, which carries no GS1 data (RFC 3986 §3.5).
  const fragment = uri.indexOf("#", pathStart);
  const end = fragment < 0 ? uri.length : fragment;
  let pathEnd = uri.indexOf("?", pathStart);
  if (pathEnd < 0 || pathEnd > end) pathEnd = end;
  // The engine rejects a trailing "/" (dl.c test "Can't end in slash"), so one URI has one spelling.
  if (pathEnd - pathStart > 1 && uri.charCodeAt(pathEnd - 1) === SLASH) {
    return fail("A GS1 Digital Link URI does not end in '/'", pathEnd - 1);
  }
  const path = readPath(uri, pathStart, pathEnd);
  if (!path.ok) return path;
  const { elements, stem, warnings } = path.value;
  const ignoredQueryParameters: IgnoredQueryParameter[] = [];
  for (let position = pathEnd + 1; position < end; ) {
    let parameterEnd = uri.indexOf("&", position);
    if (parameterEnd < 0 || parameterEnd > end) parameterEnd = end;
    // Empty parameters ("?&&99=A&&") are tolerated, as by the engine.
    if (parameterEnd > position) {
      const problem = readQueryParameter(uri, position, parameterEnd, path.value, ignoredQueryParameters);
      if (problem) return { ok: false, error: problem };
    }
    position = parameterEnd + 1;
  }
  return { ok: true, value: { elements, stem, ignoredQueryParameters, warnings } };
}

interface PathRead {
  readonly stem: string;
  readonly elements: RawElement[];
  readonly keyAi: string;
  readonly keySequences: QualifierSequences;
  /** The qualifier AIs in the path, in path order. */
  readonly qualifiers: readonly string[];
  readonly warnings: Gs1Warning[];
}

function readPath(uri: string, pathStart: number, pathEnd: number): Read<PathRead> {
  const slashes: number[] = [];
  for (let slash = pathStart; slash >= 0 && slash < pathEnd; slash = uri.indexOf("/", slash + 1)) slashes.push(slash);
  const segmentEnd = (index: number) => slashes[index + 1] ?? pathEnd;
  const segmentStart = (index: number) => (slashes[index] ?? pathEnd) + 1;
  // Walk `/AI/value` pairs back from the end: the rightmost primary key starts the GS1 path, so a path prefix
  // may itself look like AIs (engine test "https://a/00/faux/00/006141411234567890"). A segment that is no AI
  // ends the walk.
  const walked: AiDefinition[] = [];
  let keyIndex = -1;
  for (let index = slashes.length - 2; index >= 0; index -= 2) {
    const definition = aiAt(uri, segmentStart(index), segmentEnd(index));
    if (!definition) break;
    walked.push(definition);
    if (definition.dlQualifierSequences) {
      keyIndex = index;
      break;
    }
  }
  const [key, ...qualifierDefinitions] = walked.reverse();
  if (keyIndex < 0 || !key?.dlQualifierSequences) return fail(noPrimaryKeyMessage(uri, slashes, pathEnd), pathStart);
  const keySequences = key.dlQualifierSequences;
  const qualifiers = qualifierDefinitions.map((definition) => definition.ai);
  if (!isValidQualifierPath(keySequences, qualifiers)) {
    return fail(
      `The path (${key.ai})(${qualifiers.join(")(")}) is not a valid key-qualifier sequence: (${key.ai}) takes ` +
        `${describeQualifierSequences(keySequences)}, in that order`,
      segmentStart(keyIndex + 2),
    );
  }
  const elements: RawElement[] = [];
  const warnings: Gs1Warning[] = [];
  for (let index = keyIndex; index < slashes.length; index += 2) {
    const definition = index === keyIndex ? key : (qualifierDefinitions[(index - keyIndex) / 2 - 1] as AiDefinition);
    const read = readValue(definition, uri, segmentStart(index + 1), segmentEnd(index + 1), false, warnings);
    if ("code" in read) return { ok: false, error: read };
    elements.push(read);
  }
  return {
    ok: true,
    value: { stem: uri.slice(0, slashes[keyIndex]), elements, keyAi: key.ai, keySequences, qualifiers, warnings },
  };
}

/** Reads one `name=value` query parameter; an AI goes to `path.elements`, anything else to `ignored`. */
function readQueryParameter(
  uri: string,
  start: number,
  end: number,
  path: PathRead,
  ignored: IgnoredQueryParameter[],
): Gs1Error | undefined {
  let equals = uri.indexOf("=", start);
  if (equals < 0 || equals > end) equals = end;
  if (!isAllDigits(uri, start, equals)) {
    // Non-numeric names (linkType, context …) are for the resolver, not GS1 data; the engine skips them too.
    ignored.push({ name: uri.slice(start, equals), value: equals < end ? uri.slice(equals + 1, end) : "" });
    return undefined;
  }
  const ai = uri.slice(start, equals);
  if (equals === end) {
    // A bare number is a "singleton" parameter, which the engine ignores rather than reading as an AI.
    ignored.push({ name: ai, value: "" });
    return undefined;
  }
  const definition = lookupAi(ai);
  if (!definition) return structureError(`Unknown AI (${ai}) in the query string`, start, ai, "UNKNOWN_AI");
  if (path.elements.some((element) => element.ai === ai)) {
    return structureError(`AI (${ai}) appears twice in the URI`, start, ai);
  }
  if (qualifierBelongsInPath(path.keySequences, path.qualifiers, ai)) {
    return structureError(`AI (${ai}) qualifies the key (${path.keyAi}): it belongs in the path`, start, ai);
  }
  if (!definition.dlDataAttribute) {
    return structureError(`AI (${ai}) may not be a query-string attribute`, start, ai);
  }
  const read = readValue(definition, uri, equals + 1, end, true, path.warnings);
  if ("code" in read) return read;
  path.elements.push(read);
  return undefined;
}

/** Percent-decodes and validates one value; zero-pads a GTIN-8/12/13 in (01). */
function readValue(
  definition: AiDefinition,
  uri: string,
  start: number,
  end: number,
  isQuery: boolean,
  warnings: Gs1Warning[],
): RawElement | Gs1Error {
  const { ai } = definition;
  const decoded = percentDecode(uri, start, end, isQuery);
  if (typeof decoded !== "string") return structureError(`AI (${ai}): ${decoded.reason}`, decoded.at, ai);
  let raw = decoded;
  // GS1 DL URI Syntax wants the 14-digit GTIN, but GTIN-8/12/13 as printed under the barcode are common in the
  // wild. As BIIP, DLTK and digital-link.js do (and the engine with permitZeroSuppressedGTINinDLuris), pad them
  // to the 14-digit field a GTIN is carried in, when the check digit shows it is a GTIN: leading zeros leave a
  // mod-10 check digit unchanged.
  if (ai === "01" && isShortGtinLength(raw.length) && isAllDigits(raw, 0, raw.length) && hasValidMod10CheckDigit(raw)) {
    warnings.push({
      code: "NON_CANONICAL_GTIN",
      message: `GTIN-${raw.length} ${raw} in the Digital Link was zero-padded to 14 digits`,
      ai,
    });
    raw = raw.padStart(14, "0");
  }
  return validateElement(definition, raw, start) ?? { ai, raw, offset: start, definition };
}

function isShortGtinLength(length: number): boolean {
  return length === 8 || length === 12 || length === 13;
}

/** The AI a path segment names, when it is a known AI; the engine reads path AIs without percent-decoding. */
function aiAt(uri: string, start: number, end: number): AiDefinition | undefined {
  const length = end - start;
  if (length < 2 || length > 4 || !isAllDigits(uri, start, end)) return undefined;
  return lookupAi(uri.slice(start, end));
}

// Convenience alphas (/gtin/, /lot/ …) are deprecated ("will be removed in version 1.3", gs1/interpretGS1scan
// plausibleGS1DL.js; gs1/EPCIS PR #426) and the engine reads them only behind an internal flag. They are named
// here only to say why a URI using them fails.
const CONVENIENCE_ALPHAS: Readonly<Record<string, string>> = {
  cpid: "8010",
  cpsn: "8011",
  cpv: "22",
  gcn: "255",
  gdti: "253",
  giai: "8004",
  ginc: "401",
  gln: "414",
  glnx: "254",
  gmn: "8013",
  grai: "8003",
  gsin: "402",
  gsrn: "8018",
  gsrnp: "8017",
  gtin: "01",
  itip: "8006",
  lot: "10",
  party: "417",
  refno: "8020",
  ser: "21",
  srin: "8019",
  sscc: "00",
};

function noPrimaryKeyMessage(uri: string, slashes: readonly number[], pathEnd: number): string {
  for (let index = 0; index < slashes.length; index++) {
    const segment = uri.slice((slashes[index] as number) + 1, slashes[index + 1] ?? pathEnd);
    const ai = Object.hasOwn(CONVENIENCE_ALPHAS, segment) ? CONVENIENCE_ALPHAS[segment] : undefined;
    if (ai) return `The convenience alpha /${segment}/ is deprecated: write /${ai}/`;
  }
  return "No primary key AI (e.g. /01/) in the path; compressed URIs are not supported";
}

function isAllDigits(text: string, start: number, end: number): boolean {
  if (end <= start) return false;
  for (let i = start; i < end; i++) {
    const code = text.charCodeAt(i);
    if (code < 48 || code > 57) return false;
  }
  return true;
}

function structureError(
  message: string,
  offset: number,
  ai: string,
  code: "BAD_DIGITAL_LINK" | "UNKNOWN_AI" = "BAD_DIGITAL_LINK",
): Gs1Error {
  return { code, message, offset, ai };
}

function fail(message: string, offset: number): { ok: false; error: Gs1Error } {
  return { ok: false, error: { code: "BAD_DIGITAL_LINK", message, offset } };
}
