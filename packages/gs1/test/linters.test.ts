import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { LINTERS } from "../src/linters/index.js";
import type { LintFailureKind } from "../src/linters/types.js";

// The dictionary names a component's linters after its format, e.g. `N14,csum,gcppos2` or `[N3],iso3166`.
const COMPONENT = /^\[?([NXYZ])[\d.]+\]?((?:,\w+)+)$/;

/** Every linter the dictionary names, with the character sets of the components it is applied to. */
function lintersInDictionary(): Map<string, Set<string>> {
  const text = readFileSync(new URL("../../../../shared/data/gs1-syntax-dictionary.txt", import.meta.url), "utf8");
  const charsetsByLinter = new Map<string, Set<string>>();
  for (const line of text.split("\n")) {
    const entry = line.split("#")[0] ?? "";
    for (const token of entry.trim().split(/\s+/)) {
      const [, charset = "", linters = ""] = COMPONENT.exec(token) ?? [];
      for (const name of linters.split(",").slice(1)) {
        const charsets = charsetsByLinter.get(name) ?? new Set<string>();
        charsets.add(charset);
        charsetsByLinter.set(name, charsets);
      }
    }
  }
  return charsetsByLinter;
}

const dictionaryLinters = lintersInDictionary();

const CHARSET_CHARACTERS: Record<string, string> = {
  N: "0123456789",
  X: "!\"%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz",
  Y: "#-/0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ",
  Z: "-0123456789=ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz",
};

const DATE_LINTERS = ["yymmd0", "yymmdd", "yyyymmdd", "hhmi", "hh", "mi", "ss"];

function expectedKind(name: string): LintFailureKind {
  if (name === "csum" || name === "csumalpha") return "check-digit";
  return DATE_LINTERS.includes(name) ? "date" : "content";
}

// One input each linter rejects, to see the kind it reports.
const REJECTED: Record<string, string> = {
  csum: "12345678901232",
  csumalpha: "1987654Ad4X4bL5ttr2310cXK",
  gcppos1: "12A45",
  gcppos2: "012A45",
  yymmd0: "201310",
  yymmdd: "200600",
  yyyymmdd: "20210229",
  hhmi: "2400",
  hh: "24",
  mi: "60",
  ss: "60",
  iso3166: "999",
  iso3166999: "998",
  iso3166alpha2: "AA",
  iso4217: "000",
  iso5218: "3",
  mediatype: "00",
  packagetype: "ZZZ",
  yesno: "2",
  winding: "2",
  iban: "BE71096123456760",
  hyphen: "X",
  zero: "1",
  nonzero: "000",
  nozeroprefix: "01",
  hasnondigit: "123",
  importeridx: "!",
  pcenc: "%g0",
  latitude: "1800000001",
  longitude: "3600000001",
  pieceoftotal: "0302",
  posinseqslash: "2/1",
  couponcode: "7",
  couponposoffer: "2",
};

describe("LINTERS", () => {
  it("has a linter for every name the GS1 Barcode Syntax Dictionary uses, and no others", () => {
    expect(Object.keys(LINTERS).sort()).toEqual([...dictionaryLinters.keys()].sort());
    expect(dictionaryLinters.size).toBe(34);
  });

  it("reports check-digit failures for csum and csumalpha, date failures for dates and times, content otherwise", () => {
    const kinds = Object.entries(LINTERS).map(([name, linter]) => [name, linter(REJECTED[name] ?? "")?.kind]);
    expect(Object.fromEntries(kinds)).toEqual(
      Object.fromEntries(Object.keys(LINTERS).map((name) => [name, expectedKind(name)])),
    );
  });

  it("names what is wrong in English", () => {
    expect(LINTERS.csum?.("12345678901232")?.message).toBe("check digit should be 1, not 2");
    expect(LINTERS.yymmdd?.("201310")?.message).toBe("month 13 does not exist");
    expect(LINTERS.iso4217?.("000")?.message).toBe("not an ISO 4217 currency code");
  });
});

describe("every linter, on any string of its components' character set", () => {
  for (const [name, charsets] of dictionaryLinters) {
    const linter = LINTERS[name];
    // Digit strings too: the numeric linters have most to say about them, and coupon codes are digits in X.
    const characters = [...charsets, "N"].map((charset) => CHARSET_CHARACTERS[charset] ?? "");
    const component = fc.oneof(
      ...characters.map((set) => fc.string({ unit: fc.constantFrom(...set), maxLength: 100 })),
      fc.string({ maxLength: 20 }),
    );

    it(`${name} never throws, and any failure lies inside the component with the linter's kind`, () => {
      fc.assert(
        fc.property(component, (value) => {
          const found = linter?.(value);
          if (!found) return;
          expect(found.kind).toBe(expectedKind(name));
          expect(found.offset).toBeGreaterThanOrEqual(0);
          expect(found.length).toBeGreaterThanOrEqual(1);
          expect(found.offset + found.length).toBeLessThanOrEqual(Math.max(value.length, 1));
          expect(found.message).not.toBe("");
        }),
        { seed: 20261129, numRuns: 300 },
      );
    });
  }
});
