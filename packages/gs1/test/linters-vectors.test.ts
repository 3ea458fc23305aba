// Peer test vectors (shared/data/gs1-vectors-from-peers.json) whose expected outcome is a GS1 linter's verdict,
// replayed against our linters. Most come from GS1's Syntax Engine test suite and carry the engine's error
// markup, "(8110)0123456123456111101239000|2|", which locates the failure exactly.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { lookupAi } from "../src/ai-table.js";
import { validateElement } from "../src/element-validation.js";
import { LINTERS } from "../src/linters/index.js";

interface VectorCase {
  readonly id: string;
  readonly category: string;
  readonly input: string;
  readonly expect: { readonly ok: boolean; readonly linterError?: string; readonly engineErrorMarkup?: string };
}

const vectors = JSON.parse(
  readFileSync(new URL("../../../../shared/data/gs1-vectors-from-peers.json", import.meta.url), "utf8"),
) as { cases: VectorCase[] };

const linterCases = vectors.cases.filter((c) => c.expect.linterError !== undefined);

/** The elements of bracketed input, "(01)…(3103)…", as [AI, value] pairs. */
function elements(bracketed: string): [string, string][] {
  return [...bracketed.matchAll(/\((\d{2,4})\)([^(]*)/g)].map(([, ai = "", value = ""]) => [ai, value]);
}

/** The failing span of the engine's markup, "(AI)before|span|after", relative to the AI's value. */
function engineSpan(markup: string): [number, number] {
  const value = markup.replace(/^\(\d+\)/, "");
  const start = value.indexOf("|");
  return [start, value.indexOf("|", start + 1) - start - 1];
}

describe("coupon vectors (category linter-coupon)", () => {
  const couponCases = linterCases.filter(
    (c) => c.category === "linter-coupon" && /^\((8110|8112)\)/.test(c.expect.engineErrorMarkup ?? c.input),
  );
  const linterFor: Record<string, string> = { "8110": "couponcode", "8112": "couponposoffer" };

  it("checks all 54 coupon cases, each failing in the coupon AI itself", () => {
    expect(couponCases).toHaveLength(54);
  });

  it("accepts and rejects as the engine does, marking the same characters", () => {
    const found = couponCases.map((c) => {
      const [[ai = "", value = ""] = []] = elements(c.input);
      const failure = LINTERS[linterFor[ai] ?? ""]?.(value);
      return { id: c.id, ok: failure === undefined, span: failure && [failure.offset, failure.length] };
    });
    const expected = couponCases.map((c) => ({
      id: c.id,
      ok: c.expect.ok,
      span: c.expect.engineErrorMarkup === undefined ? undefined : engineSpan(c.expect.engineErrorMarkup),
    }));
    expect(found).toEqual(expected);
  });
});

// Failures that our element validation reports as a character-set error before any linter runs (GS1's engine
// runs its cset linters), or that no dictionary-named linter checks (CSET 64 padding).
const NOT_A_DICTIONARY_LINTER = [
  "GS1_LINTER_NON_DIGIT_CHARACTER",
  "GS1_LINTER_INVALID_CSET82_CHARACTER",
  "GS1_LINTER_INVALID_CSET39_CHARACTER",
  "GS1_LINTER_INVALID_CSET64_CHARACTER",
  "GS1_LINTER_INVALID_CSET64_PADDING",
];

describe("other linter vectors, through element validation", () => {
  const otherCases = linterCases.filter(
    (c) => c.category !== "linter-coupon" && !NOT_A_DICTIONARY_LINTER.includes(c.expect.linterError ?? ""),
  );
  const firstError = (input: string) =>
    elements(input)
      .map(([ai, value]) => {
        const definition = lookupAi(ai);
        return definition ? validateElement(definition, value, 0) : { code: "UNKNOWN_AI", message: ai };
      })
      .find((error) => error !== undefined);

  it("checks the 40 cases that a dictionary linter decides", () => {
    expect(otherCases).toHaveLength(40);
  });

  // The engine's markup stops after the failing component; ours goes on to the end of the element.
  it("accepts what the engine accepts and marks the engine's span where it rejects", () => {
    const found = otherCases.map((c) => {
      const error = firstError(c.input);
      const markup = c.expect.engineErrorMarkup ?? "";
      return {
        id: c.id,
        ok: error === undefined,
        marksEngineSpan: error === undefined || error.message.includes(markup),
      };
    });
    expect(found).toEqual(otherCases.map((c) => ({ id: c.id, ok: c.expect.ok, marksEngineSpan: true })));
  });
});
