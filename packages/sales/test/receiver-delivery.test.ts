// Exactly once, as the receiver sees it: 10,000 sales recorded while the receiver is down all arrive once it comes
// up; a receiver behind seeded chaos (500s before and after committing, replies stalled past the timeout) ends up
// with the same exact totals; a batch refused for good waits in the dead letters with its reason until retried.
import { afterAll, beforeAll, describe, expect, it, onTestFinished } from "vitest";
import type { Sale } from "../src/sale-schema.js";
import { startChaosProxy } from "./support/chaos-proxy.js";
import { expectedRows, openTestOutbox, statusWhere, testSale } from "./support/outbox-harness.js";
import { type Receiver, startReceiver } from "./support/receiver.js";

let receiver: Receiver;
beforeAll(async () => {
  receiver = await startReceiver();
});
afterAll(() => receiver.dispose());

/** The receiver's rows for sales named with `prefix`-free products: compared as a map like expectedRows. */
async function heldRows(): Promise<Map<string, { quantity: number; events: number }>> {
  return new Map(
    (await receiver.soldRows()).map((row) => [
      `${row.gtin}|${row.batch}`,
      { quantity: row.quantity, events: row.events },
    ]),
  );
}

/** Adds `sales` to the running expectation of what the receiver must hold. */
const expectation = new Map<string, { quantity: number; events: number }>();
function expectSales(sales: readonly Sale[]): void {
  for (const [key, row] of expectedRows(sales)) {
    const held = expectation.get(key) ?? { quantity: 0, events: 0 };
    expectation.set(key, { quantity: held.quantity + row.quantity, events: held.events + row.events });
  }
}

describe(`delivery to the receiver`, () => {
  it("delivers 10,000 sales recorded while the receiver was down, every event exactly once, once it comes up", async () => {
    await receiver.stop();
    const outbox = openTestOutbox(receiver.url, receiver.storeToken, {
      breakerThreshold: 3,
      breakerCooldownMs: 500,
      backoffBaseMs: 50,
      backoffMaxMs: 500,
    });
    const subscription = outbox.status$.subscribe();
    onTestFinished(() => subscription.unsubscribe());
    const sales = Array.from({ length: 10_000 }, (_, index) => testSale(index, "down"));
    for (let start = 0; start < sales.length; start += 100) {
      const results = await Promise.all(sales.slice(start, start + 100).map((sale) => outbox.record(sale)));
      expect(results.every((result) => result.ok)).toBe(true);
    }
    const offline = await statusWhere(outbox.status$, (status) => status.offline);
    expect(offline).toMatchObject({ pending: 19_999, lastError: { code: "RECEIVER_UNREACHABLE" } });
    await receiver.restart();
    const done = await statusWhere(outbox.status$, (status) => status.pending === 0, 45_000);
    expect(done).toMatchObject({ offline: false, deadLetters: 0 });
    expectSales(sales);
    expect(await heldRows()).toEqual(expectation);
  }, 60_000);

  it("ends with the same exact totals when the receiver answers 500s and stalls past the timeout at random", async () => {
    const proxy = await startChaosProxy(receiver.url, {
      seed: 20271115,
      refuseRate: 0.15,
      loseReplyRate: 0.15,
      stallRate: 0.1,
      stallMs: 600,
    });
    onTestFinished(() => proxy.close());
    const outbox = openTestOutbox(proxy.url, receiver.storeToken, {
      timeoutMs: 300,
      backoffBaseMs: 10,
      backoffMaxMs: 50,
      batchSize: 50,
    });
    const subscription = outbox.status$.subscribe();
    onTestFinished(() => subscription.unsubscribe());
    const sales = Array.from({ length: 2_000 }, (_, index) => testSale(index, "chaos"));
    for (let start = 0; start < sales.length; start += 100)
      await Promise.all(sales.slice(start, start + 100).map((sale) => outbox.record(sale)));
    const done = await statusWhere(outbox.status$, (status) => status.pending === 0, 45_000);
    expect(done.deadLetters).toBe(0);
    expect(proxy.counts.refused).toBeGreaterThan(0);
    expect(proxy.counts.lostReplies).toBeGreaterThan(0);
    expect(proxy.counts.stalled).toBeGreaterThan(0);
    expectSales(sales);
    expect(await heldRows()).toEqual(expectation);
  }, 60_000);

  it("puts a batch the receiver refuses for good into the dead letters with its reason, and delivers it once retried", async () => {
    const dbName = `refused-${Math.random()}`;
    const refused = openTestOutbox(receiver.url, "not-a-store-token", { dbName });
    const sales = [testSale(1, "refused"), testSale(2, "refused")];
    for (const sale of sales) await refused.record(sale);
    expect(await refused.flush()).toEqual({ ok: true, value: { delivered: 0, deadLettered: 5, pending: 0 } });
    const letters = await refused.listDeadLetters();
    expect(letters.ok && letters.value).toHaveLength(5);
    expect(letters.ok && letters.value[0]).toMatchObject({
      status: 401,
      code: "RECEIVER_REJECTED",
      reason: expect.stringContaining("answered 401"),
    });
    expect(await heldRows()).toEqual(expectation);

    const fixed = openTestOutbox(receiver.url, receiver.storeToken, { dbName });
    expect(await fixed.retryDeadLetters()).toEqual({ ok: true, value: 5 });
    expect(await fixed.flush()).toEqual({ ok: true, value: { delivered: 5, deadLettered: 0, pending: 0 } });
    expectSales(sales);
    expect(await heldRows()).toEqual(expectation);
  });
});
