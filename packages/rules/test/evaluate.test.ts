import { type Gs1Data, parse } from "@scangate/gs1";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import { buildIndex } from "../src/rule-index.js";
import type { RuleNotice } from "../src/schemas.js";
import { ACTION_RANK } from "../src/verdict.js";

const TODAY = "2026-11-29";
const GTIN = "09521234543213";

function scan(text: string): Gs1Data {
  const result = parse(text, { today: TODAY });
  if (!result.ok) throw new Error(`test scan does not parse: ${result.error.code}`);
  return result.value;
}

function notice(overrides: Partial<RuleNotice> = {}): RuleNotice {
  return {
    id: "samr:2026-11:17",
    version: 1,
    kind: "failed_inspection",
    status: "active",
    source: { authority: "SAMR", ref: "2026年第17号" },
    severity: { scheme: "CN_RECALL", level: "一级", normalized: "critical" },
    reasons: [{ text: { "zh-CN": "二氧化硫残留量超标", en: "Sulphur dioxide above limit" } }],
    effective: { from: "2026-11-01T00:00:00Z" },
    action: { atTill: "block", ifAttributeUnknown: "warn" },
    products: [{ gtin: GTIN, batches: ["LOT2027A"] }],
    ...overrides,
  };
}

const verdictFor = (text: string, notices: RuleNotice[], extra: Partial<Parameters<typeof evaluate>[1]> = {}) =>
  evaluate(scan(text), { today: TODAY, index: buildIndex(notices), ...extra });

describe("evaluate: notices", () => {
  it("blocks the named batch and names the notice with its texts", () => {
    const verdict = verdictFor(`(01)${GTIN}(10)LOT2027A`, [notice()]);
    expect(verdict.action).toBe("block");
    expect(verdict.reasons).toEqual([
      expect.objectContaining({
        source: "notice",
        code: "NOTICE_MATCH",
        noticeId: "samr:2026-11:17",
        noticeVersion: 1,
        texts: [{ text: { "zh-CN": "二氧化硫残留量超标", en: "Sulphur dioxide above limit" } }],
      }),
    ]);
  });

  it("allows another batch of the same GTIN, and other GTINs", () => {
    expect(verdictFor(`(01)${GTIN}(10)LOT2027B`, [notice()]).action).toBe("allow");
    expect(verdictFor("(01)09506000134352(10)LOT2027A", [notice()]).action).toBe("allow");
  });

  it.each([
    ["block", "block", 1],
    ["warn", "warn", 1],
    ["allow", "allow", 0],
  ] as const)(
    "a plain EAN-13 (no batch) against a batch recall with ifAttributeUnknown %s → %s",
    (choice, action, count) => {
      const verdict = verdictFor("9521234543213", [
        notice({ action: { atTill: "block", ifAttributeUnknown: choice } }),
      ]);
      expect(verdict.action).toBe(action);
      expect(verdict.reasons).toHaveLength(count);
      if (count) expect(verdict.reasons[0]).toMatchObject({ code: "ATTRIBUTE_UNKNOWN" });
    },
  );

  it("a GTIN-only notice blocks a plain EAN-13", () => {
    expect(verdictFor("9521234543213", [notice({ products: [{ gtin: GTIN }] })]).action).toBe("block");
  });

  it("a date-scoped notice matches on the production date window, ends included", () => {
    const scoped = notice({ products: [{ gtin: GTIN, dates: [{ ai: "11", from: "2026-10-01", to: "2026-10-31" }] }] });
    expect(verdictFor(`(01)${GTIN}(11)261031`, [scoped]).action).toBe("block");
    expect(verdictFor(`(01)${GTIN}(11)261001`, [scoped]).action).toBe("block");
    expect(verdictFor(`(01)${GTIN}(11)261101`, [scoped]).action).toBe("allow");
    expect(verdictFor(`(01)${GTIN}(10)X`, [scoped]).action).toBe("warn"); // no AI 11 on the pack
  });

  it("serials and serial ranges", () => {
    const scoped = notice({
      products: [{ gtin: GTIN, serials: ["S1"], serialRanges: [{ from: "1000", to: "1999" }] }],
    });
    expect(verdictFor(`(01)${GTIN}(21)S1`, [scoped]).action).toBe("block");
    expect(verdictFor(`(01)${GTIN}(21)1500`, [scoped]).action).toBe("block");
    expect(verdictFor(`(01)${GTIN}(21)2000`, [scoped]).action).toBe("allow");
  });

  it("region scoping: a CN notice covers CN-ZJ, a CN-ZJ notice does not cover CN-JS", () => {
    expect(verdictFor(`(01)${GTIN}(10)LOT2027A`, [notice({ regions: ["CN"] })], { region: "CN-ZJ" }).action).toBe(
      "block",
    );
    expect(verdictFor(`(01)${GTIN}(10)LOT2027A`, [notice({ regions: ["CN-ZJ"] })], { region: "CN-ZJ" }).action).toBe(
      "block",
    );
    expect(verdictFor(`(01)${GTIN}(10)LOT2027A`, [notice({ regions: ["CN-ZJ"] })], { region: "CN-JS" }).action).toBe(
      "allow",
    );
    expect(verdictFor(`(01)${GTIN}(10)LOT2027A`, [notice({ regions: ["CN-ZJ"] })]).action).toBe("block");
  });

  it("store scoping by GLN", () => {
    const scoped = notice({ stores: ["6901234000016"] });
    expect(verdictFor(`(01)${GTIN}(10)LOT2027A`, [scoped], { store: "6901234000016" }).action).toBe("block");
    expect(verdictFor(`(01)${GTIN}(10)LOT2027A`, [scoped], { store: "6901234000023" }).action).toBe("allow");
  });

  it("effective windows: not yet in force, in force, ended (dates and instants)", () => {
    const dated = notice({ effective: { from: "2026-11-29", until: "2026-12-01" } });
    expect(verdictFor(`(01)${GTIN}(10)LOT2027A`, [dated], { today: "2026-11-28" }).action).toBe("allow");
    expect(verdictFor(`(01)${GTIN}(10)LOT2027A`, [dated], { today: "2026-11-29" }).action).toBe("block");
    expect(verdictFor(`(01)${GTIN}(10)LOT2027A`, [dated], { today: "2026-12-02" }).action).toBe("allow");
    const instant = notice({ effective: { from: "2026-11-29T08:00:00+08:00" } });
    expect(
      verdictFor(`(01)${GTIN}(10)LOT2027A`, [instant], { nowMs: Date.parse("2026-11-29T07:59:59+08:00") }).action,
    ).toBe("allow");
    expect(
      verdictFor(`(01)${GTIN}(10)LOT2027A`, [instant], { nowMs: Date.parse("2026-11-29T08:00:00+08:00") }).action,
    ).toBe("block");
  });

  it("most severe action wins; reasons run block first, then by normalised severity", () => {
    const warnLow = notice({
      id: "a",
      action: { atTill: "warn", ifAttributeUnknown: "warn" },
      severity: { scheme: "LOCAL", level: "3", normalized: "low" },
    });
    const warnHigh = notice({
      id: "b",
      action: { atTill: "warn", ifAttributeUnknown: "warn" },
      severity: { scheme: "LOCAL", level: "1", normalized: "high" },
    });
    const block = notice({ id: "c", kind: "recall", severity: { scheme: "FDA", level: "III", normalized: "medium" } });
    const verdict = verdictFor(`(01)${GTIN}(10)LOT2027A`, [warnLow, block, warnHigh]);
    expect(verdict.action).toBe("block");
    expect(verdict.reasons.map((reason) => (reason.source === "notice" ? reason.noticeId : ""))).toEqual([
      "c",
      "b",
      "a",
    ]);
  });

  it("copies the feed version and age into the verdict", () => {
    const verdict = verdictFor(`(01)${GTIN}(10)X`, [], { feedVersion: 42, feedAgeMs: 1000 });
    expect(verdict).toMatchObject({ action: "allow", feedVersion: 42, feedAgeMs: 1000 });
  });
});

describe("evaluate: properties", () => {
  const ai = fc.constantFrom(
    "(10)LOT2027A",
    "(10)LOT2027B",
    "(21)1500",
    "(11)261015",
    "(17)261130",
    "(17)261128",
    "(15)261201",
    "",
  );
  const anyNotice = fc.record({
    id: fc.constantFrom("a", "b", "c"),
    version: fc.integer({ min: 1, max: 3 }),
    status: fc.constantFrom("active", "closed", "cancelled"),
    atTill: fc.constantFrom("block", "warn"),
    unknown: fc.constantFrom("block", "warn", "allow"),
    scope: fc.constantFrom<NonNullable<RuleNotice["products"][number]>[]>(
      [{ gtin: GTIN }],
      [{ gtin: GTIN, batches: ["LOT2027A"] }],
      [{ gtin: GTIN, serialRanges: [{ from: "1000", to: "1999" }] }],
      [{ gtin: GTIN, dates: [{ ai: "11", from: "2026-10-01" }] }],
    ),
  });

  it("never throws, and the action is the most severe of the reasons", () => {
    fc.assert(
      fc.property(
        fc.array(anyNotice, { maxLength: 6 }),
        fc.array(ai, { maxLength: 3 }),
        fc.nat(200 * 3_600_000),
        (raw, ais, ageMs) => {
          const notices = raw.map((item) =>
            notice({
              id: item.id,
              version: item.version,
              status: item.status as RuleNotice["status"],
              action: { atTill: item.atTill as "block" | "warn", ifAttributeUnknown: item.unknown as "block" },
              products: item.scope,
            }),
          );
          const text = `(01)${GTIN}${[...new Set(ais)].sort().join("")}`;
          const parsed = parse(text, { today: TODAY });
          if (!parsed.ok) return;
          const verdict = evaluate(parsed.value, { today: TODAY, index: buildIndex(notices), feedAgeMs: ageMs });
          const worst = Math.max(0, ...verdict.reasons.map((reason) => ACTION_RANK[reason.action]));
          expect(ACTION_RANK[verdict.action]).toBe(worst);
        },
      ),
      { seed: 20261129, numRuns: 500 },
    );
  });
});
