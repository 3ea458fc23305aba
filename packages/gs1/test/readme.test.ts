// The README's tables of error and warning codes must list exactly the codes the package can return.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const errorsSource = readFileSync(new URL("../src/errors.ts", import.meta.url), "utf8");

/** The string literals of a union type declared in errors.ts. */
function unionMembers(typeName: string): string[] {
  const declaration = new RegExp(`export type ${typeName} =([\\s\\S]*?)\\n\\n`).exec(errorsSource)?.[1] ?? "";
  return [...declaration.matchAll(/\| "([A-Z_]+)"/g)].map((match) => match[1] as string).sort();
}

/** The codes in the first column of the README table that follows a heading or lead-in line. */
function tableCodes(after: string): string[] {
  const start = readme.indexOf(after);
  expect(start).toBeGreaterThanOrEqual(0);
  const lines = readme.slice(start).split("\n").slice(1);
  const table = lines.slice(lines.findIndex((line) => line.startsWith("|")));
  const rows = table.slice(
    0,
    table.findIndex((line) => !line.startsWith("|")),
  );
  return rows.flatMap((row) => /^\| `([A-Z_]+)`/.exec(row)?.[1] ?? []).sort();
}

describe("README", () => {
  it("lists every error code, and no other", () => {
    expect(unionMembers("Gs1ErrorCode").length).toBeGreaterThan(10);
    expect(tableCodes("## Errors")).toEqual(unionMembers("Gs1ErrorCode"));
  });

  it("lists every warning code, and no other", () => {
    expect(tableCodes("Warnings (`data.warnings`")).toEqual(unionMembers("Gs1WarningCode"));
  });
});
