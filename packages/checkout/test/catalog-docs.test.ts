// docs/catalog.md's error tables must list exactly the codes of the catalogue's unions.
import { describe, expect, it } from "vitest";
import { tableCodes, unionCodes } from "./support-parts/doc-tables.js";

const docs = new URL("../docs/catalog.md", import.meta.url);
const errors = new URL("../src/catalog/catalog-errors.ts", import.meta.url);

describe("docs/catalog.md", () => {
  it("lists every catalogue error code, and no other", () => {
    expect(unionCodes(errors, "CatalogErrorCode")).toHaveLength(6);
    expect(tableCodes(docs, "## Errors", "## Row issues")).toEqual(unionCodes(errors, "CatalogErrorCode"));
  });

  it("lists every row issue code, and no other", () => {
    expect(unionCodes(errors, "RowIssueCode")).toHaveLength(5);
    expect(tableCodes(docs, "## Row issues")).toEqual(unionCodes(errors, "RowIssueCode"));
  });
});
