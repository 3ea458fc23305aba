import { describe, expect, it } from "vitest";
import { type ParseOptions, parse } from "../src/parse.js";

const GS = "\u001d";
const today = "2026-11-29";

function read(input: string, options: ParseOptions = {}) {
  const result = parse(input, { today, ...options });
  if (!result.ok) throw new Error(`expected ${JSON.stringify(input)} to parse: ${result.error.message}`);
  return result.value;
}

function failure(input: string, options: ParseOptions = {}) {
  const result = parse(input, { today, ...options });
  if (result.ok) throw new Error(`expected ${JSON.stringify(input)} to fail`);
  return result.error;
}

describe("scan data with an AIM symbology identifier", () => {
  it("reads a GS1 DataMatrix with GTIN, expiry, batch and serial", () => {
    const data = read(`]d201095212345432131725123110ABC123${GS}21SER42`);
    expect(data).toMatchObject({
      source: "scan-data",
      symbology: "]d2",
      gtin: "09521234543213",
      expiry: "2025-12-31",
      batch: "ABC123",
      serial: "SER42",
    });
    expect(data.elements.map((element) => [element.ai, element.raw])).toEqual([
      ["01", "09521234543213"],
      ["17", "251231"],
      ["10", "ABC123"],
      ["21", "SER42"],
    ]);
    expect(data.elements[1]?.title).toBe("USE BY or EXPIRY");
  });

  it.each(["]C1", "]e0", "]d2", "]Q3", "]J1"])("reads %s as a GS1 element string", (aim) => {
    expect(read(`${aim}0109506000134352`)).toMatchObject({ symbology: aim, gtin: "09506000134352" });
  });

  it("reads EAN-13, UPC-A as 13 digits, EAN-8 and ITF-14 as GTINs padded to 14 digits", () => {
    expect(read("]E05901234123457")).toMatchObject({ source: "gtin", gtin: "05901234123457" });
    expect(read("]E00614141000036").gtin).toBe("00614141000036");
    expect(read("]E496385074").gtin).toBe("00000096385074");
    expect(read("]I105901234123457").gtin).toBe("05901234123457");
  });

  it("reads the GS1 composite component after an EAN-13", () => {
    const data = read(`]E02112345678900|]e099COMPOSITE${GS}98XYZ`);
    expect(data.elements.map((element) => element.ai)).toEqual(["01", "99", "98"]);
  });

  it("rejects an EAN-13 with a wrong check digit, wrong length or letters", () => {
    expect(failure("]E02112345678901").code).toBe("BAD_CHECK_DIGIT");
    expect(failure("]E0211234567890").code).toBe("BAD_LENGTH");
    expect(failure("]E01234ABC890123").code).toBe("BAD_CHARSET");
  });

  it("reads a Digital Link behind a plain QR or DataMatrix id, and refuses other plain data", () => {
    expect(failure("]Q1TESTING").code).toBe("NOT_GS1");
    expect(failure("]d1hello").code).toBe("NOT_GS1");
  });

  it("refuses AIM ids that cannot carry GS1 data", () => {
    expect(failure("]e10104012345678901").code).toBe("UNSUPPORTED_SYMBOLOGY");
    expect(failure("]C0ABC").code).toBe("UNSUPPORTED_SYMBOLOGY");
    expect(failure("]X9ABC").code).toBe("NOT_GS1");
  });

  it("refuses a GS1 AIM id with no data after it", () => {
    expect(failure("]d2").code).toBe("EMPTY_INPUT");
  });
});

describe("element strings without an AIM id (keyboard wedges)", () => {
  it("ends predefined-length fields without a separator and variable ones at GS", () => {
    const data = read(`0107032069804988100329${GS}15210526`);
    expect(data).toMatchObject({
      source: "element-string",
      gtin: "07032069804988",
      batch: "0329",
      bestBefore: "2021-05-26",
    });
  });

  it("treats a leading GS as FNC1 in first position", () => {
    expect(read(`${GS}0109506000134352`).gtin).toBe("09506000134352");
  });

  it("tolerates a GS after a predefined-length field and at the end, with a warning", () => {
    const data = read(`010950600013435217261231${GS}10ABC${GS}`);
    expect(data.batch).toBe("ABC");
    expect(data.warnings.map((warning) => warning.code)).toEqual(["REDUNDANT_SEPARATOR", "REDUNDANT_SEPARATOR"]);
  });

  it("refuses a double GS, which means a field went missing", () => {
    expect(failure(`0107032069804988100329${GS}${GS}15210526`)).toMatchObject({ code: "BAD_SYNTAX", offset: 23 });
  });

  it("reads configured wedge substitutes as GS, and says so", () => {
    const data = read("0107032069804988100329|15210526", { gsSubstitutes: ["|"] });
    expect(data.bestBefore).toBe("2021-05-26");
    expect(data.warnings).toContainEqual(expect.objectContaining({ code: "SEPARATOR_SUBSTITUTED" }));
    expect(read("107473020{GS}217473020-000", { gsSubstitutes: ["{GS}"] }).serial).toBe("7473020-000");
  });

  it("strips a scanner's CR, LF or Tab suffix and spaces around typed input", () => {
    expect(read("0109506000134352\r\n").gtin).toBe("09506000134352");
    expect(read("5901234123457\t").gtin).toBe("05901234123457");
    expect(read("  \t (17)221231 \n  ").expiry).toBe("2022-12-31");
  });

  it("reports a field cut short by a separator or the end of the data", () => {
    expect(failure(`010401234567890${GS}`)).toMatchObject({ code: "BAD_LENGTH", ai: "01" });
    expect(failure("0104")).toMatchObject({ code: "BAD_LENGTH", ai: "01" });
    expect(failure("3100123")).toMatchObject({ code: "BAD_LENGTH", ai: "3100" });
  });

  it("reports a variable-length field that runs past its maximum", () => {
    expect(failure(`10${"A".repeat(21)}`)).toMatchObject({ code: "BAD_LENGTH", ai: "10" });
    expect(failure("2421234567")).toMatchObject({ code: "BAD_LENGTH", ai: "242" });
  });

  it("reports an AI that the dictionary does not define", () => {
    expect(failure("0501234")).toMatchObject({ code: "UNKNOWN_AI", offset: 0 });
    expect(failure(`0109506000134352${"3106"}000100`)).toMatchObject({ code: "UNKNOWN_AI", offset: 16 });
  });

  it("refuses text that is no GS1 data at all", () => {
    expect(failure("abc").code).toBe("NOT_GS1");
    expect(failure("").code).toBe("EMPTY_INPUT");
    expect(failure("\r\n").code).toBe("EMPTY_INPUT");
  });
});

describe("plain GTINs", () => {
  it.each([
    ["96385074", "00000096385074"],
    ["614141000036", "00614141000036"],
    ["5901234123457", "05901234123457"],
    ["05901234123457", "05901234123457"],
  ])("reads %s as GTIN %s", (input, gtin) => {
    expect(read(input)).toMatchObject({ source: "gtin", gtin, elements: [{ ai: "01", raw: gtin }] });
  });

  it("refuses a 13-digit number with a wrong check digit", () => {
    expect(failure("5901234123458")).toMatchObject({ code: "BAD_CHECK_DIGIT", offset: 12 });
  });
});

describe("bracketed HRI", () => {
  it("reads AIs in brackets", () => {
    expect(read("(01)09506000134352(17)261231(10)ABC123")).toMatchObject({
      source: "hri",
      gtin: "09506000134352",
      expiry: "2026-12-31",
      batch: "ABC123",
    });
  });

  it('reads "\\(" as a bracket inside a value and refuses an unescaped one', () => {
    expect(read("(01)09506000134352(10)AB\\(C)D").batch).toBe("AB(C)D");
    expect(failure("(01)09506000134352(10)AB(C)D").code).toBe("BAD_SYNTAX");
  });

  it("refuses malformed brackets and empty values", () => {
    expect(failure("(1)23").code).toBe("BAD_SYNTAX");
    expect(failure("(01234)5").code).toBe("BAD_SYNTAX");
    expect(failure("(10)12345(11)")).toMatchObject({ code: "BAD_LENGTH", ai: "11" });
    expect(failure("(01)123456789012312(10)12345")).toMatchObject({ code: "BAD_LENGTH", ai: "01" });
  });
});

describe("dates", () => {
  it("reads a day of 00 as the last day of the month (GS1: day not specified)", () => {
    expect(read("(01)09506000134352(15)200200").bestBefore).toBe("2020-02-29");
    expect(read("(01)09506000134352(15)210200").bestBefore).toBe("2021-02-28");
    expect(read("(01)09506000134352(17)211200").expiry).toBe("2021-12-31");
  });

  it("places two-digit years in the GenSpecs §7.12 window around the injected date", () => {
    expect(read("(01)09506000134352(17)760101").expiry).toBe("2076-01-01");
    expect(read("(01)09506000134352(17)770101").expiry).toBe("1977-01-01");
    expect(read("(01)09506000134352(17)100101", { today: "2060-06-01" }).expiry).toBe("2110-01-01");
    expect(read("(01)09506000134352(17)110101", { today: "2060-06-01" }).expiry).toBe("2011-01-01");
    expect(read("(01)09506000134352(17)560101", { today: "2005-06-01" }).expiry).toBe("1956-01-01");
    expect(read("(01)09506000134352(17)550101", { today: "2005-06-01" }).expiry).toBe("2055-01-01");
  });

  it("reads date-times and date ranges as local ISO strings", () => {
    expect(read("(01)09506000134352(7003)2612311530").expiryTime).toBe("2026-12-31T15:30");
    const production = read("(01)09506000134352(8008)26123115").elements[1]?.value;
    expect(production).toBe("2026-12-31T15:00");
    expect(read("(01)09506000134352(8008)261231153045").elements[1]?.value).toBe("2026-12-31T15:30:45");
    expect(read("(01)09506000134352(7007)260101260131").elements[1]?.value).toBe("2026-01-01/2026-01-31");
    expect(read("(8018)950600013435200008(7250)19800229").elements[1]?.value).toBe("1980-02-29");
  });

  it("throws for a malformed today option, which is a programming error", () => {
    expect(() => parse("0109506000134352", { today: "29/11/2026" })).toThrow(RangeError);
  });
});

describe("variable measures and money", () => {
  it("reads net weight as an exact decimal in kg and price in minor units", () => {
    const data = read("(01)09506000134352(3103)001250(3922)1234");
    expect(data.netWeight).toEqual({
      kind: "measure",
      decimal: "1.250",
      scaled: 1250,
      decimals: 3,
      unit: "kg",
      unitCode: "KGM",
    });
    expect(data.price).toEqual({
      kind: "money",
      decimal: "12.34",
      scaled: 1234,
      decimals: 2,
      currency: "CNY",
      amountMinor: 1234,
    });
  });

  it("takes the currency of 391n/393n from the data (ISO 4217 numeric)", () => {
    expect(read("(01)09506000134352(3102)000500(3932)7101230").price).toMatchObject({
      currency: "ZAR",
      currencyNumeric: "710",
      decimal: "12.30",
      amountMinor: 1230,
    });
    expect(read("(01)09506000134352(3102)000500(3930)39212301").price).toMatchObject({
      currency: "JPY",
      amountMinor: 12301,
    });
  });

  it("leaves amountMinor undefined when the price is finer than the currency's minor unit", () => {
    expect(read("(01)09506000134352(3102)000500(3923)12345").price).toMatchObject({
      decimal: "12.345",
      amountMinor: undefined,
    });
    expect(read("(01)09506000134352(3102)000500(3923)12340").price?.amountMinor).toBe(1234);
  });

  it("uses the configured local currency for 392n", () => {
    expect(read("(01)09506000134352(3102)000500(3922)1234", { localCurrency: "JPY" }).price).toMatchObject({
      currency: "JPY",
      amountMinor: undefined,
    });
  });

  it("reads percentages and counts", () => {
    expect(read("(255)9521234543213(3941)0055").elements[1]?.value).toMatchObject({ kind: "percent", decimal: "5.5" });
    expect(read("(01)09506000134352(30)12").count).toBe(12);
  });
});

describe("association rules and repeats", () => {
  it("warns by default when a required companion AI is missing, and fails when strict", () => {
    expect(read("(17)261231").warnings).toContainEqual(
      expect.objectContaining({ code: "MISSING_REQUIRED_AI", ai: "17" }),
    );
    expect(failure("(17)261231", { strict: true })).toMatchObject({ code: "MISSING_REQUIRED_AI", ai: "17" });
  });

  it("requires every AI of a '+' group: (250) needs (01) with (21)", () => {
    expect(read("(01)09506000134352(250)ABC").warnings).toContainEqual(
      expect.objectContaining({ code: "MISSING_REQUIRED_AI", ai: "250" }),
    );
    expect(read("(01)09506000134352(21)1(250)ABC").warnings).toEqual([]);
  });

  it("requires a serialised key beside a digital signature (8030)", () => {
    expect(failure("(253)9521234543213(8030)ABC123", { strict: true })).toMatchObject({
      code: "MISSING_REQUIRED_AI",
      ai: "253",
    });
    expect(read("(253)9521234543213X1(8030)ABC123", { strict: true }).elements).toHaveLength(2);
  });

  it("warns by default about AIs that exclude each other, and fails when strict", () => {
    const input = "(01)09506000134352(3102)000500(3922)1234(3932)1561234";
    expect(read(input).warnings).toContainEqual(expect.objectContaining({ code: "EXCLUSIVE_AIS" }));
    expect(failure(input, { strict: true }).code).toBe("EXCLUSIVE_AIS");
  });

  it("keeps an AI repeated with the same value, with a warning, and refuses different values", () => {
    const data = read("(01)09506000134352(10)ABC(10)ABC");
    expect(data.elements.map((element) => element.ai)).toEqual(["01", "10", "10"]);
    expect(data.warnings).toContainEqual(expect.objectContaining({ code: "REPEATED_AI", ai: "10" }));
    expect(failure("(01)09506000134352(10)ABC(10)XYZ")).toMatchObject({ code: "DUPLICATE_AI", ai: "10" });
  });
});
