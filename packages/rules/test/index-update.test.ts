// updateIndex must give exactly what buildIndex gives for the changed notice set, without touching the old index:
// the store serves verdicts from the old one until the new one replaces it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildIndex, type RuleIndex, updateIndex } from "../src/rule-index.js";
import type { RuleNotice } from "../src/schemas.js";

const GTINS = ["09521234543213", "09506000134352", "06901234567892"] as const;

function notice(id: string, status: RuleNotice["status"], gtins: readonly string[], batch: string): RuleNotice {
  return {
    id,
    version: 1,
    kind: "recall",
    status,
    source: { authority: "PRODUCER" },
    severity: { scheme: "LOCAL", level: "1", normalized: "high" },
    reasons: [{ text: { en: `recall ${id}` } }],
    effective: { from: "2026-11-01" },
    action: { atTill: "block", ifAttributeUnknown: "warn" },
    products: gtins.map((gtin) => ({ gtin, batches: [batch] })),
  };
}

/** The index as plain data: per GTIN, the notice ids and their batch selectors; and the count in force. */
function canonical(index: RuleIndex) {
  const byGtin = [...index.byGtin]
    .map(([gtin, entries]) => [gtin, entries.map((entry) => `${entry.notice.id}×${entry.selectors.length}`).sort()])
    .sort(([a], [b]) => String(a).localeCompare(String(b)));
  return { byGtin, noticeCount: index.noticeCount };
}

const anyNotice = (id: string) =>
  fc
    .record({
      status: fc.constantFrom<RuleNotice["status"]>("active", "closed", "cancelled"),
      gtins: fc.subarray([...GTINS], { minLength: 1 }),
      twice: fc.boolean(), // the same GTIN named twice: one entry with two selectors
      batch: fc.constantFrom("A", "B"),
    })
    .map(({ status, gtins, twice, batch }) =>
      notice(id, status, twice ? [...gtins, gtins[0] as string] : gtins, batch),
    );

const ids = Array.from({ length: 8 }, (_, index) => `n${index}`);

describe("updateIndex", () => {
  it("equals buildIndex over the changed set, and leaves the old index as it was", () => {
    fc.assert(
      fc.property(
        fc.tuple(...ids.map((id) => fc.option(anyNotice(id), { nil: undefined }))),
        fc.tuple(
          ...ids.map((id) => fc.oneof(fc.constant("keep" as const), fc.constant("remove" as const), anyNotice(id))),
        ),
        (before, change) => {
          const held = before.filter((item): item is RuleNotice => item !== undefined);
          const heldById = new Map(held.map((item) => [item.id, item]));
          const upserts = change.filter((item): item is RuleNotice => typeof item === "object");
          const removals = ids.filter((id, position) => change[position] === "remove" && heldById.has(id));
          const touched = [...removals, ...upserts.map((item) => item.id)];
          const replaced = touched.flatMap((id) => heldById.get(id) ?? []);
          const after = [...held.filter((item) => !touched.includes(item.id)), ...upserts];

          const oldIndex = buildIndex(held);
          const oldShape = canonical(oldIndex);
          const updated = updateIndex(oldIndex, replaced, upserts);
          expect(canonical(updated)).toEqual(canonical(buildIndex(after)));
          expect(canonical(oldIndex)).toEqual(oldShape);
        },
      ),
      { seed: 20261129, numRuns: 500 },
    );
  });
});
