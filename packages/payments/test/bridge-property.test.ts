// Property: whatever the network and the till do — SYSTEMERRORs, lost requests and replies, timeouts after the
// money moved, a reverse racing the customer, a cashier's cancel, a crash in any state followed by recover(), a
// refund whose reply is lost — the simulator's ledger and the bridge's records agree, every attempt ends resolved,
// and a sale is never charged twice. Seeded; a bounded number of runs keeps it well under a minute.
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type AttemptState, isResolved, type PaymentAttempt } from "../src/bridge/attempt.js";
import type { SimulatorFault, SimulatorFaultKind } from "../src/simulator/sim-script.js";
import { type GatewaySimulator, startGatewaySimulator } from "../src/simulator/sim-server.js";
import { allOf, cny, freshCode, gatewayOn, netOf, openBridge, unique } from "./support/harness.js";

const FAULTS: readonly SimulatorFaultKind[] = [
  "SYSTEMERROR",
  "SYSTEMERROR_AFTER_COMMIT",
  "HTTP_500",
  "DROP_REQUEST",
  "DROP_REPLY",
  "TIMEOUT_AFTER_COMMIT",
  "REFUSE_REVERSE_WHILE_PAYING",
  "PAY_BEFORE_REVERSE",
];
const CRASH_POINTS: readonly AttemptState[] = ["CREATED", "SUBMITTING", "AWAITING_CUSTOMER", "UNKNOWN", "REVERSING"];

const planArbitrary = fc.record({
  customer: fc.constantFrom("pay", "password", "decline", "abandon", "never"),
  faults: fc.array(
    fc.record({
      operation: fc.constantFrom("pay", "query", "reverse", "any") as fc.Arbitrary<SimulatorFault["operation"]>,
      fault: fc.constantFrom(...FAULTS),
      times: fc.integer({ min: 1, max: 2 }),
    }),
    { maxLength: 3 },
  ),
  crashAt: fc.option(fc.constantFrom(...CRASH_POINTS), { nil: undefined }),
  cancelAt: fc.option(fc.constantFrom("SUBMITTING", "AWAITING_CUSTOMER", "UNKNOWN") as fc.Arbitrary<AttemptState>, {
    nil: undefined,
  }),
  retryWithNewCode: fc.boolean(),
  refund: fc.option(
    fc.record({
      amountMinor: fc.integer({ min: 1, max: 1500 }),
      fault: fc.option(
        fc.constantFrom<SimulatorFaultKind>("SYSTEMERROR", "DROP_REQUEST", "DROP_REPLY", "TIMEOUT_AFTER_COMMIT"),
        {
          nil: undefined,
        },
      ),
    }),
    { nil: undefined },
  ),
});

/** What the gateway must hold for an attempt in this final state. */
function expectedNet(attempt: PaymentAttempt): number {
  if (attempt.state === "PAID" || attempt.state === "PARTIALLY_REFUNDED")
    return attempt.amount.amountMinor - attempt.refundedMinor;
  return 0;
}

let sim: GatewaySimulator;
beforeAll(async () => {
  sim = await startGatewaySimulator({ seed: 2026, userPayingMs: 120 });
});
afterAll(() => sim.close());

describe("payment bridge under random fault schedules", () => {
  it("keeps the gateway's ledger and the bridge's records in agreement, never charging a sale twice", async () => {
    let run = 0;
    const outcomes = new Set<string>();
    await fc.assert(
      fc.asyncProperty(planArbitrary, async (plan) => {
        run += 1;
        const prefix = `P${run}${unique("x")}`;
        let count = 0;
        const options = {
          dbName: unique("prop-db-"),
          newId: () => `${prefix}_${++count}`,
          budgetMs: 300,
          reverseBudgetMs: 1_500,
        };
        const providers = [gatewayOn(sim, { timeoutMs: 150 })];
        const code = plan.customer === "never" ? freshCode() : freshCode(plan.customer as "pay");
        if (plan.customer === "never") sim.script({ codes: { [code]: { outcome: "pay", userPayingMs: 60_000 } } });
        sim.script({ faults: plan.faults.map((fault) => ({ ...fault, outTradeNo: `${prefix}_1` })) });

        const saleId = `${prefix}_sale`;
        const tender = { saleId, saleTotal: cny(1500), amount: cny(1500), providerId: "gateway", authCode: code };
        let bridge = openBridge(providers, options);
        const first = bridge;
        let crashed = false;
        await new Promise<void>((resolve) => {
          first.start(tender).subscribe({
            next: (update) => {
              if (!update.ok) return;
              const state = update.value.state;
              if (plan.cancelAt === state && !update.value.cancelRequested) void first.cancel(update.value.attemptId);
              if (plan.crashAt === state && !crashed) {
                crashed = true;
                void first.close();
              }
            },
            complete: () => resolve(),
          });
        });
        if (crashed) bridge = openBridge(providers, options);
        // recover() until nothing is left unresolved (a reversal can run out of its budget under repeated faults).
        for (let round = 0; round < 4; round++) {
          const recovered = await bridge.recover();
          expect(recovered.ok).toBe(true);
          if (recovered.ok && recovered.value.every((attempt) => isResolved(attempt.state))) break;
        }
        let sale = await bridge.sale(saleId);
        if (!sale.ok) throw new Error(sale.error.message);
        if (plan.retryWithNewCode && !sale.value.settled)
          await allOf(bridge.start({ ...tender, authCode: freshCode() }));
        sale = await bridge.sale(saleId);
        if (!sale.ok) throw new Error(sale.error.message);
        const paid = sale.value.attempts.find((attempt) => attempt.state === "PAID");
        if (plan.refund && paid) {
          // A refund, possibly with its reply lost, then recover() as a restarted till would.
          if (plan.refund.fault)
            sim.script({ faults: [{ operation: "refund", outTradeNo: paid.outTradeNo, fault: plan.refund.fault }] });
          await bridge.refund(paid.attemptId, cny(plan.refund.amountMinor));
          await bridge.recover();
          sale = await bridge.sale(saleId);
          if (!sale.ok) throw new Error(sale.error.message);
        }

        for (const attempt of sale.value.attempts) {
          expect(isResolved(attempt.state), `${attempt.attemptId} ended ${attempt.state}`).toBe(true);
          const net = netOf(sim, attempt.outTradeNo);
          outcomes.add(attempt.state);
          expect(net.charges).toBeLessThanOrEqual(1);
          expect(net.netMinor, `${attempt.attemptId}: ${attempt.history.map((step) => step.state).join(" → ")}`).toBe(
            expectedNet(attempt),
          );
        }
        // Nothing at the gateway that the bridge does not know about.
        const known = new Set(sale.value.attempts.map((attempt) => attempt.outTradeNo));
        const strays = sim
          .ledger()
          .charges.filter((charge) => charge.outTradeNo.startsWith(`${prefix}_`) && !known.has(charge.outTradeNo));
        expect(strays).toEqual([]);
        const kept = sale.value.attempts.filter(
          (attempt) => attempt.state === "PAID" || attempt.state === "PARTIALLY_REFUNDED",
        );
        expect(kept.length).toBeLessThanOrEqual(1);
        expect(sale.value.settled).toBe(kept.length === 1);
        await bridge.close();
      }),
      { seed: 20261129, numRuns: 120, endOnFailure: true },
    );
    // The schedules did reach every way an attempt can end (otherwise the property proves little).
    expect([...outcomes].sort()).toEqual(["FAILED", "PAID", "PARTIALLY_REFUNDED", "REFUNDED", "REVERSED"]);
  }, 60_000);
});
