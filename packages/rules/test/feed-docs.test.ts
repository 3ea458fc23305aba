// The feed docs' error table must list exactly the codes the feed can return.
import { describe, expect, it } from "vitest";
import { declaredCodes, documentedCodes } from "../../../test/support/doc-tables.js";

describe("docs/feed.md", () => {
  it("lists every feed error code, and no other", () => {
    const codes = declaredCodes(new URL("../src/feed/feed-errors.ts", import.meta.url), "FeedErrorCode");
    expect(codes.length).toBe(8);
    expect(documentedCodes(new URL("../docs/feed.md", import.meta.url), "## Errors")).toEqual(codes);
  });
});
