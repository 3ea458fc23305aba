// The 810 public GS1 test vectors from gs1-syntax-engine (GS1's reference), biip, BarcodeParser, Bark-JS, gs1js
// and digital-link.js. ScanGate must agree with every one, except where it deliberately differs; each such case
// is listed below with the reason, and a listed case that starts agreeing fails the test (no stale entries).
import { describe, expect, it } from "vitest";
import { disagreement, vectors } from "./peer-vectors.js";
import { DELIBERATE_DIFFERENCES } from "./peer-vectors-differences.js";

describe("public GS1 test vectors from the peers", () => {
  it("reads all 810 vectors", () => {
    expect(vectors).toHaveLength(810);
  });

  for (const repo of [
    "gs1/gs1-syntax-engine",
    "jodal/biip",
    "MaximBelov/BarcodeParser",
    "Sleavely/Bark-JS",
    "bitflower/gs1js",
    "evrythng/digital-link.js",
  ]) {
    it(`agrees with every ${repo} case but the deliberate differences`, () => {
      const cases = vectors.filter((vector) => vector.source.repo === repo);
      expect(cases.length).toBeGreaterThan(0);
      const unexpected: Record<string, string> = {};
      const stale: string[] = [];
      for (const vector of cases) {
        const difference = disagreement(vector);
        const listed = DELIBERATE_DIFFERENCES[vector.id];
        if (difference !== undefined && listed === undefined)
          unexpected[vector.id] = `${JSON.stringify(vector.input)}: ${difference}`;
        if (difference === undefined && listed !== undefined) stale.push(vector.id);
      }
      expect(unexpected).toEqual({});
      expect(stale).toEqual([]);
    });
  }
});
