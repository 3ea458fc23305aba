// The store docs' error table must list exactly the codes the cache adds to the feed's own.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const docs = readFileSync(new URL("../docs/store.md", import.meta.url), "utf8");
const errorsSource = readFileSync(new URL("../src/store/store-errors.ts", import.meta.url), "utf8");

describe("docs/store.md", () => {
  it("lists every store error code, and no other", () => {
    const declaration = /export type StoreErrorCode =([\s\S]*?);/.exec(errorsSource)?.[1] ?? "";
    const codes = [...declaration.matchAll(/\| "([A-Z_]+)"/g)].map((match) => match[1]).sort();
    const table = docs.slice(docs.indexOf("## Errors"), docs.indexOf("## Offline"));
    const documented = [...table.matchAll(/^\| `([A-Z_]+)` +\|/gm)].map((match) => match[1]).sort();
    expect(codes.length).toBe(5);
    expect(documented).toEqual(codes);
  });
});
