import { describe, expect, it } from "vitest";
import { runCli } from "../src/cli.js";

function run(args: string[], stdinText?: string) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runCli(args, { out: (text) => out.push(text), err: (text) => err.push(text) }, stdinText);
  return { code, out: out.join("\n"), err: err.join("\n") };
}

describe("scangate-gs1", () => {
  it("prints a table of the elements, the HRI and the Digital Link of a scan", () => {
    const { code, out } = run(["--today", "2026-11-29", "]d2010950600013435217261231<GS>10ABC123"]);
    expect(code).toBe(0);
    expect(out).toContain("✓ scan-data (]d2)");
    expect(out).toMatch(/\(17\)\s+USE BY or EXPIRY\s+261231\s+2026-12-31/);
    expect(out).toContain("HRI: (01)09506000134352(17)261231(10)ABC123");
    expect(out).toContain("Digital Link: https://id.gs1.org/01/09506000134352/10/ABC123?17=261231");
  });

  it("prints the parse result as JSON", () => {
    const { code, out } = run(["--json", "(01)09506000134352(3103)001250"]);
    expect(code).toBe(0);
    expect(JSON.parse(out)).toMatchObject({
      ok: true,
      value: { gtin: "09506000134352", netWeight: { decimal: "1.250", unit: "kg" } },
    });
  });

  it("explains a bad scan and exits 1", () => {
    const { code, err } = run(["]d20109506000134353"]);
    expect(code).toBe(1);
    expect(err).toContain("BAD_CHECK_DIGIT");
    expect(err).toContain("|3|");
  });

  it("reads wedge substitutes and standard input", () => {
    expect(run(["--gs", "|", "0107032069804988100329|15210526"]).out).toContain("(15)");
    expect(run(["-"], "]C10109506000134352").out).toContain("✓ scan-data (]C1)");
  });

  it("shows usage for no scan, unknown options and a bad date (exit 2)", () => {
    expect(run([]).code).toBe(2);
    expect(run(["--nope", "x"]).code).toBe(2);
    expect(run(["--today", "tomorrow", "x"]).code).toBe(2);
    expect(run(["--help"])).toMatchObject({ code: 0, out: expect.stringContaining("Usage: scangate-gs1") });
  });
});
