// Cash: change, the store's rounding rule, a short tender, and the provider contract every provider keeps.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { cash, roundCash } from "../src/cash.js";
import { cny, unique } from "./support/harness.js";
import { testPaymentProvider } from "./support/provider-conformance.js";

testPaymentProvider("cash", async () => {
  const provider = cash();
  return {
    provider,
    payRequest: (amountMinor) => ({
      outTradeNo: unique("C"),
      amount: cny(amountMinor),
      tenderedMinor: amountMinor,
      subject: "veg",
    }),
    charges: (outTradeNo) =>
      provider.drawer().filter((m) => m.outTradeNo === outTradeNo && m.direction === "in").length,
    dispose: async () => undefined,
  };
});

describe("cash", () => {
  it("gives change from a ¥20 note for ¥12.34 with fen dropped (抹零)", async () => {
    const drawer = cash({ rounding: { incrementMinor: 10, mode: "down" } });
    const paid = await drawer.pay({ outTradeNo: "S1", amount: cny(1234), tenderedMinor: 2000, subject: "veg" });
    expect(paid).toEqual({
      ok: true,
      value: { state: "paid", providerTradeNo: "cash:S1", paidMinor: 1230, channel: "cash", changeMinor: 770 },
    });
    expect(drawer.drawer()).toEqual([{ outTradeNo: "S1", direction: "in", amountMinor: 1230 }]);
  });

  it("rounds half up to the jiao when the store says so", () => {
    const rule = { incrementMinor: 10, mode: "half-up" } as const;
    expect([roundCash(1234, rule), roundCash(1235, rule), roundCash(1230, rule)]).toEqual([1230, 1240, 1230]);
  });

  it("takes the exact amount when no rounding is configured", async () => {
    const paid = await cash().pay({ outTradeNo: "S2", amount: cny(1234), tenderedMinor: 1234, subject: "veg" });
    expect(paid).toMatchObject({ ok: true, value: { paidMinor: 1234, changeMinor: 0 } });
  });

  it("declines a tender smaller than the amount due", async () => {
    const paid = await cash().pay({ outTradeNo: "S3", amount: cny(1234), tenderedMinor: 1000, subject: "veg" });
    expect(paid).toMatchObject({ ok: false, error: { code: "declined" } });
  });

  it("never rounds by more than one increment, and 'down' never asks for more than the price", () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10_000_000 }),
        fc.constantFrom(1, 5, 10, 50, 100),
        fc.constantFrom("down", "half-up" as const),
        (amount, step, mode) => {
          const rounded = roundCash(amount, { incrementMinor: step, mode: mode as "down" | "half-up" });
          expect(rounded % step).toBe(0);
          expect(Math.abs(rounded - amount)).toBeLessThan(step);
          if (mode === "down") expect(rounded).toBeLessThanOrEqual(amount);
        },
      ),
      { seed: 8, numRuns: 300 },
    );
  });
});
