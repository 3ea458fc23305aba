// The operator docs must list exactly the codes the code can return, and the set-up guide's worked example must be
// what diagnose really says.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { diagnose } from "../src/diagnose/diagnose.js";
import { TEST_LABELS } from "../src/test-labels.js";

const read = (path: string) => readFileSync(new URL(path, import.meta.url), "utf8");
const operatorsDoc = read("../docs/operators.md");
const setupGuide = read("../../../docs/scanner-setup.md");

/** The string literals of a union type declared in a source file. */
function unionMembers(file: string, typeName: string): string[] {
  const declaration = new RegExp(`export type ${typeName} =([\\s\\S]*?);\\n`).exec(read(file))?.[1] ?? "";
  return [...declaration.matchAll(/\| "([^"]+)"/g)].map((match) => match[1] as string).sort();
}

/** The codes in the first column of the table after a heading. */
function tableCodes(heading: string): string[] {
  const start = operatorsDoc.indexOf(heading);
  expect(start).toBeGreaterThanOrEqual(0);
  const lines = operatorsDoc.slice(start).split("\n").slice(1);
  const table = lines.slice(lines.findIndex((line) => line.startsWith("|")));
  const rows = table.slice(
    0,
    table.findIndex((line) => !line.startsWith("|")),
  );
  return rows.flatMap((row) => /^\| `([^`]+)`/.exec(row)?.[1] ?? []).sort();
}

describe("docs/operators.md", () => {
  it("lists every classify rule, and no other", () => {
    const rules = unionMembers("../src/classify/classify.ts", "ClassifyRule");
    expect(rules.length).toBeGreaterThan(5);
    expect(tableCodes("### Rules (`rule`)")).toEqual(rules);
  });

  it("lists every reason a scan is unknown, and no other", () => {
    expect(tableCodes("### Reasons")).toEqual(unionMembers("../src/classify/classify.ts", "UnknownScanReason"));
  });

  it("lists every diagnose finding code, and no other", () => {
    const codes = unionMembers("../src/diagnose/findings.ts", "DiagnoseCode");
    expect(codes.length).toBeGreaterThan(10);
    expect(tableCodes("### Finding codes")).toEqual(codes);
  });
});

describe("docs/scanner-setup.md", () => {
  it("shows the worked example exactly as diagnose reports it", () => {
    const json = /```json\n([\s\S]*?)\n```/.exec(setupGuide)?.[1] ?? "";
    const label = TEST_LABELS.find((candidate) => candidate.id === "gs1-datamatrix");
    const scan = { text: "01095212345432131729123110ABC123|21SER42" };
    expect(setupGuide).toContain(`{ text: "${scan.text}" }`);
    expect(JSON.parse(json)).toEqual(diagnose(scan, label?.expected ?? { text: "" }));
  });
});
