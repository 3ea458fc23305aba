// The promises a till makes with money: never two charges for one sale, never a payment lost in a crash, tenders
// that add up, and a UI that can come and go without stranding a payment. Real simulator, real HTTP, IndexedDB on
// fake-indexeddb; a "crash" is close() on one bridge (no further request or write) and a new bridge on the same db.
import { firstValueFrom, lastValueFrom, take, toArray } from "rxjs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Tender } from "../src/bridge/attempt.js";
import { cash } from "../src/cash.js";
import { type GatewaySimulator, startGatewaySimulator } from "../src/simulator/sim-server.js";
import {
  allOf,
  cny,
  crashWhen,
  finalAttempt,
  freshCode,
  gatewayOn,
  netOf,
  openBridge,
  unique,
} from "./support/harness.js";

let sim: GatewaySimulator;
beforeAll(async () => {
  sim = await startGatewaySimulator({ seed: 12, userPayingMs: 150 });
});
afterAll(() => sim.close());

const walletTender = (authCode: string, amountMinor = 2000, saleId = unique("sale")): Tender => ({
  saleId,
  saleTotal: cny(amountMinor),
  amount: cny(amountMinor),
  providerId: "gateway",
  authCode,
});

/** Two bridges over the same database, the way a reload opens it again. */
function sameDatabase(overrides: Parameters<typeof openBridge>[1] = {}) {
  const dbName = unique("crash-db-");
  const prefix = unique("K");
  let count = 0;
  const options = { dbName, newId: () => `${prefix}_${++count}`, ...overrides };
  return {
    open: () => openBridge([gatewayOn(sim, { timeoutMs: 500 }), cash()], options),
    nextOrder: () => `${prefix}_${count + 1}`,
  };
}

describe("never two charges", () => {
  it("charges once when the cashier double-clicks pay: the second click is refused", async () => {
    const bridge = openBridge([gatewayOn(sim)]);
    const tender = walletTender(freshCode());
    const [first, second] = await Promise.all([allOf(bridge.start(tender)), allOf(bridge.start(tender))]);
    const refused = [first, second].find((updates) => !updates[0]?.ok);
    const taken = [first, second].find((updates) => updates[0]?.ok);
    expect(refused).toEqual([{ ok: false, error: expect.objectContaining({ code: "ATTEMPT_UNRESOLVED" }) }]);
    const attempt = finalAttempt(taken ?? []);
    expect(attempt.state).toBe("PAID");
    expect(sim.ledger().charges.filter((charge) => charge.outTradeNo === attempt.outTradeNo).length).toBe(1);
    const sale = await bridge.sale(tender.saleId);
    expect(sale).toMatchObject({ ok: true, value: { settled: true, paidMinor: 2000, attempts: [{ state: "PAID" }] } });
    await bridge.close();
  });

  it("refuses a cash tender while the wallet payment of the same sale is unresolved, and accepts none after it settled", async () => {
    const bridge = openBridge([gatewayOn(sim), cash()]);
    const tender = walletTender(freshCode("password"));
    const running = allOf(bridge.start(tender));
    const cashTender = { ...tender, providerId: "cash", tenderedMinor: 2000 };
    const refused = await firstValueFrom(bridge.start(cashTender));
    expect(refused).toMatchObject({ ok: false, error: { code: "ATTEMPT_UNRESOLVED" } });
    expect(finalAttempt(await running).state).toBe("PAID");
    expect(await firstValueFrom(bridge.start(cashTender))).toMatchObject({
      ok: false,
      error: { code: "TENDER_EXCEEDS_BALANCE" },
    });
    await bridge.close();
  });

  it("settles a split tender (¥30 cash + ¥45.50 wallet) only when the paid tenders add up to the total", async () => {
    const bridge = openBridge([gatewayOn(sim), cash({ rounding: { incrementMinor: 10, mode: "down" } })]);
    const saleId = unique("sale");
    const total = cny(7550);
    const cashPart = finalAttempt(
      await allOf(
        bridge.start({ saleId, saleTotal: total, amount: cny(3000), providerId: "cash", tenderedMinor: 5000 }),
      ),
    );
    expect(cashPart).toMatchObject({ state: "PAID", paid: { changeMinor: 2000 } });
    expect(await bridge.sale(saleId)).toMatchObject({ ok: true, value: { settled: false, paidMinor: 3000 } });
    const tooMuch = await firstValueFrom(
      bridge.start({ saleId, saleTotal: total, amount: cny(5000), providerId: "gateway", authCode: freshCode() }),
    );
    expect(tooMuch).toMatchObject({ ok: false, error: { code: "TENDER_EXCEEDS_BALANCE" } });
    const walletPart = finalAttempt(
      await allOf(
        bridge.start({ saleId, saleTotal: total, amount: cny(4550), providerId: "gateway", authCode: freshCode() }),
      ),
    );
    expect(walletPart.state).toBe("PAID");
    expect(await bridge.sale(saleId)).toMatchObject({
      ok: true,
      value: { settled: true, paidMinor: 7550, pendingMinor: 0 },
    });
    await bridge.close();
  });

  it("refuses amounts that are not money before anything is stored or sent", async () => {
    const bridge = openBridge([gatewayOn(sim, { maxAmountMinor: 100_000 })]);
    const base = walletTender(freshCode());
    const codeOf = async (tender: Tender) => {
      const [update] = await allOf(bridge.start(tender));
      return update?.ok ? update.value.state : update?.error.code;
    };
    expect(await codeOf({ ...base, amount: cny(12.5) })).toBe("AMOUNT_NOT_INTEGER");
    expect(await codeOf({ ...base, amount: cny(0) })).toBe("AMOUNT_NOT_POSITIVE");
    expect(await codeOf({ ...base, saleTotal: cny(500_000), amount: cny(200_000) })).toBe("AMOUNT_OVER_LIMIT");
    expect(await codeOf({ ...base, amount: { amountMinor: 2000, currency: "USD" } })).toBe("CURRENCY_MISMATCH");
    expect(await codeOf({ ...base, providerId: "card" })).toBe("PROVIDER_UNSUPPORTED");
    expect(await bridge.sale(base.saleId)).toMatchObject({ ok: true, value: { attempts: [] } });
    await bridge.close();
  });
});

describe("never a lost payment", () => {
  it("stores the attempt before the first request: a crash right after CREATED leaves a row and no order at the gateway", async () => {
    const db = sameDatabase();
    const before = db.open();
    const tender = walletTender(freshCode());
    const created = await crashWhen(before, tender, "CREATED");
    expect(sim.ledger().trades.some((trade) => trade.outTradeNo === created)).toBe(false);
    const after = db.open();
    expect(await after.sale(tender.saleId)).toMatchObject({
      ok: true,
      value: { attempts: [{ attemptId: created, state: "CREATED" }] },
    });
    // The cashier cancels it after the restart: nothing was sent, so it simply fails.
    expect(await after.cancel(created)).toMatchObject({ ok: true });
    const final = await lastValueFrom(after.watch(created));
    expect(final).toMatchObject({ state: "FAILED", failure: "cancelled" });
    expect(sim.ledger().trades.some((trade) => trade.outTradeNo === created)).toBe(false);
    await after.close();
  });

  it("recovers a crash while the pay was in flight: the query finds it PAID, exactly one charge", async () => {
    const db = sameDatabase();
    sim.script({ faults: [{ operation: "pay", outTradeNo: db.nextOrder(), fault: "TIMEOUT_AFTER_COMMIT" }] });
    const before = db.open();
    const tender = walletTender(freshCode());
    const attemptId = await crashWhen(before, tender, "SUBMITTING");
    const after = db.open();
    const recovered = await after.recover();
    expect(recovered).toMatchObject({ ok: true, value: [{ attemptId, state: "PAID" }] });
    if (!recovered.ok) return;
    expect(recovered.value[0]?.history.map((step) => step.state)).toEqual(["CREATED", "SUBMITTING", "UNKNOWN", "PAID"]);
    expect(netOf(sim, attemptId)).toEqual({ charges: 1, netMinor: 2000 });
    await after.close();
  });

  it("recovers a crash before the pay left: the query finds nothing and the same order is paid once", async () => {
    const db = sameDatabase();
    sim.script({ faults: [{ operation: "pay", outTradeNo: db.nextOrder(), fault: "DROP_REQUEST" }] });
    const before = db.open();
    const attemptId = await crashWhen(before, walletTender(freshCode()), "SUBMITTING");
    const after = db.open();
    expect(await after.recover()).toMatchObject({ ok: true, value: [{ attemptId, state: "PAID" }] });
    expect(netOf(sim, attemptId).charges).toBe(1);
    await after.close();
  });

  it("recovers a crash while the customer never pays: a clean reversal, nothing charged", async () => {
    const db = sameDatabase({ budgetMs: 150 });
    const code = freshCode();
    sim.script({ codes: { [code]: { outcome: "pay", userPayingMs: 60_000 } } });
    const before = db.open();
    const attemptId = await crashWhen(before, walletTender(code), "AWAITING_CUSTOMER");
    const after = db.open();
    expect(await after.recover()).toMatchObject({ ok: true, value: [{ attemptId, state: "REVERSED" }] });
    expect(netOf(sim, attemptId)).toEqual({ charges: 0, netMinor: 0 });
    await after.close();
  });

  it("keeps the sale of a customer who paid while the till was down (queries before reversing)", async () => {
    const db = sameDatabase({ budgetMs: 100 });
    const before = db.open();
    const attemptId = await crashWhen(before, walletTender(freshCode("password")), "AWAITING_CUSTOMER");
    // The customer finishes while the till is down; by restart the polling budget is long gone.
    await new Promise((resolve) => setTimeout(resolve, 250));
    const after = db.open();
    expect(await after.recover()).toMatchObject({ ok: true, value: [{ attemptId, state: "PAID" }] });
    expect(netOf(sim, attemptId)).toEqual({ charges: 1, netMinor: 2000 });
    await after.close();
  });
});

describe("the UI comes and goes", () => {
  it("finishes the payment after the UI unsubscribes, and watch() shows it to the next screen", async () => {
    const bridge = openBridge([gatewayOn(sim)]);
    const [created] = await lastValueFrom(bridge.start(walletTender(freshCode("password"))).pipe(take(1), toArray()));
    if (!created?.ok) throw new Error("refused");
    const seen = await allOf(bridge.watch(created.value.attemptId));
    expect(seen.at(-1)?.state).toBe("PAID");
    expect(netOf(sim, created.value.attemptId).charges).toBe(1);
    await bridge.close();
  });

  it("answers a manual query by order number with the gateway's view and the stored attempt", async () => {
    const bridge = openBridge([gatewayOn(sim)]);
    const paid = finalAttempt(await allOf(bridge.start(walletTender(freshCode()))));
    const answer = await bridge.queryByOrderNumber(paid.outTradeNo);
    expect(answer).toMatchObject({ ok: true, value: { status: { state: "paid" }, attempt: { state: "PAID" } } });
    expect(await bridge.queryByOrderNumber("NOT_OURS_1")).toMatchObject({
      ok: true,
      value: { status: { state: "not_found" } },
    });
    await bridge.close();
  });

  it("refuses cancel and refund requests that do not fit the attempt", async () => {
    const bridge = openBridge([gatewayOn(sim)]);
    const paid = finalAttempt(await allOf(bridge.start(walletTender(freshCode()))));
    expect(await bridge.cancel(paid.attemptId)).toMatchObject({ ok: false, error: { code: "INVALID_STATE" } });
    expect(await bridge.cancel("NOPE")).toMatchObject({ ok: false, error: { code: "ATTEMPT_NOT_FOUND" } });
    expect(await bridge.refund(paid.attemptId, cny(2001))).toMatchObject({
      ok: false,
      error: { code: "AMOUNT_OVER_LIMIT" },
    });
    await bridge.close();
  });
});
