// Money validation and payment-code classification: the two pure checks a till runs before any request.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { validateMoney } from "../src/money.js";
import { classifyPaymentCode } from "../src/payment-code.js";

const digits = (length: number) =>
  fc.array(fc.integer({ min: 0, max: 9 }), { minLength: length, maxLength: length }).map((d) => d.join(""));

describe("validateMoney", () => {
  it("accepts a positive whole number of fen within the limit", () => {
    expect(validateMoney({ amountMinor: 1250, currency: "CNY" }, { maxAmountMinor: 5_000_00 })).toEqual({
      ok: true,
      value: { amountMinor: 1250, currency: "CNY" },
    });
  });

  it("refuses fractions, zero, negatives, amounts over the limit and malformed or foreign currencies", () => {
    const codeOf = (amountMinor: number, currency = "CNY") => {
      const result = validateMoney({ amountMinor, currency }, { maxAmountMinor: 10_000, currency: "CNY" });
      return result.ok ? "ok" : result.error.code;
    };
    expect([codeOf(12.5), codeOf(Number.NaN), codeOf(2 ** 60), codeOf(0), codeOf(-5), codeOf(10_001)]).toEqual([
      "AMOUNT_NOT_INTEGER",
      "AMOUNT_NOT_INTEGER",
      "AMOUNT_NOT_INTEGER",
      "AMOUNT_NOT_POSITIVE",
      "AMOUNT_NOT_POSITIVE",
      "AMOUNT_OVER_LIMIT",
    ]);
    expect([codeOf(100, "cny"), codeOf(100, "USD")]).toEqual(["CURRENCY_MISMATCH", "CURRENCY_MISMATCH"]);
  });

  it("never throws and never accepts a non-integer, whatever the number", () => {
    fc.assert(
      fc.property(fc.double(), (amountMinor) => {
        const result = validateMoney({ amountMinor, currency: "CNY" });
        if (result.ok) expect(Number.isSafeInteger(amountMinor) && amountMinor > 0).toBe(true);
      }),
      { seed: 4217, numRuns: 500 },
    );
  });
});

describe("classifyPaymentCode", () => {
  it("names the wallet of each customer-presented code format", () => {
    expect(classifyPaymentCode("134567890123456789")).toBe("wechat");
    expect(classifyPaymentCode("286543210987654321")).toBe("alipay");
    expect(classifyPaymentCode("2565432109876543")).toBe("alipay");
    expect(classifyPaymentCode("6212345678901234567")).toBe("unionpay");
  });

  it("refuses product codes, text and near-misses", () => {
    for (const text of [
      "09521234543213",
      "6901234567892",
      "16456789012345678",
      "1345678901234567890",
      "abc",
      "",
      "13456789012345678x",
    ])
      expect(classifyPaymentCode(text)).toBeNull();
  });

  it("classifies every code of the documented shapes, and nothing GTIN-long", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 10, max: 15 }),
        digits(16),
        fc.integer({ min: 25, max: 30 }),
        fc.integer({ min: 14, max: 22 }).chain((length) => digits(length)),
        digits(17),
        fc.constantFrom(8, 12, 13, 14).chain((length) => digits(length)),
        (wechatPrefix, wechatBody, alipayPrefix, alipayBody, unionpayBody, gtin) => {
          expect(classifyPaymentCode(`${wechatPrefix}${wechatBody}`)).toBe("wechat");
          expect(classifyPaymentCode(`${alipayPrefix}${alipayBody}`)).toBe("alipay");
          expect(classifyPaymentCode(`62${unionpayBody}`)).toBe("unionpay");
          expect(classifyPaymentCode(gtin)).toBeNull();
        },
      ),
      { seed: 62, numRuns: 300 },
    );
  });
});
