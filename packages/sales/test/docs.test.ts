// The README's error table must list exactly the codes of the SalesErrorCode union.
import { describe, expect, it } from "vitest";
import { declaredCodes, documentedCodes } from "../../../test/support/doc-tables.js";

describe("README.md", () => {
  it("lists every error code, and no other", () => {
    const codes = declaredCodes(new URL("../src/errors.ts", import.meta.url), "SalesErrorCode");
    expect(codes).toHaveLength(6);
    expect(documentedCodes(new URL("../README.md", import.meta.url), "## Errors", "## Speed")).toEqual(codes);
  });
});
