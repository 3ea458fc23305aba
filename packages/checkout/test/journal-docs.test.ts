// docs/journal.md's error table must list exactly the codes of JournalErrorCode.
import { describe, expect, it } from "vitest";
import { tableCodes, unionCodes } from "./support-parts/doc-tables.js";

describe("docs/journal.md", () => {
  it("lists every journal error code, and no other", () => {
    const codes = unionCodes(new URL("../src/journal/journal-errors.ts", import.meta.url), "JournalErrorCode");
    expect(codes).toHaveLength(8);
    expect(tableCodes(new URL("../docs/journal.md", import.meta.url), "## Errors")).toEqual(codes);
  });
});
