// Property tests: generated valid GS1 data survives every conversion, and no input makes parse throw or accept
// a wrong check digit. Seeds are fixed so a failure reproduces.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { hasValidMod10CheckDigit, mod10CheckDigit } from "../src/check-digit.js";
import { toDigitalLink, toElementString, toHri } from "../src/format.js";
import { parse } from "../src/parse.js";

const settings = { seed: 20261129, numRuns: 400 };
const today = "2026-11-29";
const CSET82 = "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz";

const digits = (min: number, max: number) =>
  fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
const cset82 = (max: number) => fc.string({ unit: fc.constantFrom(...CSET82), minLength: 1, maxLength: max });
const gtin = digits(13, 13).map((payload) => `${payload}${mod10CheckDigit(payload)}`);
const yymmdd = fc
  .record({
    year: fc.integer({ min: 0, max: 99 }),
    month: fc.integer({ min: 1, max: 12 }),
    day: fc.integer({ min: 0, max: 28 }),
  })
  .map(({ year, month, day }) => [year, month, day].map((n) => String(n).padStart(2, "0")).join(""));

/** A trade item as a stall or supermarket would mark it: GTIN, then any of the attributes a till reads. */
const tradeItem = fc
  .record(
    {
      gtin,
      batch: fc.option(cset82(20), { nil: undefined }),
      serial: fc.option(cset82(20), { nil: undefined }),
      expiry: fc.option(yymmdd, { nil: undefined }),
      bestBefore: fc.option(yymmdd, { nil: undefined }),
      weight: fc.option(fc.tuple(fc.integer({ min: 0, max: 5 }), digits(6, 6)), { nil: undefined }),
      price: fc.option(fc.tuple(fc.integer({ min: 0, max: 3 }), digits(1, 15)), { nil: undefined }),
    },
    { requiredKeys: ["gtin"] },
  )
  .map((item) => {
    const elements = [{ ai: "01", raw: item.gtin }];
    if (item.expiry) elements.push({ ai: "17", raw: item.expiry });
    if (item.bestBefore) elements.push({ ai: "15", raw: item.bestBefore });
    if (item.weight) elements.push({ ai: `310${item.weight[0]}`, raw: item.weight[1] });
    if (item.price && item.weight) elements.push({ ai: `392${item.price[0]}`, raw: item.price[1] });
    if (item.batch) elements.push({ ai: "10", raw: item.batch });
    if (item.serial) elements.push({ ai: "21", raw: item.serial });
    return elements;
  });

function readElements(input: string) {
  const result = parse(input, { today });
  if (!result.ok) throw new Error(`${JSON.stringify(input)}: ${result.error.message}`);
  return result.value.elements.map(({ ai, raw }) => ({ ai, raw }));
}

const byAi = (a: { ai: string }, b: { ai: string }) => a.ai.localeCompare(b.ai);

describe("round trips of generated valid data", () => {
  it("element string (as a GS1 DataMatrix sends it) → parse gives the same elements", () => {
    fc.assert(
      fc.property(tradeItem, (elements) => {
        expect(readElements(`]d2${toElementString({ elements })}`)).toEqual(elements);
      }),
      settings,
    );
  });

  it("bracketed HRI → parse gives the same elements", () => {
    fc.assert(
      fc.property(tradeItem, (elements) => {
        expect(readElements(toHri({ elements }))).toEqual(elements);
      }),
      settings,
    );
  });

  it("Digital Link → parse gives the same elements (path order, then query)", () => {
    fc.assert(
      fc.property(tradeItem, (elements) => {
        const uri = toDigitalLink({ elements }, { domain: "https://example.com/shop" });
        if (!uri.ok) throw new Error(uri.error.message);
        expect(readElements(uri.value).sort(byAi)).toEqual([...elements].sort(byAi));
      }),
      settings,
    );
  });

  it("element string → HRI → Digital Link → element string is stable", () => {
    fc.assert(
      fc.property(tradeItem, (elements) => {
        const viaHri = readElements(toHri({ elements }));
        const uri = toDigitalLink({ elements: viaHri });
        if (!uri.ok) throw new Error(uri.error.message);
        const viaLink = readElements(uri.value);
        expect(readElements(toElementString({ elements: viaLink })).sort(byAi)).toEqual([...elements].sort(byAi));
      }),
      settings,
    );
  });
});

const AIM_IDS = ["", "]d2", "]Q3", "]C1", "]e0", "]Q1", "]E0", "]d1", "\u001d", "(01)", "https://id.gs1.org/01/"];
const anyScan = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary" }),
  fc
    .tuple(fc.constantFrom(...AIM_IDS), fc.string({ unit: fc.constantFrom(..."0123456789\u001d()|/?=&%ABC") }))
    .map(([prefix, rest]) => prefix + rest),
  tradeItem
    .map((elements) => toElementString({ elements }))
    .chain((valid) =>
      fc
        .tuple(fc.nat(valid.length), fc.string({ maxLength: 3 }))
        .map(([at, noise]) => valid.slice(0, at) + noise + valid.slice(at + 1)),
    ),
);

describe("any input", () => {
  it("never makes parse throw", () => {
    fc.assert(
      fc.property(anyScan, (input) => {
        parse(input, { today });
      }),
      { ...settings, numRuns: 3000 },
    );
  });

  it("never yields a GTIN or SSCC with a wrong check digit", () => {
    fc.assert(
      fc.property(anyScan, (input) => {
        const result = parse(input, { today });
        if (!result.ok) return;
        for (const { ai, raw } of result.value.elements) {
          if (["00", "01", "02", "03"].includes(ai)) expect(hasValidMod10CheckDigit(raw)).toBe(true);
        }
      }),
      { ...settings, numRuns: 3000 },
    );
  });

  it("never yields a GTIN with a wrong check digit from a mutated digit string", () => {
    fc.assert(
      fc.property(digits(8, 40), (input) => {
        const result = parse(input, { today });
        if (result.ok && result.value.gtin !== undefined) expect(hasValidMod10CheckDigit(result.value.gtin)).toBe(true);
      }),
      { ...settings, numRuns: 3000 },
    );
  });
});
