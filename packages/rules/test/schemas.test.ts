import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseRuleNotices } from "../src/schemas.js";

const valid = {
  id: "samr:2026-11:17",
  version: 2,
  kind: "failed_inspection",
  status: "active",
  source: { authority: "SAMR", ref: "2026年第17号", url: "https://www.samr.gov.cn/" },
  severity: { scheme: "CN_RECALL", level: "一级", normalized: "critical" },
  reasons: [
    {
      text: { "zh-CN": "二氧化硫残留量超标" },
      finding: { item: "二氧化硫残留量", result: "0.79g/kg", limit: "≤0.2g/kg" },
    },
  ],
  effective: { from: "2026-11-01T00:00:00Z", until: "2027-02-01" },
  regions: ["CN-ZJ"],
  action: { atTill: "block", ifAttributeUnknown: "warn", override: { allowed: false, reasonRequired: true } },
  products: [
    {
      gtin: "09521234543213",
      batchRanges: [{ from: "240301", to: "240331" }],
      dates: [{ ai: "11", to: "2026-10-31" }],
    },
  ],
};

const broken = (patch: Record<string, unknown>) => [{ ...valid, ...patch }];

describe("parseRuleNotices", () => {
  it("accepts a full notice and drops fields it does not know", () => {
    const parsed = parseRuleNotices([{ ...valid, futureField: 1 }]);
    expect(parsed.ok).toBe(true);
    if (parsed.ok) expect(parsed.value[0]).not.toHaveProperty("futureField");
  });

  it.each([
    ["a bad GTIN check digit", { products: [{ gtin: "09521234543214" }] }, "0.products.0.gtin"],
    ["a GTIN-13", { products: [{ gtin: "9521234543213" }] }, "0.products.0.gtin"],
    [
      "an inverted numeric range",
      { products: [{ gtin: "09521234543213", batchRanges: [{ from: "200", to: "100" }] }] },
      "0.products.0.batchRanges.0",
    ],
    [
      "30 February",
      { products: [{ gtin: "09521234543213", dates: [{ ai: "17", from: "2027-02-30" }] }] },
      "0.products.0.dates.0.from",
    ],
    ["an unknown kind", { kind: "ban" }, "0.kind"],
    ["version 0", { version: 0 }, "0.version"],
    ["no products", { products: [] }, "0.products"],
    ["a region in lower case", { regions: ["cn-zj"] }, "0.regions.0"],
  ])("refuses %s with MALFORMED_NOTICE naming the path", (_, patch, path) => {
    const parsed = parseRuleNotices(broken(patch));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) {
      expect(parsed.error.code).toBe("MALFORMED_NOTICE");
      expect(parsed.error.issues.some((line) => line.startsWith(`${path}:`))).toBe(true);
    }
  });

  it("never throws, whatever the JSON", () => {
    fc.assert(
      fc.property(fc.jsonValue(), (json) => {
        const parsed = parseRuleNotices(json);
        expect(typeof parsed.ok).toBe("boolean");
      }),
      { seed: 7, numRuns: 300 },
    );
  });
});

describe("docs/engine.md", () => {
  it("lists every rules error code, and no other", () => {
    const source = readFileSync(new URL("../src/errors.ts", import.meta.url), "utf8");
    const codes = [...source.matchAll(/\| "([A-Z_]+)"/g)].map((match) => match[1]).sort();
    const docs = readFileSync(new URL("../docs/engine.md", import.meta.url), "utf8");
    const table = docs.slice(docs.indexOf("## Error codes"));
    const documented = [...table.matchAll(/^\| `([A-Z_]+)`\s*\|/gm)].map((match) => match[1]).sort();
    expect(documented).toEqual(codes);
  });
});
