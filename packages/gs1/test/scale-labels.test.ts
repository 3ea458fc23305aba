import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { mod10CheckDigit } from "../src/check-digit.js";
import * as main from "../src/index.js";
import { parse } from "../src/parse.js";
import { decodeRcn } from "../src/rcn.js";
import { DEFAULT_RCN_SCHEME, decodeDefaultScaleLabel } from "../src/rcn-default.js";
import * as rcnSubpath from "../src/rcn-entry.js";
import { RCN_PRESETS } from "../src/rcn-presets.js";
import { defineRcnScheme, type RcnScheme } from "../src/rcn-scheme.js";

const TODAY = { today: "2026-11-29" };

/** A label with a valid EAN check digit from its first 12 digits. */
function label(payload: string): string {
  return `${payload}${mod10CheckDigit(payload)}`;
}

describe("parse() reads in-store scale labels", () => {
  it("reads a Chinese scale label by default: PLU 10001 at ¥5.00, as price and rcn", () => {
    const result = parse("2110001005008", TODAY);
    expect(result.ok && result.value.source).toBe("rcn");
    const label = decodeRcn("2110001005008");
    expect(result.ok && result.value.rcn).toEqual(label.ok && label.value);
    expect(result.ok && result.value.rcn?.itemCode).toBe("10001");
    expect(result.ok && result.value.price).toEqual({
      kind: "money",
      decimal: "5.00",
      scaled: 500,
      decimals: 2,
      currency: "CNY",
      amountMinor: 500,
    });
  });

  it("decodes every default-layout label exactly as decodeRcn does, in 13- and 14-digit form", () => {
    const payload = fc
      .tuple(fc.constantFrom("02", "20", "21", "22", "23", "24", "25", "26", "27", "28", "29"), fc.nat(9_999_999_999))
      .map(([prefix, digits]) => `${prefix}${String(digits).padStart(10, "0")}`);
    fc.assert(
      fc.property(payload, (twelve) => {
        const gtin = label(twelve);
        expect(decodeDefaultScaleLabel(gtin)).toEqual(decodeRcn(gtin, DEFAULT_RCN_SCHEME));
        expect(decodeDefaultScaleLabel(`0${gtin}`)).toEqual(decodeRcn(`0${gtin}`, DEFAULT_RCN_SCHEME));
        const parsed = parse(`]E0${gtin}`, TODAY);
        const decoded = decodeRcn(gtin);
        expect(parsed.ok && parsed.value.rcn).toEqual(decoded.ok ? decoded.value : undefined);
      }),
      { seed: 20_261_129, numRuns: 1000 },
    );
  });

  it("reads a preset's or a defined scheme's labels, and plain GTINs with rcn: false", () => {
    // GS1 Germany 28 1111 K 06870 C: 6.870 kg (the K digit 8 is the 5-digit price/weight check of 06870).
    expect(parse("2811111068708", { ...TODAY, rcn: RCN_PRESETS.GERMANY })).toMatchObject({
      ok: true,
      value: { netWeight: { decimal: "6.870", unit: "kg" }, rcn: { scheme: "GERMANY" } },
    });
    const market = defineRcnScheme({
      name: "my-market",
      rules: [{ prefixes: ["21"], layout: "FFIIIIIVVVVVC", measure: "weight", decimals: 3 }],
    });
    expect(parse("2110001005008", { ...TODAY, rcn: market })).toMatchObject({
      ok: true,
      value: { netWeight: { decimal: "0.500" }, rcn: { scheme: "my-market", measure: { grams: 500 } } },
    });
    expect(parse("2110001005008", { ...TODAY, rcn: false })).toMatchObject({
      ok: true,
      value: { source: "gtin", gtin: "02110001005008" },
    });
  });

  it("throws TypeError at a scale label for a scheme that skipped defineRcnScheme (a caller bug)", () => {
    const unchecked: RcnScheme = {
      name: "from-json",
      rules: [{ prefixes: ["21"], layout: "FFIIIIIVVVVVC", measure: "count" }],
    };
    expect(() => parse("2110001005008", { ...TODAY, rcn: unchecked })).toThrow(TypeError);
    expect(() => parse("2110001005008", { ...TODAY, rcn: unchecked })).toThrow(/defineRcnScheme/);
    // Not a scale label: the scheme is never consulted.
    expect(parse("]E09521234543213", { ...TODAY, rcn: unchecked }).ok).toBe(true);
  });
});

describe('the "@scangate/gs1/rcn" subpath', () => {
  it("holds the scale-label tools the main entry leaves out, and both share the default scheme", () => {
    expect(Object.keys(rcnSubpath).sort()).toEqual([
      "DEFAULT_RCN_SCHEME",
      "RCN_PRESETS",
      "decodeRcn",
      "defineRcnScheme",
      "isRestrictedCirculation",
      "priceWeightCheckDigit",
    ]);
    for (const moved of ["RCN_PRESETS", "decodeRcn", "defineRcnScheme", "priceWeightCheckDigit"]) {
      expect(Object.keys(main)).not.toContain(moved);
    }
    expect(main.DEFAULT_RCN_SCHEME).toBe(rcnSubpath.DEFAULT_RCN_SCHEME);
    expect(main.isRestrictedCirculation).toBe(rcnSubpath.isRestrictedCirculation);
  });
});
