// The README's error table must list exactly the codes of CheckoutErrorCode.
import { describe, expect, it } from "vitest";
import { declaredCodes, documentedCodes } from "../../../test/support/doc-tables.js";

describe("README.md", () => {
  it("lists every checkout error code, and no other", () => {
    const codes = declaredCodes(new URL("../src/engine/checkout-errors.ts", import.meta.url), "CheckoutErrorCode");
    expect(codes.length).toBe(15);
    expect(documentedCodes(new URL("../README.md", import.meta.url), "## Errors", "Line checks")).toEqual(codes);
  });
});
