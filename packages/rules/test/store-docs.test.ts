// The store docs' error table must list exactly the codes the cache adds to the feed's own.
import { describe, expect, it } from "vitest";
import { declaredCodes, documentedCodes } from "../../../test/support/doc-tables.js";

describe("docs/store.md", () => {
  it("lists every store error code, and no other", () => {
    const codes = declaredCodes(new URL("../src/store/store-errors.ts", import.meta.url), "StoreErrorCode");
    expect(codes.length).toBe(5);
    expect(documentedCodes(new URL("../docs/store.md", import.meta.url), "## Errors", "## Offline")).toEqual(codes);
  });
});
