import { type Gs1Data, parse } from "@scangate/gs1";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import { buildIndex } from "../src/rule-index.js";
import type { RuleNotice } from "../src/schemas.js";

const TODAY = "2026-11-29";
const GTIN = "09521234543213";

function scan(text: string): Gs1Data {
  const result = parse(text, { today: TODAY });
  if (!result.ok) throw new Error(`test scan does not parse: ${result.error.code}`);
  return result.value;
}

function recall(
  version: number,
  status: RuleNotice["status"],
  products: RuleNotice["products"] = [{ gtin: GTIN, batches: ["LOT2027A"] }],
): RuleNotice {
  return {
    id: "gs1:gdti:9521234000005RECALL1",
    version,
    kind: "recall",
    status,
    source: { authority: "GS1_RECALL" },
    severity: { scheme: "GS1", level: "CLASS_1", normalized: "critical" },
    reasons: [{ code: "MICROBIOLOGICAL_CONTAMINATION", text: { en: "Listeria" } }],
    effective: { from: "2026-11-01" },
    action: { atTill: "block", ifAttributeUnknown: "block" },
    products,
  };
}

const actionFor = (text: string, notices: RuleNotice[]) =>
  evaluate(scan(text), { today: TODAY, index: buildIndex(notices) }).action;

describe("buildIndex", () => {
  it("a recall closed by a later version stops blocking, whatever the order in the feed", () => {
    expect(actionFor(`(01)${GTIN}(10)LOT2027A`, [recall(1, "active")])).toBe("block");
    expect(actionFor(`(01)${GTIN}(10)LOT2027A`, [recall(1, "active"), recall(2, "closed")])).toBe("allow");
    expect(actionFor(`(01)${GTIN}(10)LOT2027A`, [recall(2, "closed"), recall(1, "active")])).toBe("allow");
    expect(actionFor(`(01)${GTIN}(10)LOT2027A`, [recall(3, "cancelled"), recall(2, "active")])).toBe("allow");
  });

  it("a later version's scope replaces the earlier one's", () => {
    const widened = recall(2, "active", [{ gtin: GTIN, batches: ["LOT2027B"] }]);
    expect(actionFor(`(01)${GTIN}(10)LOT2027A`, [recall(1, "active"), widened])).toBe("allow");
    expect(actionFor(`(01)${GTIN}(10)LOT2027B`, [recall(1, "active"), widened])).toBe("block");
  });

  it("counts only the notices in force", () => {
    expect(buildIndex([recall(1, "active"), recall(2, "closed")]).noticeCount).toBe(0);
    expect(buildIndex([recall(1, "active")]).noticeCount).toBe(1);
  });

  it("one reason per notice even when several selectors name the GTIN", () => {
    const twice = recall(1, "active", [
      { gtin: GTIN, batches: ["LOT2027A"] },
      { gtin: GTIN, batchRanges: [{ from: "LOT2027A", to: "LOT2027Z" }] },
    ]);
    expect(
      evaluate(scan(`(01)${GTIN}(10)LOT2027A`), { today: TODAY, index: buildIndex([twice]) }).reasons,
    ).toHaveLength(1);
  });
});

describe("batch ranges", () => {
  const ranged = (from: string, to: string) => [recall(1, "active", [{ gtin: GTIN, batchRanges: [{ from, to }] }])];

  it("all-digit ends of one length compare numerically: 100..200 holds 150 and 0150, not 1000 or 15", () => {
    expect(actionFor(`(01)${GTIN}(10)150`, ranged("100", "200"))).toBe("block");
    expect(actionFor(`(01)${GTIN}(10)0150`, ranged("100", "200"))).toBe("block");
    expect(actionFor(`(01)${GTIN}(10)200`, ranged("100", "200"))).toBe("block");
    expect(actionFor(`(01)${GTIN}(10)1000`, ranged("100", "200"))).toBe("allow");
    expect(actionFor(`(01)${GTIN}(10)15`, ranged("100", "200"))).toBe("allow");
    expect(actionFor(`(01)${GTIN}(10)15A`, ranged("100", "200"))).toBe("allow");
  });

  it("other ends compare lexicographically: A100..A200 holds A1000 and A15", () => {
    expect(actionFor(`(01)${GTIN}(10)A1000`, ranged("A100", "A200"))).toBe("block");
    expect(actionFor(`(01)${GTIN}(10)A15`, ranged("A100", "A200"))).toBe("block");
    expect(actionFor(`(01)${GTIN}(10)A201`, ranged("A100", "A200"))).toBe("allow");
    expect(actionFor(`(01)${GTIN}(10)a150`, ranged("A100", "A200"))).toBe("allow");
  });

  it("digit ends of different lengths are lexicographic: 9..10 is inverted, 10..9 holds 100", () => {
    expect(actionFor(`(01)${GTIN}(10)100`, ranged("10", "9"))).toBe("block");
  });
});
