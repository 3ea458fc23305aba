import { describe, expect, it } from "vitest";
import { catalogFromCsv } from "../src/catalog/catalog-csv.js";
import { readCsv, writeCsv } from "../src/catalog/csv.js";
import { decimalToMinor } from "../src/catalog/price-decimal.js";
import { PORK_ITEM } from "./support-parts/catalog-fixture.js";

describe("readCsv (RFC 4180)", () => {
  it("reads quotes, embedded commas, line breaks, CRLF and a UTF-8 BOM", () => {
    const text = '\uFEFFgtin,name\r\n1,"Tea, green"\r\n2,"He said ""hi""\r\nsecond line"\n3,plain';
    const parsed = readCsv(text);
    expect(parsed).toEqual({
      ok: true,
      value: [
        { row: 1, cells: ["gtin", "name"] },
        { row: 2, cells: ["1", "Tea, green"] },
        { row: 3, cells: ["2", 'He said "hi"\r\nsecond line'] },
        { row: 4, cells: ["3", "plain"] },
      ],
    });
  });

  it("keeps an empty last cell and does not add a record for the final line break", () => {
    expect(readCsv("a,\r\nb,c\r\n")).toEqual({
      ok: true,
      value: [
        { row: 1, cells: ["a", ""] },
        { row: 2, cells: ["b", "c"] },
      ],
    });
  });

  it("refuses an unclosed quote and text after a closing quote, naming the record", () => {
    expect(readCsv('a\r\n"open')).toMatchObject({ ok: false, error: { row: 2 } });
    expect(readCsv('"a"b,c')).toMatchObject({ ok: false, error: { row: 1 } });
    expect(readCsv('a"b')).toMatchObject({ ok: false, error: { row: 1 } });
  });

  it("writes what it reads back", () => {
    const records = [
      ["x", 'a "quoted", field'],
      ["多行\n文本", ""],
    ];
    expect(readCsv(writeCsv(records))).toMatchObject({ ok: true, value: records.map((cells) => ({ cells })) });
  });
});

describe("prices typed in yuan", () => {
  it("convert to fen exactly, with no floating-point error", () => {
    expect(decimalToMinor("12.50", 2)).toBe(1250);
    expect(decimalToMinor("19.99", 2)).toBe(1999); // 19.99 * 100 is 1998.9999999999998 in floating point
    expect(decimalToMinor("0.1", 2)).toBe(10);
    expect(decimalToMinor("7", 2)).toBe(700);
    expect(decimalToMinor("12.505", 2)).toBeUndefined();
    expect(decimalToMinor("-1", 2)).toBeUndefined();
    expect(decimalToMinor("1e3", 2)).toBeUndefined();
  });
});

describe("catalogFromCsv", () => {
  it("takes the columns in any order, case-insensitively, with prices in yuan and other-language names", () => {
    const text = "Name,price,GTIN,name_en,unit,taxRatePercent\r\n五花肉,28.00,6901234567892,Pork belly,kg,9\r\n";
    expect(catalogFromCsv(text)).toEqual({
      ok: true,
      value: {
        issues: [],
        items: [PORK_ITEM],
      },
    });
  });

  it("pads GTIN-8 and GTIN-12 to 14 digits and refuses a wrong check digit", () => {
    const text = "gtin,name,priceMinor\n96385074,A,1\n036000291452,B,2\n6901234567891,C,3\n";
    const result = catalogFromCsv(text);
    expect(result.ok && result.value.items.map((item) => item.gtin)).toEqual(["00000096385074", "00036000291452"]);
    expect(result.ok && result.value.issues).toEqual([
      expect.objectContaining({ code: "BAD_GTIN", row: 4, field: "gtin" }),
    ]);
  });

  it("reports every bad row with its row number, field and message", () => {
    const text = [
      "gtin,name,price,unit",
      "6901234567892,,1.00,each",
      "09506000134352,Milk,12.505,each",
      "6901234567892,Dup,1,each",
      "96385074,Soy,1,litre",
      "036000291452,Tissues,1,each,extra",
    ].join("\n");
    const result = catalogFromCsv(text);
    const issues = result.ok ? result.value.issues.map(({ code, row, field }) => ({ code, row, field })) : [];
    expect(issues).toEqual([
      { code: "INVALID_FIELD", row: 2, field: "name" },
      { code: "BAD_PRICE", row: 3, field: "price" },
      { code: "DUPLICATE_GTIN", row: 4, field: "gtin" },
      { code: "INVALID_FIELD", row: 5, field: "unit" },
      { code: "WRONG_CELL_COUNT", row: 6, field: undefined },
    ]);
  });

  it("refuses a header that misses a column, repeats one or names an unknown one", () => {
    expect(catalogFromCsv("gtin,price\n")).toMatchObject({
      ok: false,
      error: { code: "MISSING_COLUMN", column: "name" },
    });
    expect(catalogFromCsv("gtin,name\n")).toMatchObject({
      ok: false,
      error: { code: "MISSING_COLUMN", column: "price" },
    });
    expect(catalogFromCsv("")).toMatchObject({ ok: false, error: { code: "MISSING_COLUMN" } });
    expect(catalogFromCsv("gtin,name,price,prise\n")).toMatchObject({
      ok: false,
      error: { code: "BAD_HEADER", column: "prise" },
    });
    expect(catalogFromCsv("gtin,name,price,Name\n")).toMatchObject({ ok: false, error: { code: "BAD_HEADER" } });
    expect(catalogFromCsv("gtin,name,price,priceMinor\n")).toMatchObject({ ok: false, error: { code: "BAD_HEADER" } });
    expect(catalogFromCsv('gtin,name,price\n1,"x')).toMatchObject({
      ok: false,
      error: { code: "MALFORMED_CSV", row: 2 },
    });
  });

  it("ignores empty trailing columns a spreadsheet saved, but not a value in them", () => {
    const result = catalogFromCsv("gtin,name,priceMinor,,\r\n96385074,A,1,,\r\n036000291452,B,2,,oops\r\n");
    expect(result.ok && result.value.items.map((item) => item.gtin)).toEqual(["00000096385074"]);
    expect(result.ok && result.value.issues).toEqual([expect.objectContaining({ code: "WRONG_CELL_COUNT", row: 3 })]);
  });

  it("skips blank lines", () => {
    const result = catalogFromCsv("gtin,name,priceMinor\r\n\r\n96385074,A,1\r\n,,\r\n");
    expect(result.ok && result.value).toMatchObject({ issues: [], items: [{ gtin: "00000096385074" }] });
  });
});
