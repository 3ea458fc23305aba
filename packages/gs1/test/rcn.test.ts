import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mod10CheckDigit } from "../src/check-digit.js";
import { priceWeightCheckDigit } from "../src/price-check-digit.js";
import { decodeRcn, isRestrictedCirculation, type RcnMeasure } from "../src/rcn.js";
import { DEFAULT_RCN_SCHEME, RCN_PRESETS, type RcnPresetName } from "../src/rcn-presets.js";
import { defineRcnScheme, type RcnRule, type RcnScheme } from "../src/rcn-scheme.js";

// --- Independent helpers: none of them calls the code under test. -------------------------------------------

/**
 * GenSpecs §7.9.2 weighted products computed arithmetically (not from lookup tables like the source): multiply,
 * then add ("+") or subtract ("-") the tens digit from the units digit, mod 10.
 */
function weightedProduct(digit: number, factor: "2-" | "3" | "5+" | "5-"): number {
  const product = digit * Number(factor[0]);
  const units = product % 10;
  const tens = Math.floor(product / 10);
  if (factor === "3") return units;
  return factor.endsWith("+") ? (units + tens) % 10 : (units - tens + 10) % 10;
}

/** GenSpecs §7.9.3 (4 digits) and §7.9.4 (5 digits), spelled out step by step. */
function referencePriceWeightCheckDigit(value: string): number {
  const digits = [...value].map(Number);
  const factors = digits.length === 4 ? (["2-", "2-", "3", "5-"] as const) : (["5+", "2-", "5-", "5+", "2-"] as const);
  const sum = digits.reduce((total, digit, index) => total + weightedProduct(digit, factors[index] ?? "3"), 0);
  if (digits.length === 4) return (sum * 3) % 10;
  const step = (10 - (sum % 10)) % 10;
  return [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((digit) => weightedProduct(digit, "5-") === step) ?? -1;
}

/** Builds a label from a layout by hand: F, I, V from the arguments, K and C computed. */
function encodeLabel(layout: string, prefix: string, itemCode: string, value: string): string {
  const queues: Record<string, string[]> = {
    F: [...prefix],
    I: [...itemCode],
    V: [...value],
    K: [String(referencePriceWeightCheckDigit(value))],
  };
  const payload = [...layout.slice(0, 12)].map((letter) => queues[letter]?.shift() ?? "?").join("");
  return `${payload}${mod10CheckDigit(payload)}`;
}

/** "1.086" → 1086 with 3 places; "39.75" → 3975 with 2 places; "1234" → 123400 with 2 places. */
function scaledInteger(decimal: string, places: number): number {
  const [whole = "", fraction = ""] = decimal.split(".");
  return Number(whole) * 10 ** places + Number(fraction.padEnd(places, "0"));
}

function count(layout: string, letter: string): number {
  return [...layout].filter((each) => each === letter).length;
}

function measureOf(gtin: string, scheme: RcnScheme = DEFAULT_RCN_SCHEME): RcnMeasure | undefined {
  const result = decodeRcn(gtin, scheme);
  return result.ok ? result.value.measure : undefined;
}

// --- Check digits ---------------------------------------------------------------------------------------------

describe("priceWeightCheckDigit", () => {
  it("answers the GenSpecs / biip examples", () => {
    // "2875", 4 digits: 2→2- 4, 8→2- (16: 6−1) 5, 7→3 (21) 1, 5→5- (25: 5−2) 3; sum 13; 13×3 = 39 → 9.
    expect(priceWeightCheckDigit("2875")).toBe(9);
    // "14685", 5 digits: 1→5+ 5, 4→2- (8) 8, 6→5- (30: 0−3) 7, 8→5+ (40: 0+4) 4, 5→2- (10: 0−1) 9; sum 33;
    // 40 − 33 = 7; the digit whose 5- product is 7 is 6 (30: 0−3 = 7).
    expect(priceWeightCheckDigit("14685")).toBe(6);
  });

  it("agrees with the step-by-step GenSpecs procedure for every 4- and 5-digit value", () => {
    for (let n = 0; n < 100_000; n++) {
      for (const value of n < 10_000 ? [String(n).padStart(4, "0"), String(n).padStart(5, "0")] : [String(n)]) {
        if (priceWeightCheckDigit(value) !== referencePriceWeightCheckDigit(value)) {
          expect.fail(`${value}: ${priceWeightCheckDigit(value)} vs ${referencePriceWeightCheckDigit(value)}`);
        }
      }
    }
  });

  it("throws RangeError for anything but 4 or 5 digits", () => {
    for (const bad of ["", "123", "123456", "12a4", " 1234"]) {
      expect(() => priceWeightCheckDigit(bad)).toThrow(RangeError);
    }
  });
});

// --- The default scheme: Chinese retail scales ---------------------------------------------------------------

describe("decodeRcn with the default Chinese scale layout (FF IIIII PPPPP C, price in fen)", () => {
  it("reads the vendor's worked example: apples, PLU 10001, ¥5.00", () => {
    // Payload 21 10001 00500. Odd positions ×3: 1+0+0+0+5+0 = 6 → 18; even: 2+1+0+1+0+0 = 4; 22 → check 8.
    const result = decodeRcn("2110001005008");
    expect(result).toEqual({
      ok: true,
      value: {
        scheme: "CHINA_SCALE",
        gtin: "2110001005008",
        prefix: "21",
        itemCode: "10001",
        measure: { kind: "price", amountMinor: 500, currency: "CNY" },
        // 21 10001 00000: odd 1+0+0+0+0+0 → 3; even 2+1+0+1+0+0 = 4; 7 → check 3.
        gtinWithoutMeasure: "2110001000003",
      },
    });
  });

  it("reads leading zeros in item code and price, and the 14-digit GTIN form", () => {
    // 20 00123 01250: odd 0+0+2+0+2+0 = 4 → 12; even 2+0+1+3+1+5 = 12; 24 → check 6. ¥12.50 = 1250 fen.
    const expected = { kind: "price", amountMinor: 1250, currency: "CNY" };
    expect(measureOf("2000123012506")).toEqual(expected);
    expect(measureOf("02000123012506")).toEqual(expected);
    const result = decodeRcn("02000123012506");
    expect(result.ok && [result.value.gtin, result.value.itemCode]).toEqual(["2000123012506", "00123"]);
    // 22 12345 03888: odd 2+2+4+0+8+8 = 24 → 72; even 2+1+3+5+3+8 = 22; 94 → check 6. ¥38.88.
    expect(measureOf("2212345038886")).toEqual({ kind: "price", amountMinor: 3888, currency: "CNY" });
  });

  it("says which digit is wrong when the EAN check digit does not match", () => {
    const result = decodeRcn("2000123012507");
    expect(result).toMatchObject({ ok: false, error: { code: "BAD_CHECK_DIGIT", offset: 12, linter: "csum" } });
    expect(result.ok || result.error.message).toContain("should be 6, not 7");
  });

  it("rejects what is not a restricted-circulation EAN-13 with NOT_GS1", () => {
    // 690123456789: odd 9+1+3+5+7+9 = 34 → 102; even 6+0+2+4+6+8 = 26; 128 → check 2. A Chinese brand's GTIN.
    expect(decodeRcn("6901234567892")).toMatchObject({ ok: false, error: { code: "NOT_GS1", offset: 0 } });
    // A GTIN-14 of a case (indicator 1) around the label above: 1 200012301250 → check 3 (see mod-10 by hand:
    // from the right 0×3+5+2×3+1+0+3+2×3+1+0+0+0+2+1×3 = 27).
    expect(decodeRcn("12000123012503")).toMatchObject({ ok: false, error: { code: "NOT_GS1" } });
    // Prefix 02 is an RCN, but the Chinese layout has no rule for it. 02 12345 01250 → check 5.
    const result = decodeRcn("0212345012505");
    expect(result).toMatchObject({ ok: false, error: { code: "NOT_GS1", offset: 0 } });
    expect(result.ok || result.error.message).toContain('"CHINA_SCALE" has no rule for prefix 02');
  });

  it("reports empty, non-digit and wrong-length input with their own codes", () => {
    expect(decodeRcn("")).toMatchObject({ ok: false, error: { code: "EMPTY_INPUT" } });
    expect(decodeRcn("20001230125O6")).toMatchObject({ ok: false, error: { code: "BAD_CHARSET", offset: 11 } });
    expect(decodeRcn("200012301250")).toMatchObject({ ok: false, error: { code: "BAD_LENGTH" } });
    expect(decodeRcn("002000123012506")).toMatchObject({ ok: false, error: { code: "BAD_LENGTH" } });
  });
});

describe("isRestrictedCirculation", () => {
  it("is true for prefix 02 and 20–29 with a valid check digit, in 13- or 14-digit form", () => {
    expect(isRestrictedCirculation("2000123012506")).toBe(true);
    expect(isRestrictedCirculation("02000123012506")).toBe(true);
    expect(isRestrictedCirculation("0212345012505")).toBe(true);
    expect(isRestrictedCirculation("2000123012507")).toBe(false);
    expect(isRestrictedCirculation("6901234567892")).toBe(false);
    expect(isRestrictedCirculation("12000123012503")).toBe(false);
    expect(isRestrictedCirculation("2000123012506 ")).toBe(false);
  });
});

// --- Regional presets -----------------------------------------------------------------------------------------

interface PeerCase {
  readonly id: string;
  readonly inputFormat: string;
  readonly input: string;
  readonly options?: { readonly rcn_region?: string; readonly rcn_verify_variable_measure?: boolean };
  readonly expect: {
    readonly ok: boolean;
    readonly errorClass?: string;
    readonly gtin?: string;
    readonly elements?: readonly { readonly ai: string; readonly value: string }[];
    readonly rcn?: { readonly weight?: string };
    readonly weight?: string | null;
    readonly price?: string | null;
    readonly count?: number | null;
    readonly currency?: string | null;
  };
}

const peerCases: readonly PeerCase[] = (
  JSON.parse(readFileSync(new URL("../../../../shared/data/gs1-vectors-from-peers.json", import.meta.url), "utf8")) as {
    cases: PeerCase[];
  }
).cases.filter((each) => typeof each.options?.rcn_region === "string");

/** The GTIN a peer case reads, from whichever shape its input takes. */
function gtinOf(peerCase: PeerCase): string {
  if (peerCase.inputFormat === "numeric-key") return peerCase.input;
  const fromElements = peerCase.expect.elements?.find((element) => element.ai === "01")?.value;
  const gtin = peerCase.expect.gtin ?? fromElements;
  if (gtin === undefined) throw new Error(`${peerCase.id}: no GTIN in the case`);
  return gtin;
}

describe("regional presets agree with jodal/biip 5.0.0", () => {
  it("decodes every peer vector with an rcn_region as biip does", () => {
    let checked = 0;
    for (const peerCase of peerCases) {
      const scheme = RCN_PRESETS[peerCase.options?.rcn_region as RcnPresetName];
      expect(scheme, peerCase.id).toBeDefined();
      const verify = peerCase.options?.rcn_verify_variable_measure !== false;
      const result = decodeRcn(gtinOf(peerCase), scheme, { verifyPriceWeightCheckDigit: verify });
      const want = peerCase.expect;
      if (!want.ok) {
        expect(want.errorClass, peerCase.id).toBe("VARIABLE_MEASURE_CHECK_DIGIT");
        expect(result, peerCase.id).toMatchObject({ ok: false, error: { code: "BAD_CHECK_DIGIT" } });
      } else {
        const actual = result.ok ? result.value.measure : undefined;
        const weight = want.rcn?.weight ?? want.weight;
        const stated = [weight, want.price, want.count].filter((each) => each !== undefined && each !== null);
        expect(stated, peerCase.id).toHaveLength(1);
        if (typeof weight === "string") {
          expect(actual, peerCase.id).toEqual({ kind: "weight", grams: scaledInteger(weight, 3) });
        }
        if (typeof want.count === "number") expect(actual, peerCase.id).toEqual({ kind: "count", count: want.count });
        if (typeof want.price === "string") {
          const currency = want.currency ? { currency: want.currency } : {};
          expect(actual, peerCase.id).toMatchObject({
            kind: "price",
            amountMinor: scaledInteger(want.price, 2),
            ...currency,
          });
        }
      }
      checked++;
    }
    expect(checked).toBe(13);
  });

  // Further facts from biip's tests/rcn/test_rules.py; each comment derives the value from the layout.
  it.each([
    // DK 22: 22 3504 | 003975 → 39.75 DKK. DK 28: 28 2357 | 000150 → 0.150 kg.
    ["DENMARK", "2235040039750", { kind: "price", amountMinor: 3975, currency: "DKK" }],
    ["DENMARK", "2823570001509", { kind: "weight", grams: 150 }],
    // DE 23: 23 3071 | K 4 | 00239 → 2.39 EUR; K of 00239: 0,0,2→5- 9,3→5+ 6,9→2- 7 = 22; 30−22 = 8 = 5-(4).
    ["GERMANY", "2330714002396", { kind: "price", amountMinor: 239, currency: "EUR" }],
    // DE 26: K 9 for 00012 (1→5+ 5, 2→2- 4; 9; 10−9 = 1 = 5-(9)); 12 pieces.
    ["GERMANY", "2630719000121", { kind: "count", count: 12 }],
    // DE 29: K 1 for 06870 (6→2- 1, 8→5- 6, 7→5+ 8; 15; 20−15 = 5 = 5-(1)); 6.870 kg.
    ["GERMANY", "2930711068700", { kind: "weight", grams: 6870 }],
    ["GERMANY", "02811111068708", { kind: "weight", grams: 6870 }],
    // GB 20: 20 11122 | K 9 | 1234 → £12.34; K of 1234: 1→2- 2, 2→2- 4, 3→3 9, 4→5- 8; 23 × 3 = 69 → 9.
    ["GREAT_BRITAIN", "2011122912346", { kind: "price", amountMinor: 1234, currency: "GBP" }],
    // NO 23: 23 680914 | 0226 → 0.226 kg (Stange kyllingbryst).
    ["NORWAY", "2368091402263", { kind: "weight", grams: 226 }],
    // SE 20/21/22: 4 price digits 1234 with 2, 1, 0 decimals → 12.34, 123.4, 1234 SEK.
    ["SWEDEN", "2088060112343", { kind: "price", amountMinor: 1234, currency: "SEK" }],
    ["SWEDEN", "2188060112340", { kind: "price", amountMinor: 12340, currency: "SEK" }],
    ["SWEDEN", "2288060112347", { kind: "price", amountMinor: 123400, currency: "SEK" }],
    ["SWEDEN", "2588060112348", { kind: "weight", grams: 123400 }],
    // Baltics 23/24/25: weight 1234 with 3, 2, 1 decimals → 1.234, 12.34, 123.4 kg.
    ["ESTONIA", "2311111112345", { kind: "weight", grams: 1234 }],
    ["LATVIA", "2411111112342", { kind: "weight", grams: 12340 }],
    ["LITHUANIA", "2511111112349", { kind: "weight", grams: 123400 }],
  ] as const)("%s reads %s", (preset, gtin, expected) => {
    expect(measureOf(gtin, RCN_PRESETS[preset])).toEqual(expected);
  });

  it("answers NOT_GS1 for an RCN prefix the region gives no layout", () => {
    for (const preset of ["DENMARK", "ESTONIA", "FINLAND", "GREAT_BRITAIN", "NORWAY", "SWEDEN"] as const) {
      expect(decodeRcn("2911111111111", RCN_PRESETS[preset])).toMatchObject({ ok: false, error: { code: "NOT_GS1" } });
    }
  });

  it("rejects a wrong British price check digit unless told not to verify it", () => {
    // 20 11122 | K 8 | 1234: the K digit of 1234 is 9 (above), at offset 7.
    const strict = decodeRcn("2011122812349", RCN_PRESETS.GREAT_BRITAIN);
    expect(strict).toMatchObject({ ok: false, error: { code: "BAD_CHECK_DIGIT", offset: 7 } });
    expect(strict.ok || strict.error.message).toContain("2011122|8|12349");
    const lenient = decodeRcn("2011122812349", RCN_PRESETS.GREAT_BRITAIN, { verifyPriceWeightCheckDigit: false });
    expect(lenient.ok && lenient.value.measure).toEqual({ kind: "price", amountMinor: 1234, currency: "GBP" });
  });

  // biip's tests/rcn/test_without_variable_measure.py.
  it.each([
    ["DENMARK", "2712341002251", "2712341000004"],
    ["DENMARK", "02712341002251", "2712341000004"],
    ["ESTONIA", "2311111112345", "2311111100007"],
    ["FINLAND", "2311111112345", "2311111100007"],
    ["GERMANY", "2811111068708", "2811110000006"],
    ["GREAT_BRITAIN", "2011122912346", "2011122000005"],
    ["LATVIA", "2311111112345", "2311111100007"],
    ["LITHUANIA", "2311111112345", "2311111100007"],
    ["NORWAY", "2302148210869", "2302148200006"],
    ["SWEDEN", "2088060112343", "2088060100005"],
  ] as const)("%s: %s without its measure is %s", (preset, gtin, expected) => {
    const result = decodeRcn(gtin, RCN_PRESETS[preset]);
    expect(result.ok && result.value.gtinWithoutMeasure).toBe(expected);
  });
});

// --- Schemes as configuration ---------------------------------------------------------------------------------

describe("defineRcnScheme", () => {
  it("accepts every preset and returns a frozen copy", () => {
    for (const scheme of Object.values(RCN_PRESETS)) {
      const defined = defineRcnScheme(scheme);
      expect(defined).toEqual(scheme);
      expect(Object.isFrozen(defined.rules[0]?.prefixes)).toBe(true);
    }
    expect(DEFAULT_RCN_SCHEME).toBe(RCN_PRESETS.CHINA_SCALE);
  });

  it("takes a scheme from JSON config, e.g. a market whose 21-labels carry weight", () => {
    const market = defineRcnScheme(
      JSON.parse(`{
        "name": "my-market",
        "rules": [
          { "prefixes": ["20"], "layout": "FFIIIIIVVVVVC", "measure": "price", "currency": "CNY", "decimals": 2 },
          { "prefixes": ["21"], "layout": "FFIIIIIVVVVVC", "measure": "weight", "decimals": 3 }
        ]
      }`),
    );
    // 21 00123 01234: odd 1+0+2+0+2+4 = 9 → 27; even 2+0+1+3+1+3 = 10; 37 → check 3. 1.234 kg.
    expect(decodeRcn("2100123012343", market)).toMatchObject({
      ok: true,
      value: { scheme: "my-market", itemCode: "00123", measure: { kind: "weight", grams: 1234 } },
    });
  });

  it("gives prices in the currency's ISO 4217 minor units, e.g. yen, which has none", () => {
    const yen = defineRcnScheme({
      name: "yen",
      rules: [{ prefixes: ["20"], layout: "FFIIIIIVVVVVC", measure: "price", currency: "JPY", decimals: 0 }],
    });
    // 20 00001 00500: odd 0+0+0+0+5+0 = 5 → 15; even 2+0+0+1+0+0 = 3; 18 → check 2. ¥500.
    expect(measureOf("2000001005002", yen)).toEqual({ kind: "price", amountMinor: 500, currency: "JPY" });
  });

  const price = { prefixes: ["20"], layout: "FFIIIIIVVVVVC", measure: "price", currency: "CNY", decimals: 2 } as const;
  const weight = { prefixes: ["21"], layout: "FFIIIIIVVVVVC", measure: "weight", decimals: 3 } as const;
  it.each([
    ["an empty name", { name: "", rules: [price] }, /non-empty name/],
    ["no rules", { name: "x", rules: [] }, /at least one rule/],
    ["a 12-letter layout", { name: "x", rules: [{ ...price, layout: "FFIIIIVVVVVC" }] }, /13 letters/],
    ["a split item code", { name: "x", rules: [{ ...price, layout: "FFIIVVIIVVVVC" }] }, /next to each other/],
    [
      "no value digits",
      { name: "x", rules: [{ ...price, layout: "FFIIIIIIIIIIC" }] },
      /needs an item code \(I\) and a value/,
    ],
    ["two check digits", { name: "x", rules: [{ ...price, layout: "FFIIIKKVVVVVC" }] }, /more than one/],
    ["a check digit on 3 value digits", { name: "x", rules: [{ ...price, layout: "FFIIIIIIKVVVC" }] }, /not 3/],
    ["prefix 30", { name: "x", rules: [{ ...price, prefixes: ["30"] }] }, /"30" is not a restricted/],
    ["prefix 2", { name: "x", rules: [{ ...price, prefixes: ["2"] }] }, /"2" is not a restricted/],
    ["a prefix in two rules", { name: "x", rules: [price, { ...weight, prefixes: ["21", "20"] }] }, /in both rule 0/],
    ["a lower-case currency", { name: "x", rules: [{ ...price, currency: "cny" }] }, /ISO 4217/],
    ["finer than the fen", { name: "x", rules: [{ ...price, decimals: 3 }] }, /decimals for CNY .* 0 to 2/],
    ["finer than the yen", { name: "x", rules: [{ ...price, currency: "JPY", decimals: 1 }] }, /0 to 0/],
    ["weight below a gram", { name: "x", rules: [{ ...weight, decimals: 4 }] }, /decimals .* 0 to 3/],
    ["a misspelt key", { name: "x", rules: [{ ...price, decimal: 2 }] }, /unknown key "decimal"/],
    ["a currency on a weight", { name: "x", rules: [{ ...weight, currency: "CNY" }] }, /unknown key "currency"/],
    ["an unknown measure", { name: "x", rules: [{ ...price, measure: "volume" }] }, /"volume"/],
  ])("throws RangeError for %s", (_, scheme, reason) => {
    expect(() => defineRcnScheme(scheme as unknown as RcnScheme)).toThrow(RangeError);
    expect(() => defineRcnScheme(scheme as unknown as RcnScheme)).toThrow(reason);
  });

  it("makes decodeRcn throw RangeError for a malformed rule that skipped defineRcnScheme", () => {
    const broken = { name: "broken", rules: [{ ...price, layout: "FFIIIII" }] };
    expect(() => decodeRcn("2000123012506", broken)).toThrow(RangeError);
  });
});

// --- Properties -------------------------------------------------------------------------------------------------

const everyRule = Object.values(RCN_PRESETS).flatMap((scheme: RcnScheme) =>
  scheme.rules.flatMap((rule: RcnRule) => rule.prefixes.map((prefix) => ({ scheme, rule, prefix }))),
);

const digitString = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((each) => each.join(""));

/** A label for a random rule of a random preset, with random item code and value digits. */
const label = fc
  .constantFrom(...everyRule)
  .chain(({ scheme, rule, prefix }) =>
    fc
      .tuple(digitString(count(rule.layout, "I")), digitString(count(rule.layout, "V")))
      .map(([itemCode, value]) => ({ scheme, rule, prefix, itemCode, value })),
  );

/** What a rule says the value digits mean, read as a decimal string. */
function expectedMeasure(rule: RcnRule, value: string): RcnMeasure {
  if (rule.measure === "count") return { kind: "count", count: Number(value) };
  const decimal = rule.decimals === 0 ? value : `${value.slice(0, -rule.decimals)}.${value.slice(-rule.decimals)}`;
  if (rule.measure === "weight") return { kind: "weight", grams: scaledInteger(decimal, 3) };
  return { kind: "price", amountMinor: scaledInteger(decimal, 2), currency: rule.currency };
}

describe("properties", () => {
  it("decodes any hand-encoded label of any preset back to its item code and value", () => {
    fc.assert(
      fc.property(label, ({ scheme, rule, prefix, itemCode, value }) => {
        const gtin = encodeLabel(rule.layout, prefix, itemCode, value);
        expect(decodeRcn(gtin, scheme)).toMatchObject({
          ok: true,
          value: { scheme: scheme.name, gtin, prefix, itemCode, measure: expectedMeasure(rule, value) },
        });
        expect(decodeRcn(`0${gtin}`, scheme).ok).toBe(true);
      }),
      { seed: 20_260_101, numRuns: 500 },
    );
  });

  it("catches any single changed value digit with the price/weight check digit", () => {
    const checked = label.filter(({ rule }) => rule.layout.includes("K"));
    fc.assert(
      fc.property(checked, fc.nat(), fc.integer({ min: 1, max: 9 }), (labelParts, at, delta) => {
        const { scheme, rule, prefix, itemCode, value } = labelParts;
        const index = at % value.length;
        const changed = `${value.slice(0, index)}${(Number(value[index]) + delta) % 10}${value.slice(index + 1)}`;
        // Re-encode with the original K digit but a fresh EAN check digit, as a misprinting scale would.
        const original = encodeLabel(rule.layout, prefix, itemCode, value);
        const start = rule.layout.indexOf("V");
        const payload = `${original.slice(0, start)}${changed}${original.slice(start + value.length, 12)}`;
        const result = decodeRcn(`${payload}${mod10CheckDigit(payload)}`, scheme);
        expect(result).toMatchObject({
          ok: false,
          error: { code: "BAD_CHECK_DIGIT", offset: rule.layout.indexOf("K") },
        });
      }),
      { seed: 7, numRuns: 300 },
    );
  });

  it("never throws, and answers a documented code, for arbitrary strings", () => {
    const codes = ["EMPTY_INPUT", "BAD_CHARSET", "BAD_LENGTH", "BAD_CHECK_DIGIT", "NOT_GS1"];
    const input = fc.oneof(fc.string(), fc.string({ unit: "binary" }), fc.stringMatching(/^[0-9]{11,15}$/));
    fc.assert(
      fc.property(input, fc.constantFrom(...Object.values(RCN_PRESETS)), (text, scheme) => {
        const result = decodeRcn(text, scheme);
        if (!result.ok) expect(codes).toContain(result.error.code);
      }),
      { seed: 42, numRuns: 2000 },
    );
  });
});
