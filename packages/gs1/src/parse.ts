// parse(): one entry point for every shape a till's scanner can send. The shape is decided by the AIM
// symbology identifier when there is one, then by the content: brackets, a URI, a leading GS, a plain GTIN,
// or else a raw element string (keyboard wedges often drop the AIM id).

import { type AiDefinition, lookupAi } from "./ai-table.js";
import { checkAssociations } from "./associations.js";
import { hasValidMod10CheckDigit } from "./check-digit.js";
import { parseDigitalLink } from "./digital-link-parse.js";
import { GS, isGs1Error, readElementString } from "./element-string.js";
import { fail, type Gs1Error, type Gs1Warning, gs1Error, type Result } from "./errors.js";
import { buildGs1Data, type Gs1Data, type Gs1Source } from "./gs1-data.js";
import { readBracketed } from "./hri.js";
import type { RawElement } from "./raw-element.js";
import { DEFAULT_RCN_SCHEME } from "./rcn-default.js";
import type { RcnScheme } from "./rcn-scheme.js";
import { addScaleLabel } from "./scale-label.js";
import { aimIdOf, symbologyContent } from "./symbology.js";
import type { ValueContext } from "./values.js";

/** How to read a scan. */
export interface ParseOptions {
  /**
   * The store's calendar date "YYYY-MM-DD": the reference for the two-digit-year century window
   * (GenSpecs §7.12). Pass the store clock's date so results do not change with the machine's time zone.
   * @default the machine's local date
   */
  readonly today?: string;
  /**
   * When true, broken association rules (a required companion AI missing, two AIs that exclude each other)
   * are errors, as in the GS1 Syntax Engine; by default they are warnings, because GS1 evaluates them over all
   * the symbols on a pack, not one.
   * @default false
   */
  readonly strict?: boolean;
  /**
   * Characters or sequences a keyboard-wedge scanner was programmed to send instead of GS (FNC1), e.g.
   * `["|"]` or `["{GS}"]`. They are read as GS in element strings (not in URIs or bracketed input).
   * @default []
   */
  readonly gsSubstitutes?: readonly string[];
  /**
   * ISO 4217 code of the currency for AIs 390n/392n/395n, which carry none.
   * @default "CNY"
   */
  readonly localCurrency?: string;
  /**
   * Accept AIs that this package's GS1 Syntax Dictionary does not define (e.g. from a newer dictionary) as
   * CSET 82 data, where their length can be told from their prefix, as the GS1 Syntax Engine's option does.
   * @default false
   */
  readonly permitUnknownAis?: boolean;
  /**
   * How to read in-store scale labels: restricted-circulation EAN-13s (prefix 02, 20–29) that embed a price,
   * weight or count. `DEFAULT_RCN_SCHEME`, a preset from `RCN_PRESETS` or your own from `defineRcnScheme` (both
   * from "@scangate/gs1/rcn"; parse() throws a TypeError for a scheme that is none of these), or false to read
   * them as plain GTINs.
   * @default DEFAULT_RCN_SCHEME (Chinese retail scales: "FF IIIII PPPPP C", price in fen)
   */
  readonly rcn?: RcnScheme | false;
}

export type ParseResult = Result<Gs1Data, Gs1Error>;

// A scanner's suffix (CR, LF, Tab) and stray spaces around typed input: no GS1 data may start or end with
// them (none is in CSET 82), so trimming them loses nothing. GS is not trimmed: it is data structure.
const SURROUNDING_WHITESPACE = /^[ \t\r\n]+|[ \t\r\n]+$/g;
const URI_SCHEME = /^https?:\/\//i;
const NO_SUBSTITUTES: readonly string[] = [];

/**
 * Reads a scan (or typed text) as GS1 data. Never throws for bad input: it returns a typed error.
 * @example
 * const result = parse("]d2010950600013435217261231\u001d10ABC123");
 * if (result.ok) result.value.expiry; // "2026-12-31"
 */
export function parse(input: string, options: ParseOptions = {}): ParseResult {
  if (typeof input !== "string") throw new TypeError("parse() takes a string");
  const context = contextOf(options.today, options.localCurrency ?? "CNY");
  const text = hasSurroundingWhitespace(input) ? input.replace(SURROUNDING_WHITESPACE, "") : input;
  if (text.length === 0) return fail("EMPTY_INPUT", "Nothing was scanned");
  const aimId = aimIdOf(text);
  const read = aimId === undefined ? readInput(text, options) : readScanData(text, aimId, options);
  if (isGs1Error(read)) return { ok: false, error: read };
  const { elements, source, digitalLink } = read;
  const associations = checkAssociations(elements, options.strict ?? false);
  if (!associations.ok) return associations;
  const warnings = associations.value.length === 0 ? read.warnings : [...read.warnings, ...associations.value];
  const data = buildGs1Data(elements, warnings, source, context);
  if (aimId !== undefined) data.symbology = aimId;
  if (digitalLink !== undefined) data.digitalLink = digitalLink;
  if (options.rcn !== false) {
    const label = addScaleLabel(data, options.rcn ?? DEFAULT_RCN_SCHEME);
    if (!label.ok) return label;
  }
  return { ok: true, value: data };
}

interface InputRead {
  elements: readonly RawElement[];
  warnings: readonly Gs1Warning[];
  source: Gs1Source;
  digitalLink?: Gs1Data["digitalLink"];
}

/** Input without an AIM id: told apart by its content. */
function readInput(text: string, options: ParseOptions): InputRead | Gs1Error {
  if (text.startsWith("(")) {
    const read = readBracketed(text, options.permitUnknownAis ?? false);
    return read.ok ? { elements: read.value, warnings: [], source: "hri" } : read.error;
  }
  if (URI_SCHEME.test(text)) return readDigitalLink(text);
  if (text.startsWith(GS)) return readGs1ElementString(text, 1, "element-string", options);
  if (isPlainGtinShape(text)) {
    if (hasValidMod10CheckDigit(text)) return plainGtin(text);
    // A bare number of GTIN length with a wrong check digit may still be an element string ("15210526").
    // If it is not, report whichever reading got further: a recognised AI with a bad value, or the GTIN.
    const asElementString = readGs1ElementString(text, 0, "element-string", options);
    if (!isGs1Error(asElementString) || asElementString.ai !== undefined) return asElementString;
    return wrongCheckDigit(text, text.length - 1);
  }
  if (!/^\d\d/.test(text)) return gs1Error("NOT_GS1", "Not GS1 data: no AI at the start");
  return readGs1ElementString(text, 0, "element-string", options);
}

function readScanData(text: string, symbology: string, options: ParseOptions): InputRead | Gs1Error {
  const content = symbologyContent(symbology);
  if (content === "gs1") return readGs1ElementString(text, 3, "scan-data", options);
  if (content === "plain") {
    return URI_SCHEME.test(text.slice(3))
      ? readDigitalLink(text.slice(3))
      : gs1Error("NOT_GS1", `${symbology} data is not a Digital Link URI`);
  }
  if (content) return readPrimary(text, content === "ean13" ? 13 : content === "ean8" ? 8 : 14, options);
  return gs1Error(
    /^\][CedQJEI]/.test(symbology) ? "UNSUPPORTED_SYMBOLOGY" : "NOT_GS1",
    `${symbology} carries no GS1 data`,
    0,
  );
}

/** EAN/UPC and ITF-14: the digits of a GTIN, and for EAN a GS1 composite component after "|]e0". */
function readPrimary(text: string, length: number, options: ParseOptions): InputRead | Gs1Error {
  const composite = text.indexOf("|]e0", 3);
  const primary = text.slice(3, composite < 0 ? text.length : composite);
  if (!/^\d*$/.test(primary)) return gs1Error("BAD_CHARSET", `Not digits: "${primary}"`, 3);
  if (primary.length !== length) return gs1Error("BAD_LENGTH", `Expected ${length} digits, got ${primary.length}`, 3);
  if (!hasValidMod10CheckDigit(primary)) return wrongCheckDigit(primary, 3 + length - 1);
  const read = plainGtin(primary);
  if (composite < 0 || length === 14) return read;
  // The composite is read in place, so that its error offsets point into the whole scan.
  const compositeRead = readGs1ElementString(text, composite + 4, "scan-data", options);
  if (isGs1Error(compositeRead)) return compositeRead;
  return { ...read, elements: [...read.elements, ...compositeRead.elements], warnings: compositeRead.warnings };
}

function plainGtin(digits: string): InputRead {
  const element = { ai: "01", raw: digits.padStart(14, "0"), offset: 0, definition: lookupAi("01") as AiDefinition };
  return { elements: [element], warnings: [], source: "gtin" };
}

function wrongCheckDigit(gtin: string, offset: number): Gs1Error {
  return gs1Error("BAD_CHECK_DIGIT", `GTIN ${gtin} has a wrong check digit`, offset);
}

function readGs1ElementString(
  text: string,
  start: number,
  source: Gs1Source,
  options: ParseOptions,
): InputRead | Gs1Error {
  const warnings: Gs1Warning[] = [];
  let normalised = text;
  for (const substitute of options.gsSubstitutes ?? NO_SUBSTITUTES) {
    if (substitute.length === 0 || !normalised.includes(substitute, start)) continue;
    normalised = normalised.slice(0, start) + normalised.slice(start).replaceAll(substitute, GS);
    warnings.push({ code: "SEPARATOR_SUBSTITUTED", message: `Read ${JSON.stringify(substitute)} as GS` });
  }
  const elements = readElementString(normalised, start, options.permitUnknownAis ?? false, warnings);
  return isGs1Error(elements) ? elements : { elements, warnings, source };
}

function readDigitalLink(uri: string): InputRead | Gs1Error {
  const read = parseDigitalLink(uri);
  if (!read.ok) return read.error;
  const { elements, warnings, stem, ignoredQueryParameters } = read.value;
  return { elements, warnings: [...warnings], source: "digital-link", digitalLink: { stem, ignoredQueryParameters } };
}

function isPlainGtinShape(text: string): boolean {
  return (text.length === 8 || (text.length >= 12 && text.length <= 14)) && /^\d+$/.test(text);
}

// A till passes the same date and currency for a whole day of scans: the last context is reused.
let lastToday = "";
let lastContext: ValueContext = { currentYear: 0, localCurrency: "" };

function contextOf(today: string | undefined, localCurrency: string): ValueContext {
  if (today === undefined) return { currentYear: new Date().getFullYear(), localCurrency };
  if (today === lastToday && localCurrency === lastContext.localCurrency) return lastContext;
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new RangeError(`options.today must be "YYYY-MM-DD", got "${today}"`);
  lastToday = today;
  lastContext = { currentYear: Number(today.slice(0, 4)), localCurrency };
  return lastContext;
}

function hasSurroundingWhitespace(text: string): boolean {
  return text.charCodeAt(0) <= 32 || text.charCodeAt(text.length - 1) <= 32;
}
