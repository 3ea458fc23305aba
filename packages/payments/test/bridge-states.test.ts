// Every branch of the bridge's state machine, against the real simulator over HTTP: what the cashier's screen sees
// (the states emitted) and what the gateway's books say (one charge, or none, or a charge and its refund).
import { asyncScheduler, type SchedulerLike } from "rxjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type GatewaySimulator, startGatewaySimulator } from "../src/simulator/sim-server.js";
import {
  actWhen,
  allOf,
  cny,
  finalAttempt,
  freshCode,
  gatewayOn,
  netOf,
  openBridge,
  statesOf,
  unique,
} from "./support/harness.js";

let sim: GatewaySimulator;
beforeAll(async () => {
  sim = await startGatewaySimulator({ seed: 11, userPayingMs: 150 });
});
afterAll(() => sim.close());

/** A bridge with the simulator's gateway and a fixed order-number sequence, so faults can name the order. */
function setUp(overrides: Parameters<typeof openBridge>[1] = {}) {
  const prefix = unique("B");
  let count = 0;
  const nextId = () => `${prefix}_${++count}`;
  const bridge = openBridge([gatewayOn(sim, { timeoutMs: 500 })], { newId: nextId, ...overrides });
  return { bridge, nextOrder: () => `${prefix}_${count + 1}` };
}

const tender = (authCode: string, amountMinor = 1280) => ({
  saleId: unique("sale"),
  saleTotal: cny(amountMinor),
  amount: cny(amountMinor),
  providerId: "gateway",
  authCode,
});

describe("payment bridge states", () => {
  it("CREATED → SUBMITTING → PAID when the wallet pays at once", async () => {
    const { bridge } = setUp();
    const updates = await allOf(bridge.start(tender(freshCode())));
    expect(statesOf(updates)).toEqual(["CREATED", "SUBMITTING", "PAID"]);
    const attempt = finalAttempt(updates);
    expect(attempt.paid).toMatchObject({ paidMinor: 1280, channel: "wechat" });
    expect(netOf(sim, attempt.outTradeNo)).toEqual({ charges: 1, netMinor: 1280 });
    await bridge.close();
  });

  it("→ FAILED (declined) when the customer has no balance, with nothing charged", async () => {
    const { bridge } = setUp();
    const attempt = finalAttempt(await allOf(bridge.start(tender(freshCode("decline")))));
    expect(attempt).toMatchObject({ state: "FAILED", failure: "declined" });
    expect(netOf(sim, attempt.outTradeNo).charges).toBe(0);
    await bridge.close();
  });

  it("→ FAILED (code_invalid_or_used) when a used code is scanned again", async () => {
    const { bridge } = setUp();
    const code = freshCode();
    await allOf(bridge.start(tender(code)));
    const attempt = finalAttempt(await allOf(bridge.start(tender(code))));
    expect(attempt).toMatchObject({ state: "FAILED", failure: "code_invalid_or_used" });
    await bridge.close();
  });

  it("→ AWAITING_CUSTOMER → PAID while the customer types their password", async () => {
    const { bridge } = setUp();
    const updates = await allOf(bridge.start(tender(freshCode("password"))));
    expect(statesOf(updates)).toEqual(["CREATED", "SUBMITTING", "AWAITING_CUSTOMER", "PAID"]);
    expect(updates.filter((update) => update.ok && update.value.state === "AWAITING_CUSTOMER").length).toBeGreaterThan(
      0,
    );
    await bridge.close();
  });

  it("→ AWAITING_CUSTOMER → FAILED (cancelled) when the customer abandons the password prompt", async () => {
    const { bridge } = setUp();
    const attempt = finalAttempt(await allOf(bridge.start(tender(freshCode("abandon")))));
    expect(attempt.history.map((step) => step.state)).toEqual(["CREATED", "SUBMITTING", "AWAITING_CUSTOMER", "FAILED"]);
    expect(attempt.failure).toBe("cancelled");
    await bridge.close();
  });

  it("→ UNKNOWN → PAID when the pay times out after the money moved: the query finds it, no second charge", async () => {
    const { bridge, nextOrder } = setUp();
    sim.script({ faults: [{ operation: "pay", outTradeNo: nextOrder(), fault: "TIMEOUT_AFTER_COMMIT" }] });
    const attempt = finalAttempt(await allOf(bridge.start(tender(freshCode()))));
    expect(attempt.history.map((step) => step.state)).toEqual(["CREATED", "SUBMITTING", "UNKNOWN", "PAID"]);
    expect(attempt.lastError?.code).toBe("outcome_unknown");
    expect(netOf(sim, attempt.outTradeNo)).toEqual({ charges: 1, netMinor: 1280 });
    await bridge.close();
  });

  it("→ UNKNOWN → SUBMITTING again when the pay request was lost: same order number, one charge", async () => {
    const { bridge, nextOrder } = setUp();
    sim.script({ faults: [{ operation: "pay", outTradeNo: nextOrder(), fault: "DROP_REQUEST" }] });
    const attempt = finalAttempt(await allOf(bridge.start(tender(freshCode()))));
    expect(attempt.history.map((step) => step.state)).toEqual([
      "CREATED",
      "SUBMITTING",
      "UNKNOWN",
      "SUBMITTING",
      "PAID",
    ]);
    expect(netOf(sim, attempt.outTradeNo).charges).toBe(1);
    await bridge.close();
  });

  it("→ REVERSING → REVERSED when the budget runs out before the customer pays, and nothing is charged", async () => {
    const { bridge } = setUp({ budgetMs: 200 });
    const code = freshCode();
    sim.script({ codes: { [code]: { outcome: "pay", userPayingMs: 60_000 } } });
    const attempt = finalAttempt(await allOf(bridge.start(tender(code))));
    expect(attempt.history.map((step) => step.state)).toEqual([
      "CREATED",
      "SUBMITTING",
      "AWAITING_CUSTOMER",
      "REVERSING",
      "REVERSED",
    ]);
    expect(netOf(sim, attempt.outTradeNo)).toEqual({ charges: 0, netMinor: 0 });
    await bridge.close();
  });

  it("→ REVERSING → REFUNDED when the customer's payment lands just before the reverse (charged, then refunded)", async () => {
    const { bridge, nextOrder } = setUp({ budgetMs: 200 });
    const code = freshCode();
    sim.script({
      codes: { [code]: { outcome: "pay", userPayingMs: 60_000 } },
      faults: [{ operation: "reverse", outTradeNo: nextOrder(), fault: "PAY_BEFORE_REVERSE" }],
    });
    const attempt = finalAttempt(await allOf(bridge.start(tender(code))));
    expect(attempt.state).toBe("REFUNDED");
    expect(attempt.refundedMinor).toBe(1280);
    expect(netOf(sim, attempt.outTradeNo)).toEqual({ charges: 1, netMinor: 0 });
    await bridge.close();
  });

  it("retries a reverse refused while the customer is paying, until it goes through", async () => {
    const { bridge, nextOrder } = setUp({ budgetMs: 200 });
    const code = freshCode();
    sim.script({
      codes: { [code]: { outcome: "pay", userPayingMs: 60_000 } },
      faults: [{ operation: "reverse", outTradeNo: nextOrder(), fault: "REFUSE_REVERSE_WHILE_PAYING", times: 2 }],
    });
    const attempt = finalAttempt(await allOf(bridge.start(tender(code))));
    expect(attempt.state).toBe("REVERSED");
    expect(attempt.lastError?.code).toBe("customer_action_required");
    await bridge.close();
  });

  it("reverses when the cashier cancels while the customer is typing their password", async () => {
    const { bridge } = setUp({ budgetMs: 10_000 });
    const code = freshCode();
    sim.script({ codes: { [code]: { outcome: "pay", userPayingMs: 60_000 } } });
    const seen = await actWhen(
      bridge,
      tender(code),
      "AWAITING_CUSTOMER",
      (attempt) => void bridge.cancel(attempt.attemptId),
    );
    expect(seen.at(-1)?.history.map((step) => step.state)).toEqual([
      "CREATED",
      "SUBMITTING",
      "AWAITING_CUSTOMER",
      "REVERSING",
      "REVERSED",
    ]);
    await bridge.close();
  });

  it("refunds a customer who paid while the cashier's cancel was in flight", async () => {
    const { bridge, nextOrder } = setUp();
    sim.script({ faults: [{ operation: "pay", outTradeNo: nextOrder(), fault: "TIMEOUT_AFTER_COMMIT" }] });
    const updates = await actWhen(
      bridge,
      tender(freshCode()),
      "SUBMITTING",
      (attempt) => void bridge.cancel(attempt.attemptId),
    );
    const attempt = updates.at(-1);
    expect(attempt?.state).toBe("REFUNDED");
    expect(netOf(sim, attempt?.outTradeNo ?? "")).toEqual({ charges: 1, netMinor: 0 });
    await bridge.close();
  });

  it("PAID → REFUNDING → PARTIALLY_REFUNDED → REFUNDED, each refund once at the gateway", async () => {
    const { bridge } = setUp();
    const paid = finalAttempt(await allOf(bridge.start(tender(freshCode(), 1000))));
    const partly = await bridge.refund(paid.attemptId, cny(300), "bruised mango");
    expect(partly).toMatchObject({ ok: true, value: { state: "PARTIALLY_REFUNDED", refundedMinor: 300 } });
    const rest = await bridge.refund(paid.attemptId, cny(700));
    if (!rest.ok) throw new Error(rest.error.message);
    expect(rest.value.history.map((step) => step.state).slice(2)).toEqual([
      "PAID",
      "REFUNDING",
      "PARTIALLY_REFUNDED",
      "REFUNDING",
      "REFUNDED",
    ]);
    expect(await bridge.refund(paid.attemptId, cny(1))).toMatchObject({ ok: false, error: { code: "INVALID_STATE" } });
    expect(netOf(sim, paid.outTradeNo)).toEqual({ charges: 1, netMinor: 0 });
    await bridge.close();
  });

  it("keeps a refund whose reply was lost REFUNDING, and recover() finishes it with the same refund number", async () => {
    const { bridge } = setUp();
    const paid = finalAttempt(await allOf(bridge.start(tender(freshCode(), 1000))));
    sim.script({ faults: [{ operation: "refund", outTradeNo: paid.outTradeNo, fault: "DROP_REPLY" }] });
    const lost = await bridge.refund(paid.attemptId, cny(1000));
    expect(lost).toMatchObject({ ok: false, error: { code: "PROVIDER_ERROR", cause: { code: "outcome_unknown" } } });
    expect((await bridge.sale(paid.saleId)).ok && (await bridge.sale(paid.saleId))).toMatchObject({
      value: { attempts: [{ state: "REFUNDING" }] },
    });
    const recovered = await bridge.recover();
    expect(recovered).toMatchObject({ ok: true, value: [{ state: "REFUNDED", refundedMinor: 1000 }] });
    expect(sim.ledger().refunds.filter((refund) => refund.outTradeNo === paid.outTradeNo).length).toBe(1);
    await bridge.close();
  });

  it("AWAITING_CUSTOMER with a dynamic QR → PAID once the customer's wallet pays it", async () => {
    const { bridge } = setUp({ budgetMs: 5_000 });
    const sale = {
      saleId: unique("sale"),
      saleTotal: cny(560),
      amount: cny(560),
      providerId: "gateway",
      mode: "qr" as const,
    };
    const updates = await actWhen(bridge, sale, "AWAITING_CUSTOMER", (shown) => {
      // The customer's wallet scans the QR on the till's screen and pays.
      void fetch(`${shown.qrCodeUrl}/pay`, { method: "POST", body: '{"wallet":"alipay"}' });
    });
    const attempt = updates.at(-1);
    expect(attempt?.history.map((step) => step.state)).toEqual(["CREATED", "SUBMITTING", "AWAITING_CUSTOMER", "PAID"]);
    expect(attempt?.paid?.channel).toBe("alipay");
    await bridge.close();
  });

  it("keeps time on the injected scheduler: history uses its clock and its clock decides when the budget is spent", async () => {
    const clock = { nowMs: Date.UTC(2030, 0, 1) };
    const scheduler: SchedulerLike = {
      now: () => clock.nowMs,
      schedule: asyncScheduler.schedule.bind(asyncScheduler) as SchedulerLike["schedule"],
    };
    // A 60 s budget on the till's clock, which the test moves past while the customer is still typing.
    const { bridge } = setUp({ scheduler, budgetMs: 60_000 });
    const code = freshCode();
    sim.script({ codes: { [code]: { outcome: "pay", userPayingMs: 600_000 } } });
    const updates = await actWhen(bridge, tender(code), "AWAITING_CUSTOMER", () => {
      clock.nowMs += 61_000;
    });
    const attempt = updates.at(-1);
    expect(attempt?.history.map((step) => step.state)).toEqual([
      "CREATED",
      "SUBMITTING",
      "AWAITING_CUSTOMER",
      "REVERSING",
      "REVERSED",
    ]);
    expect(attempt?.createdAtMs).toBe(Date.UTC(2030, 0, 1));
    expect(attempt?.deadlineAtMs).toBe(Date.UTC(2030, 0, 1) + 60_000);
    expect(attempt?.history.at(-1)?.atMs).toBe(Date.UTC(2030, 0, 1) + 61_000);
    await bridge.close();
  });
});
