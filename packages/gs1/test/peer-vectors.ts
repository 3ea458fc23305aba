// Runs one public test vector (../shared/data/gs1-vectors-from-peers.json) through ScanGate and says whether
// ScanGate agrees with the peer's expectation, and if not, how it differs.
import { readFileSync } from "node:fs";
import { hasValidMod10CheckDigit, mod10CheckDigit } from "../src/check-digit.js";
import { toDigitalLink, toElementString, toHri } from "../src/format.js";
import type { Gs1Data } from "../src/gs1-data.js";
import { type ParseOptions, parse } from "../src/parse.js";
import { priceWeightCheckDigit } from "../src/price-check-digit.js";
import { RCN_PRESETS, type RcnPresetName } from "../src/rcn-presets.js";
import type { Gs1Value } from "../src/values.js";

export interface Vector {
  id: string;
  source: { repo: string };
  category: string;
  inputFormat: string;
  input: string;
  inputAsScanData?: string;
  options?: Record<string, unknown>;
  biipFunction?: string;
  expect: Record<string, unknown> & {
    ok: boolean;
    elements?: ({ ai: string; value: string } & Record<string, unknown>)[];
  };
}

export const vectors: Vector[] = JSON.parse(
  readFileSync(new URL("../../../../shared/data/gs1-vectors-from-peers.json", import.meta.url), "utf8"),
).cases;

/** The vectors' notes are relative to the day they were gathered; two-digit years are read against it. */
const today = "2026-11-29";
const PLAIN_SYMBOLOGIES = /^\](Q1|d1|J0)/;

/** Undefined when ScanGate agrees with the vector, else a short description of the difference. */
export function disagreement(vector: Vector): string | undefined {
  const { expect: expected } = vector;
  const checksum = checksumDisagreement(vector);
  if (checksum !== "not a checksum vector") return checksum;
  const input = vector.inputFormat === "engine-caret-notation" ? (vector.inputAsScanData ?? "") : vector.input;
  const result = parse(input, optionsFor(vector));

  // The engine accepts plain (non-GS1) data behind ]Q1/]d1/]J0 as a message with no AIs; parse() reads GS1
  // data only, so the same classification is its NOT_GS1 answer.
  const plainMessage =
    expected.ok && PLAIN_SYMBOLOGIES.test(input) && expected.elements?.length === 0 && !/^\]..https?:/i.test(input);
  if (plainMessage)
    return result.ok || result.error.code !== "NOT_GS1" ? "plain data not classified NOT_GS1" : undefined;

  if (vector.category === "digital-link-output") return digitalLinkOutputDisagreement(vector, result);
  if (!result.ok) return expected.ok ? `rejected: ${result.error.code} ${result.error.message}` : undefined;
  if (!expected.ok) return "accepted";
  return valueDisagreement(vector, result.value);
}

function optionsFor(vector: Vector): ParseOptions {
  const options = vector.options ?? {};
  const validation = String(options.validation ?? "");
  const gsSubstitutes = [
    ...((options.separator_chars as string[] | undefined) ?? []),
    ...(options.fnc ? [String(options.fnc)] : []),
  ].filter((separator) => separator !== "\u001d");
  return {
    today,
    // The engine's tests switch one association validator on at a time; strict mode checks them all.
    strict: /validateAI(requisites|mutex)|DigSig/.test(validation),
    permitUnknownAis: options.permitUnknownAIs === true,
    gsSubstitutes,
    ...(options.rcn_region ? { rcn: RCN_PRESETS[options.rcn_region as RcnPresetName] } : {}),
  };
}

function valueDisagreement(vector: Vector, data: Gs1Data): string | undefined {
  const { expect: expected } = vector;
  const got = data.elements.map(({ ai, raw }) => ({ ai, value: raw }));
  if (expected.gtin14 !== undefined) {
    if (data.gtin !== expected.gtin14) return `GTIN ${data.gtin}, expected ${expected.gtin14}`;
    // The engine lists only composite elements for EAN/UPC; ScanGate puts the GTIN first as AI (01).
    got.shift();
  }
  const wantedElements = expected.elements?.map(({ ai, value }) => ({ ai, value }));
  if (wantedElements && JSON.stringify(got) !== JSON.stringify(wantedElements)) {
    return `elements ${JSON.stringify(got)}, expected ${JSON.stringify(wantedElements)}`;
  }
  for (const [index, wanted] of (expected.elements ?? []).entries()) {
    const typed = typedDisagreement(wanted, data.elements[index + (expected.gtin14 !== undefined ? 1 : 0)]?.value);
    if (typed) return `AI (${wanted.ai}): ${typed}`;
  }
  if (vector.options?.rcn_region) return scaleLabelDisagreement(vector, data);
  const first = data.elements.find((element) => element.ai !== "01") ?? data.elements[0];
  const typed = typedDisagreement(expected, first?.value);
  if (typed) return typed;
  if (expected.hri !== undefined && toHri(data) !== expected.hri)
    return `HRI ${toHri(data)}, expected ${String(expected.hri)}`;
  if (typeof expected.elementString === "string") {
    // The engine writes "^" for every FNC1 including the first; biip writes GS between fields.
    const written = expected.elementString.startsWith("^")
      ? `^${toElementString(data).replaceAll("\u001d", "^")}`
      : toElementString(data);
    if (written !== expected.elementString) return `element string ${written}, expected ${expected.elementString}`;
  }
  if (typeof expected.gtin === "string" && data.gtin !== expected.gtin.padStart(14, "0")) {
    return `GTIN ${String(data.gtin)}, expected ${expected.gtin}`;
  }
  return undefined;
}

function digitalLinkOutputDisagreement(vector: Vector, result: ReturnType<typeof parse>): string | undefined {
  const { expect: expected } = vector;
  if (!result.ok) return `input rejected: ${result.error.message}`;
  const stem = vector.options?.stem;
  const uri = toDigitalLink(result.value, typeof stem === "string" ? { domain: stem } : {});
  const wanted = expected.digitalLink ?? expected.canonical;
  if (!uri.ok) return expected.ok ? `no URI: ${uri.error.message}` : undefined;
  if (!expected.ok) return `URI ${uri.value} produced`;
  return uri.value === wanted ? undefined : `URI ${uri.value}, expected ${String(wanted)}`;
}

/** Compares the typed fields a vector states (date, decimal, currency) with ScanGate's typed value. */
function typedDisagreement(expected: Record<string, unknown>, value: Gs1Value | undefined): string | undefined {
  const { date, decimal, currency } = expected;
  if (typeof date === "string" && value !== date && !String(value).startsWith(`${date}T`)) {
    return `date ${String(value)}, expected ${date}`;
  }
  if (decimal !== undefined && (typeof value !== "object" || value.decimal !== decimal)) {
    return `decimal ${JSON.stringify(value)}, expected ${String(decimal)}`;
  }
  const currencyOf = (money: object) =>
    /^\d{3}$/.test(String(currency)) && "currencyNumeric" in money
      ? money.currencyNumeric
      : "currency" in money
        ? money.currency
        : undefined;
  if (currency !== undefined && !(typeof value === "object" && currencyOf(value) === currency)) {
    return `currency ${JSON.stringify(value)}, expected ${String(currency)}`;
  }
  return undefined;
}

/** biip's scale-label (RCN) expectations: weight in kg, price in currency units, count; null = absent. */
function scaleLabelDisagreement(vector: Vector, data: Gs1Data): string | undefined {
  const expected = (vector.expect.rcn ?? vector.expect) as Record<string, string | number | null | undefined>;
  const got: Record<string, string | number | undefined> = {
    weight: data.netWeight?.decimal,
    price: data.price?.decimal,
    count: data.count,
    currency: data.price?.currency,
  };
  for (const field of ["weight", "price", "count", "currency"]) {
    const wanted = expected[field];
    if (wanted === undefined) continue;
    const actual = got[field];
    const same =
      wanted === null
        ? actual === undefined
        : field === "currency"
          ? actual === wanted
          : actual !== undefined && Number(actual) === Number(wanted);
    if (!same) return `${field} ${String(actual)}, expected ${String(wanted)}`;
  }
  return undefined;
}

/** biip's checksum tests exercise a check digit alone. */
function checksumDisagreement(vector: Vector): string | undefined {
  if (vector.biipFunction === "checksums.gs1_price_weight_check_digit") {
    const checkDigit = priceWeightCheckDigit(vector.input);
    return checkDigit === vector.expect.checkDigit
      ? undefined
      : `price/weight check digit ${checkDigit}, expected ${String(vector.expect.checkDigit)}`;
  }
  if (vector.biipFunction !== "checksums.gs1_standard_check_digit") return "not a checksum vector";
  const checkDigit = mod10CheckDigit(vector.input);
  if (checkDigit !== vector.expect.checkDigit)
    return `check digit ${checkDigit}, expected ${String(vector.expect.checkDigit)}`;
  return hasValidMod10CheckDigit(`${vector.input}${checkDigit}`) ? undefined : "round trip failed";
}
