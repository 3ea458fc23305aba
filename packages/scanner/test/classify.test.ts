// classify: a customer's payment code is never read as a product, and a product code never as a payment. The AIM id
// decides first; without one the content rules of docs/operators.md decide. Property seeds are fixed.
import { gtinCheckDigit } from "@scangate/gs1";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { type Classification, classify } from "../src/classify/classify.js";
import { PAYMENT_CODE_FORMATS } from "../src/classify/payment-codes.js";
import type { Scan } from "../src/types.js";

const GS = "\u001d";
const gs1 = { today: "2026-11-29" };
const settings = { seed: 20261129, numRuns: 500 };

type Input = Pick<Scan, "text" | "symbology" | "symbologySource" | "normalizations">;

/** The parts of a classification a table row names: kind, and the rule, wallet or reason. */
function summary(result: Classification): string {
  switch (result.kind) {
    case "gs1":
      return `gs1 ${result.rule} ${result.data.gtin ?? "no-gtin"}`;
    case "payment":
      return `payment ${result.rule} ${result.wallet}`;
    case "url":
      return `url ${result.rule}`;
    case "unknown":
      return `unknown ${result.reason}${result.error ? ` ${result.error.code}` : ""}`;
  }
}

const cases: [string, Input, string][] = [
  // AIM id first: GS1 symbologies are products.
  [
    "a GS1 DataMatrix",
    { symbology: "]d2", text: `01095212345432131729123110ABC123${GS}21SER42` },
    "gs1 SYMBOLOGY_GS1 09521234543213",
  ],
  ["an EAN-13", { symbology: "]E0", text: "9521234543213" }, "gs1 SYMBOLOGY_GS1 09521234543213"],
  ["an EAN-8", { symbology: "]E4", text: "96385074" }, "gs1 SYMBOLOGY_GS1 00000096385074"],
  ["a GS1-128", { symbology: "]C1", text: "010952123454321310AB12" }, "gs1 SYMBOLOGY_GS1 09521234543213"],
  ["a GS1 QR", { symbology: "]Q3", text: "0109521234543213" }, "gs1 SYMBOLOGY_GS1 09521234543213"],
  ["a DataBar", { symbology: "]e0", text: "0109521234543213" }, "gs1 SYMBOLOGY_GS1 09521234543213"],
  [
    "a GS1 DataMatrix with a wrong check digit",
    { symbology: "]d2", text: "0109521234543214" },
    "unknown INVALID_GS1 BAD_CHECK_DIGIT",
  ],
  // Collision: 18 digits starting "10" behind a GS1 AIM id are AI (10), a batch; never a WeChat code.
  ["18 digits starting 10 behind ]C1", { symbology: "]C1", text: "101234567890123456" }, "gs1 SYMBOLOGY_GS1 no-gtin"],
  // Plain symbologies: payment codes, URLs, Digital Links.
  ["an SSCC behind ]C1", { symbology: "]C1", text: "00095212345678901235" }, "gs1 SYMBOLOGY_GS1 no-gtin"],
  [
    "an Alipay code starting 30 as Code 128",
    { symbology: "]C0", text: "30123456789012345678" },
    "payment SYMBOLOGY_PAYMENT alipay",
  ],
  [
    "18 digits no wallet claims as Code 128",
    { symbology: "]C0", text: "161234567890123456" },
    "unknown NOT_RECOGNISED",
  ],
  ["a WeChat code as Code 128", { symbology: "]C0", text: "134567890123456789" }, "payment SYMBOLOGY_PAYMENT wechat"],
  [
    "a WeChat code starting 10 as Code 128",
    { symbology: "]C0", text: "101234567890123456" },
    "payment SYMBOLOGY_PAYMENT wechat",
  ],
  ["an Alipay code as QR", { symbology: "]Q1", text: "280012345678901234" }, "payment SYMBOLOGY_PAYMENT alipay"],
  [
    "a 24-digit Alipay code",
    { symbology: "]C0", text: "300012345678901234567890" },
    "payment SYMBOLOGY_PAYMENT alipay",
  ],
  ["a UnionPay code", { symbology: "]C0", text: "6212345678901234567" }, "payment SYMBOLOGY_PAYMENT unionpay"],
  [
    "a GS1 Digital Link in a plain QR",
    { symbology: "]Q1", text: "https://id.gs1.org/01/09521234543213/10/ABC" },
    "gs1 SYMBOLOGY_DIGITAL_LINK 09521234543213",
  ],
  ["a web address in a plain QR", { symbology: "]Q1", text: "https://example.com/menu" }, "url SYMBOLOGY_URL"],
  [
    "element-string digits in a plain Code 128 (no FNC1: not GS1)",
    { symbology: "]C0", text: "0109521234543213" },
    "unknown NOT_RECOGNISED",
  ],
  ["free text in a plain DataMatrix", { symbology: "]d1", text: "hello" }, "unknown NOT_RECOGNISED"],
  ["a 19-digit number starting 63", { symbology: "]C0", text: "6312345678901234567" }, "unknown NOT_RECOGNISED"],
  // No AIM id: the content decides.
  [
    "a wedge GS1 DataMatrix without AIM id",
    { text: `01095212345432131729123110ABC123${GS}21SER42` },
    "gs1 CONTENT_AI_01 09521234543213",
  ],
  ["a 16-digit element string with AI (01)", { text: "0109521234543213" }, "gs1 CONTENT_AI_01 09521234543213"],
  ["a 24-digit element string with AI (01)", { text: "010952123454321317291231" }, "gs1 CONTENT_AI_01 09521234543213"],
  ["a 13-digit GTIN", { text: "9521234543213" }, "gs1 CONTENT_GTIN 09521234543213"],
  ["a 14-digit GTIN starting 01", { text: "01234567890128" }, "gs1 CONTENT_GTIN 01234567890128"],
  ["13 digits with a wrong check digit", { text: "9521234543214" }, "unknown AMBIGUOUS_NUMBER"],
  [
    "a WeChat code starting 10 (an AI (10) element string too)",
    { text: "101234567890123456" },
    "payment CONTENT_PAYMENT wechat",
  ],
  ["a WeChat code starting 13", { text: "134567890123456789" }, "payment CONTENT_PAYMENT wechat"],
  ["a 16-digit Alipay code", { text: "2512345678901234" }, "payment CONTENT_PAYMENT alipay"],
  ["an Alipay code starting 30 (AI (30) too)", { text: "30123456789012345678" }, "payment CONTENT_PAYMENT alipay"],
  ["a UnionPay code", { text: "6212345678901234567" }, "payment CONTENT_PAYMENT unionpay"],
  ["an 18-digit number starting 16", { text: "161234567890123456" }, "unknown AMBIGUOUS_NUMBER"],
  ["an SSCC element string without AIM id", { text: "00095212345678901235" }, "unknown AMBIGUOUS_NUMBER"],
  [
    "16 digits starting 01 with a wrong GTIN check digit",
    { text: "0109521234543214" },
    "unknown INVALID_GS1 BAD_CHECK_DIGIT",
  ],
  ["AI (10) first with letters", { text: "10ABC123" }, "gs1 CONTENT_GS1_SYNTAX no-gtin"],
  ["a leading GS", { text: `${GS}101234567890123456` }, "gs1 CONTENT_GS1_SYNTAX no-gtin"],
  [
    "a leading GS the source removed",
    { text: "101234567890123456", normalizations: ["aim:leading-gs"] },
    "gs1 CONTENT_GS1_SYNTAX no-gtin",
  ],
  ["bracketed AIs typed by hand", { text: "(01)09521234543213(10)ABC" }, "gs1 CONTENT_GS1_SYNTAX 09521234543213"],
  ["a bare Digital Link", { text: "HTTPS://ID.GS1.ORG/01/09521234543213" }, "gs1 CONTENT_DIGITAL_LINK 09521234543213"],
  ["a bare web address", { text: "https://example.com/menu" }, "url CONTENT_URL"],
  ["free text", { text: "hello world" }, "unknown NOT_RECOGNISED NOT_GS1"],
  ["white space", { text: " \r\n" }, "unknown EMPTY_SCAN"],
  // A symbology ScanGate inferred from the content is no evidence: the content rules decide.
  [
    "a WeChat code with an inferred ]Q3",
    { symbology: "]Q3", symbologySource: "inferred", text: "101234567890123456" },
    "payment CONTENT_PAYMENT wechat",
  ],
  [
    "a DataMatrix with an inferred ]d2",
    { symbology: "]d2", symbologySource: "inferred", text: "0109521234543213" },
    "gs1 CONTENT_AI_01 09521234543213",
  ],
];

describe("classify", () => {
  it.each(cases)("%s", (_name, input, expected) => {
    expect(summary(classify(input, { gs1 }))).toBe(expected);
  });

  it("carries the GS1 data of a product code", () => {
    const result = classify({ symbology: "]d2", text: `01095212345432131729123110ABC123${GS}21SER42` }, { gs1 });
    expect(result).toMatchObject({
      kind: "gs1",
      data: { gtin: "09521234543213", expiry: "2029-12-31", batch: "ABC123", serial: "SER42", symbology: "]d2" },
    });
  });

  it("carries the code and wallet of a payment code, and the address of a URL", () => {
    expect(classify({ symbology: "]C0", text: " 134567890123456789\r" })).toEqual({
      kind: "payment",
      rule: "SYMBOLOGY_PAYMENT",
      wallet: "wechat",
      code: "134567890123456789",
    });
    expect(classify({ symbology: "]Q1", text: "https://example.com/menu" })).toEqual({
      kind: "url",
      rule: "SYMBOLOGY_URL",
      url: "https://example.com/menu",
    });
  });

  it("takes its own payment-code table, first match first", () => {
    const paymentCodes = [{ wallet: "store-card", minDigits: 16, maxDigits: 16, prefixes: ["99"] }];
    expect(summary(classify({ text: "9912345678901234" }, { paymentCodes }))).toBe(
      "payment CONTENT_PAYMENT store-card",
    );
    expect(summary(classify({ text: "2512345678901234" }, { paymentCodes }))).toBe("unknown AMBIGUOUS_NUMBER");
  });

  it("reads a wedge's GS substitute through the gs1 options", () => {
    const result = classify({ text: "010952123454321310ABC|21S1" }, { gs1: { ...gs1, gsSubstitutes: ["|"] } });
    expect(result).toMatchObject({ kind: "gs1", data: { batch: "ABC", serial: "S1" } });
  });
});

describe("classify properties", () => {
  const digits = (min: number, max: number) =>
    fc.string({ unit: fc.constantFrom(..."0123456789"), minLength: min, maxLength: max });
  const cset82 = (max: number) =>
    fc.string({
      unit: fc.constantFrom(..."!%&'()*+,-./0123456789:;<=>?ABCDEFGHIJKLMNOPQRSTUVWXYZ_abcdefghijklmnopqrstuvwxyz"),
      minLength: 1,
      maxLength: max,
    });
  const gtin = digits(13, 13).map((payload) => `${payload}${gtinCheckDigit(payload)}`);
  const yymmdd = fc
    .record({
      year: fc.integer({ min: 0, max: 99 }),
      month: fc.integer({ min: 1, max: 12 }),
      day: fc.integer({ min: 1, max: 28 }),
    })
    .map(({ year, month, day }) => [year, month, day].map((n) => String(n).padStart(2, "0")).join(""));
  /** What a GS1 DataMatrix on a pack sends: GTIN first, then expiry, batch and serial, GS after variable fields. */
  const dataMatrixText = fc
    .record({
      gtin,
      expiry: fc.option(yymmdd, { nil: undefined }),
      batch: fc.option(cset82(20), { nil: undefined }),
      serial: fc.option(cset82(20), { nil: undefined }),
    })
    .map(({ gtin, expiry, batch, serial }) => {
      let text = `01${gtin}${expiry === undefined ? "" : `17${expiry}`}`;
      if (batch !== undefined) text += `10${batch}${serial === undefined ? "" : GS}`;
      if (serial !== undefined) text += `21${serial}`;
      return text;
    });
  /** A payment code of one of the default wallets. */
  const paymentCode = fc.constantFrom(...PAYMENT_CODE_FORMATS).chain((format) =>
    fc
      .tuple(fc.constantFrom(...format.prefixes), fc.integer({ min: format.minDigits, max: format.maxDigits }))
      .chain(([prefix, length]) =>
        digits(length - prefix.length, length - prefix.length).map((rest) => ({
          wallet: format.wallet,
          code: prefix + rest,
        })),
      ),
  );

  it("never throws, whatever arrives", () => {
    const symbology = fc.option(
      fc.oneof(
        fc.constantFrom("]d2", "]Q1", "]C0", "]C1", "]E0", "]e0", "]Q3", "]I1", "]J1"),
        fc.string({ maxLength: 4 }),
      ),
      { nil: undefined },
    );
    const text = fc.oneof(fc.string(), digits(0, 30), fc.string({ unit: "binary" }), dataMatrixText, fc.constant(GS));
    fc.assert(
      fc.property(
        symbology,
        text,
        fc.constantFrom(undefined, "device", "inferred" as const),
        (symbology, text, source) => {
          const input: Input = { text };
          const withSymbology = symbology === undefined ? input : { ...input, symbology };
          const full = source === undefined ? withSymbology : { ...withSymbology, symbologySource: source };
          expect(() => classify(full, { gs1 })).not.toThrow();
        },
      ),
      settings,
    );
  });

  it("never reads a GS1 DataMatrix as a payment code, with or without its AIM id", () => {
    const symbology = fc.constantFrom<Partial<Input>>(
      { symbology: "]d2" },
      {},
      { symbology: "]d2", symbologySource: "inferred" },
    );
    fc.assert(
      fc.property(dataMatrixText, symbology, (text, fields) => {
        const result = classify({ text, ...fields }, { gs1 });
        expect(result.kind).toBe("gs1");
      }),
      settings,
    );
  });

  it("never reads an Alipay, WeChat Pay or UnionPay code as GS1, with or without an AIM id", () => {
    const symbology = fc.constantFrom<Partial<Input>>(
      {},
      { symbology: "]C0" },
      { symbology: "]Q1" },
      { symbology: "]Q3", symbologySource: "inferred" },
    );
    fc.assert(
      fc.property(paymentCode, symbology, ({ wallet, code }, fields) => {
        const result = classify({ text: code, ...fields }, { gs1 });
        expect(result).toMatchObject({ kind: "payment", wallet, code });
      }),
      settings,
    );
  });

  it("never reads a number of GTIN length as a payment code", () => {
    fc.assert(
      fc.property(
        fc.constantFrom(8, 12, 13, 14).chain((length) => digits(length, length)),
        (text) => {
          expect(classify({ text }, { gs1 }).kind).not.toBe("payment");
        },
      ),
      settings,
    );
  });
});
