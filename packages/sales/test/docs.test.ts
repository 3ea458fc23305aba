// The README's error table must list exactly the codes of the SalesErrorCode union.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const errorsSource = readFileSync(new URL("../src/errors.ts", import.meta.url), "utf8");

describe("README.md", () => {
  it("lists every error code, and no other", () => {
    const declaration = /export type SalesErrorCode =([\s\S]*?);/.exec(errorsSource)?.[1] ?? "";
    const codes = [...declaration.matchAll(/\| "([A-Z_]+)"/g)].map((match) => match[1]).sort();
    const table = readme.slice(readme.indexOf("## Errors"), readme.indexOf("## Speed"));
    const documented = [...table.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((match) => match[1]).sort();
    expect(codes).toHaveLength(6);
    expect(documented).toEqual(codes);
  });
});
