// The feed docs' error table must list exactly the codes the feed can return.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";

const docs = readFileSync(new URL("../docs/feed.md", import.meta.url), "utf8");
const errorsSource = readFileSync(new URL("../src/feed/feed-errors.ts", import.meta.url), "utf8");

describe("docs/feed.md", () => {
  it("lists every feed error code, and no other", () => {
    const declaration = /export type FeedErrorCode =([\s\S]*?);/.exec(errorsSource)?.[1] ?? "";
    const codes = [...declaration.matchAll(/\| "([A-Z_]+)"/g)].map((match) => match[1]).sort();
    const table = docs.slice(docs.indexOf("## Errors"));
    const documented = [...table.matchAll(/^\| `([A-Z_]+)`\s*\|/gm)].map((match) => match[1]).sort();
    expect(codes.length).toBe(8);
    expect(documented).toEqual(codes);
  });
});
