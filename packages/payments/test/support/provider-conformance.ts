// testPaymentProvider(make): the behaviour every PaymentProvider must show (STYLE.md "one conformance suite per
// interface"): the same order number is one charge, a query after a lost reply tells the truth, a reverse closes or
// refunds, refunds are idempotent by refund number, and nothing throws.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { PaymentProvider, PayRequest } from "../../src/provider.js";
import { cny, unique } from "./harness.js";

/** What the suite needs to drive one provider. */
export interface ProviderFixture {
  readonly provider: PaymentProvider;
  /** A pay request with a fresh order number (and a fresh payment code or tender) that pays at once. */
  payRequest(amountMinor: number): PayRequest;
  /** How many times the provider's own books say `outTradeNo` was charged. */
  charges(outTradeNo: string): number;
  /** Makes the reply to the next pay of `outTradeNo` get lost after the money moved; absent when replies cannot be lost. */
  loseNextPayReply?(outTradeNo: string): void;
  dispose(): Promise<void>;
}

/** Runs the conformance suite against the provider `make` builds. */
export function testPaymentProvider(name: string, make: () => Promise<ProviderFixture>): void {
  describe(`PaymentProvider conformance: ${name}`, () => {
    let fixture: ProviderFixture;
    beforeAll(async () => {
      fixture = await make();
    });
    afterAll(() => fixture.dispose());

    it("pays once however often the same order number is sent", async () => {
      const request = fixture.payRequest(1250);
      const first = await fixture.provider.pay(request);
      const again = await fixture.provider.pay(request);
      expect(first.ok && again.ok).toBe(true);
      if (!first.ok || !again.ok) return;
      expect(again.value.providerTradeNo).toBe(first.value.providerTradeNo);
      expect(fixture.charges(request.outTradeNo)).toBe(1);
      const status = await fixture.provider.query(request.outTradeNo);
      expect(status).toMatchObject({
        ok: true,
        value: { state: "paid", providerTradeNo: first.value.providerTradeNo },
      });
    });

    it("tells the truth to a query after a pay reply was lost, and a retry does not charge again", async () => {
      if (!fixture.loseNextPayReply) {
        // A provider without a wire (cash) cannot lose a reply; its answer to a retry is still the first one.
        const request = fixture.payRequest(300);
        await fixture.provider.pay(request);
        expect(await fixture.provider.pay(request)).toMatchObject({ ok: true, value: { state: "paid" } });
        expect(fixture.charges(request.outTradeNo)).toBe(1);
        return;
      }
      const request = fixture.payRequest(990);
      fixture.loseNextPayReply(request.outTradeNo);
      const lost = await fixture.provider.pay(request);
      expect(lost).toMatchObject({ ok: false, error: { code: "outcome_unknown" } });
      expect(await fixture.provider.query(request.outTradeNo)).toMatchObject({ ok: true, value: { state: "paid" } });
      expect(await fixture.provider.pay(request)).toMatchObject({ ok: true, value: { state: "paid" } });
      expect(fixture.charges(request.outTradeNo)).toBe(1);
    });

    it("answers not_found for an order number it never saw", async () => {
      expect(await fixture.provider.query(unique("NEVER"))).toEqual({ ok: true, value: { state: "not_found" } });
    });

    it("reverses a paid order by refunding it, then refuses to refund or re-pay it", async () => {
      const request = fixture.payRequest(500);
      await fixture.provider.pay(request);
      expect(await fixture.provider.reverse(request.outTradeNo)).toEqual({ ok: true, value: { action: "refunded" } });
      expect(await fixture.provider.query(request.outTradeNo)).toEqual({
        ok: true,
        value: { state: "reversed", refunded: true },
      });
      const refund = await fixture.provider.refund({
        outTradeNo: request.outTradeNo,
        outRefundNo: unique("R"),
        amount: cny(100),
      });
      expect(refund).toMatchObject({ ok: false, error: { code: "cancelled" } });
      expect(await fixture.provider.pay(request)).toMatchObject({ ok: false, error: { code: "cancelled" } });
      expect(fixture.charges(request.outTradeNo)).toBe(1);
    });

    it("closes an order number it never saw, so a late pay with it takes nothing", async () => {
      const request = fixture.payRequest(700);
      expect(await fixture.provider.reverse(request.outTradeNo)).toEqual({ ok: true, value: { action: "closed" } });
      expect(await fixture.provider.pay(request)).toMatchObject({ ok: false, error: { code: "cancelled" } });
      expect(fixture.charges(request.outTradeNo)).toBe(0);
    });

    it("refunds once per refund number, and never more than was paid", async () => {
      const request = fixture.payRequest(1000);
      await fixture.provider.pay(request);
      const refund = { outTradeNo: request.outTradeNo, outRefundNo: unique("R"), amount: cny(400) };
      expect(await fixture.provider.refund(refund)).toEqual({
        ok: true,
        value: { outRefundNo: refund.outRefundNo, totalRefundedMinor: 400 },
      });
      expect(await fixture.provider.refund(refund)).toMatchObject({ ok: true, value: { totalRefundedMinor: 400 } });
      const tooMuch = await fixture.provider.refund({ ...refund, outRefundNo: unique("R"), amount: cny(700) });
      expect(tooMuch).toMatchObject({ ok: false, error: { code: "declined" } });
    });
  });
}
