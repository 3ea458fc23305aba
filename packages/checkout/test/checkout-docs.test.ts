// The README's error table must list exactly the codes of CheckoutErrorCode.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const errorsSource = readFileSync(new URL("../src/engine/checkout-errors.ts", import.meta.url), "utf8");

describe("README.md", () => {
  it("lists every checkout error code, and no other", () => {
    const declaration = /export type CheckoutErrorCode =([\s\S]*?);/.exec(errorsSource)?.[1] ?? "";
    const codes = [...declaration.matchAll(/\| "([A-Z_]+)"/g)].map((match) => match[1]).sort();
    const table = readme.slice(readme.indexOf("## Errors"), readme.indexOf("Line checks"));
    const documented = [...table.matchAll(/`([A-Z_]+)`\s*\|/g)].map((match) => match[1]).sort();
    expect(codes.length).toBe(15);
    expect(documented).toEqual(codes);
  });
});
