// The gate, as a cashier meets it: blocked and warned lines at the scan, again at settlement, and what staff may
// do about them. Real rule engine, real payment bridge (cash), fixed store clock.
import { describe, expect, it } from "vitest";
import type { CheckoutEvent } from "../src/engine/checkout-events.js";
import { EGGS, inspectionNotice, MILK, openTill } from "./support/till.js";

const GOOD_MILK = `]d201${MILK}17261231\u001d10LOT-OK`;
const BAD_MILK = `]d201${MILK}17261231\u001d10LOT-BAD`;
const EXPIRED_MILK = `]d201${MILK}17261128\u001d10LOT-OK`; // expired yesterday (store date 2026-11-29)

async function lineOf(result: Promise<{ ok: boolean; value?: unknown }>) {
  const outcome = await result;
  if (!outcome.ok) throw new Error(`scan refused: ${JSON.stringify(outcome)}`);
  return (outcome.value as { line: { id: string; gate: string } }).line;
}

describe("gating at the scan", () => {
  it("lets a good batch in and totals it", async () => {
    const { checkout } = openTill({ notices: [inspectionNotice("zj-118", "LOT-BAD")] });
    const line = await lineOf(checkout.scan(GOOD_MILK));
    expect(line).toMatchObject({ gate: "allow", batch: "LOT-OK", expiry: "2026-12-31", totalMinor: 1250 });
    expect(checkout.snapshot()).toMatchObject({ payable: true, dueMinor: 1250, alarms: [] });
  });

  it("puts a failed-inspection batch in the basket as blocked, with its reason, and raises an alarm", async () => {
    const { checkout } = openTill({ notices: [inspectionNotice("zj-118", "LOT-BAD")] });
    const line = await lineOf(checkout.scan(BAD_MILK));
    expect(line.gate).toBe("block");
    const state = checkout.snapshot();
    expect(state.alarms).toMatchObject([
      {
        kind: "blocked",
        lineId: line.id,
        reasons: [{ source: "notice", noticeId: "zj-118", kind: "failed_inspection" }],
      },
    ]);
    expect(state).toMatchObject({ payable: false, unsettledLineIds: [line.id] });
  });

  it("blocks an expired pack on the store's date and refuses payment while it is in the basket", async () => {
    const { checkout } = openTill();
    await checkout.scan(GOOD_MILK);
    const expired = await lineOf(checkout.scan(EXPIRED_MILK));
    expect(expired.gate).toBe("block");
    const paid = await checkout.pay({ kind: "cash", tenderedMinor: 10_000 });
    expect(paid).toMatchObject({ ok: false, error: { code: "NOT_PAYABLE", lineIds: [expired.id] } });
    expect((await checkout.removeLine(expired.id, "0012")).ok).toBe(true);
    expect(await checkout.pay({ kind: "cash", tenderedMinor: 10_000 })).toMatchObject({
      ok: true,
      value: { state: "PAID" },
    });
  });

  it("refuses an override the notice does not allow, and takes a supervisor's where it does", async () => {
    const strict = openTill({ notices: [inspectionNotice("zj-118", "LOT-BAD")] }).checkout;
    const blocked = await lineOf(strict.scan(BAD_MILK));
    const refused = await strict.override(blocked.id, { by: "9001", role: "supervisor", reasonCode: "RETEST_PASSED" });
    expect(refused).toMatchObject({ ok: false, error: { code: "OVERRIDE_REFUSED" } });

    const lenient = openTill({ notices: [inspectionNotice("zj-118", "LOT-BAD", true)] }).checkout;
    const line = await lineOf(lenient.scan(BAD_MILK));
    expect(await lenient.override(line.id, { by: "0012", role: "cashier", reasonCode: "RETEST_PASSED" })).toMatchObject(
      {
        ok: false,
        error: { code: "OVERRIDE_REFUSED" },
      },
    );
    const overridden = await lenient.override(line.id, { by: "9001", role: "supervisor", reasonCode: "RETEST_PASSED" });
    expect(overridden).toMatchObject({
      ok: true,
      value: { resolution: { kind: "overridden", by: "9001", role: "supervisor", reasonCode: "RETEST_PASSED" } },
    });
    expect(lenient.snapshot()).toMatchObject({ payable: true, alarms: [] });
  });

  it("asks for acknowledgement of a warn (an EAN-13 that cannot show its batch) before payment", async () => {
    const { checkout } = openTill({ notices: [inspectionNotice("zj-118", "LOT-BAD")] });
    const line = await lineOf(checkout.scan(MILK.slice(1))); // EAN-13: no batch, the notice says warn
    expect(line.gate).toBe("warn");
    expect(checkout.snapshot().payable).toBe(false);
    expect(await checkout.acknowledge(line.id, { by: "0012", role: "cashier" })).toMatchObject({ ok: true });
    expect(checkout.snapshot().payable).toBe(true);
  });
});

describe("gating at settlement", () => {
  it("blocks at payment a batch recalled while the customer was queueing", async () => {
    const { checkout, rules } = openTill();
    const events: CheckoutEvent[] = [];
    checkout.events$.subscribe((event) => events.push(event));
    const line = await lineOf(checkout.scan(GOOD_MILK));
    await checkout.scan(`]E0${EGGS.slice(1)}`);
    expect(checkout.snapshot().payable).toBe(true);

    rules.publish([inspectionNotice("zj-119", "LOT-OK")]);
    const paid = await checkout.pay({ kind: "cash", tenderedMinor: 10_000 });
    expect(paid).toMatchObject({ ok: false, error: { code: "NOT_PAYABLE", lineIds: [line.id] } });
    expect(events.filter((event) => event.type === "line_regated")).toMatchObject([
      { line: { id: line.id, gate: "block" }, previous: { gate: "allow" } },
    ]);
    expect(checkout.snapshot().alarms).toMatchObject([{ kind: "blocked", lineId: line.id, atSettlement: true }]);
  });

  it("does not let an earlier acknowledgement cover a block that arrived since", async () => {
    const { checkout, rules } = openTill({ notices: [inspectionNotice("zj-118", "LOT-BAD")] });
    const line = await lineOf(checkout.scan(MILK.slice(1)));
    await checkout.acknowledge(line.id, { by: "0012", role: "cashier" });
    rules.publish([
      { ...inspectionNotice("zj-118", "LOT-BAD"), action: { atTill: "block", ifAttributeUnknown: "block" } },
    ]);
    expect(await checkout.pay({ kind: "cash", tenderedMinor: 10_000 })).toMatchObject({
      ok: false,
      error: { code: "NOT_PAYABLE" },
    });
    expect(checkout.snapshot().lines[0]).toMatchObject({ gate: "block" });
    expect(checkout.snapshot().lines[0]?.resolution).toBeUndefined();
  });

  it("warns on every scan while the rule store has no rules, and can be told to block instead", async () => {
    const noRules = {
      verdict: () => ({ ok: false as const, error: { code: "NO_RULES" as const, message: "never synced" } }),
    };
    const warned = openTill({ overrides: { rules: noRules } }).checkout;
    expect(await lineOf(warned.scan(GOOD_MILK))).toMatchObject({
      gate: "warn",
      checks: [{ code: "RULES_UNAVAILABLE" }],
    });
    const blocked = openTill({ overrides: { rules: noRules, whenNoRules: "block" } }).checkout;
    expect(await lineOf(blocked.scan(GOOD_MILK))).toMatchObject({ gate: "block" });
  });
});
