// The uploader against real HTTP receivers on 127.0.0.1, on virtual time: Retry-After (seconds and HTTP-date),
// exponential back-off with full jitter, the breaker while offline and the `online` probe, timeouts, refusals
// isolated into dead letters with their reason, and their retry.
import { setTimeout as sleep } from "node:timers/promises";
import { describe, expect, it, onTestFinished } from "vitest";
import type { SalesOutbox } from "../src/create-sales-outbox.js";
import type { SalesOutboxOptions } from "../src/outbox-options.js";
import { type ManualScheduler, manualScheduler } from "./support/manual-scheduler.js";
import { openTestOutbox, statusWhere, T0, testSale } from "./support/outbox-harness.js";
import { type ScriptedReceiver, startScriptedReceiver } from "./support/scripted-receiver.js";

async function setUp(overrides: Partial<SalesOutboxOptions> = {}): Promise<{
  receiver: ScriptedReceiver;
  clock: ManualScheduler;
  outbox: SalesOutbox;
}> {
  const receiver = await startScriptedReceiver();
  onTestFinished(() => receiver.stop());
  const clock = manualScheduler(T0);
  const outbox = openTestOutbox(receiver.url, "t", {
    scheduler: clock,
    random: () => 0.5,
    backoffBaseMs: 1_000,
    backoffMaxMs: 8_000,
    ...overrides,
  });
  return { receiver, clock, outbox };
}

/** Subscribes for the test's duration (starts the uploader). */
function watch(outbox: SalesOutbox): void {
  const subscription = outbox.status$.subscribe();
  onTestFinished(() => subscription.unsubscribe());
}

/** Lets real I/O that might (wrongly) happen, happen. */
const settle = () => sleep(60);

describe("uploader", () => {
  it("waits exactly the Retry-After seconds of a 503, then delivers", async () => {
    const { receiver, clock, outbox } = await setUp();
    receiver.script(({ index }) => (index === 0 ? { status: 503, headers: { "retry-after": "120" } } : undefined));
    watch(outbox);
    await outbox.record(testSale(1));
    const failed = await statusWhere(outbox.status$, (status) => status.lastError !== undefined);
    expect(failed).toMatchObject({
      pending: 2,
      nextAttemptAtMs: T0 + 120_000,
      lastError: { code: "RECEIVER_UNAVAILABLE", status: 503 },
    });
    await expect.poll(() => clock.pendingTimers()).toEqual([T0 + 120_000]);
    clock.advance(119_999);
    await settle();
    expect(receiver.requests).toHaveLength(1);
    clock.advance(1);
    const delivered = await statusWhere(outbox.status$, (status) => status.pending === 0);
    expect(delivered.lastSuccessAtMs).toBe(T0 + 120_000);
    expect(receiver.requests.map((request) => request.status)).toEqual([503, 202]);
  });

  it("honours a 429 Retry-After given as an HTTP-date", async () => {
    const { receiver, outbox } = await setUp();
    const retryAt = new Date(T0 + 30_000).toUTCString();
    receiver.script(({ index }) => (index === 0 ? { status: 429, headers: { "retry-after": retryAt } } : undefined));
    watch(outbox);
    await outbox.record(testSale(0));
    const failed = await statusWhere(outbox.status$, (status) => status.lastError !== undefined);
    expect(failed).toMatchObject({ nextAttemptAtMs: T0 + 30_000, lastError: { status: 429 } });
  });

  it("backs off exponentially with full jitter after 500s, up to the cap, and delivers once the receiver recovers", async () => {
    const { receiver, clock, outbox } = await setUp();
    receiver.script(({ index }) => (index < 5 ? { status: 500 } : undefined));
    watch(outbox);
    await outbox.record(testSale(0));
    const waits: number[] = [];
    for (let failure = 1; failure <= 5; failure++) {
      await receiver.requestsReach(failure);
      await expect.poll(() => clock.pendingTimers()).toHaveLength(1);
      const [dueMs] = clock.pendingTimers() as [number];
      waits.push(dueMs - clock.now());
      clock.advance(dueMs - clock.now());
    }
    // random() = 0.5 of a ceiling of 1 s, 2 s, 4 s, 8 s, then the 8 s cap.
    expect(waits).toEqual([500, 1_000, 2_000, 4_000, 4_000]);
    await statusWhere(outbox.status$, (status) => status.pending === 0);
    expect(receiver.requests.map((request) => request.status)).toEqual([500, 500, 500, 500, 500, 202]);
  });

  it("opens the breaker after consecutive network failures, waits the cool-down, and probes at once on `online`", async () => {
    const online = new EventTarget();
    const { receiver, clock, outbox } = await setUp({
      breakerThreshold: 3,
      breakerCooldownMs: 60_000,
      onlineEvents: online,
    });
    let down = true;
    receiver.script(() => (down ? "reset" : undefined));
    watch(outbox);
    await outbox.record(testSale(2));
    for (let failure = 1; failure < 3; failure++) {
      await receiver.requestsReach(failure);
      await expect.poll(() => clock.pendingTimers()).toHaveLength(1);
      clock.advance((clock.pendingTimers()[0] ?? 0) - clock.now());
    }
    const open = await statusWhere(outbox.status$, (status) => status.offline);
    expect(open).toMatchObject({
      pending: 3,
      nextAttemptAtMs: clock.now() + 60_000,
      lastError: { code: "RECEIVER_UNREACHABLE" },
    });
    clock.advance(59_000);
    await settle();
    expect(receiver.requests).toHaveLength(3);
    down = false;
    online.dispatchEvent(new Event("online"));
    const closed = await statusWhere(outbox.status$, (status) => status.pending === 0);
    expect(closed.offline).toBe(false);
    expect(receiver.requests).toHaveLength(4);
  });

  it("treats a receiver that hangs past timeoutMs as a timeout, keeping the events pending", async () => {
    const { receiver, outbox } = await setUp({ timeoutMs: 200 });
    receiver.script(({ index }) => (index === 0 ? "hang" : undefined));
    await outbox.record(testSale(0));
    expect(await outbox.flush()).toMatchObject({ ok: false, error: { code: "RECEIVER_TIMEOUT" } });
    expect(await outbox.flush()).toEqual({ ok: true, value: { delivered: 1, deadLettered: 0, pending: 0 } });
    expect([...receiver.acknowledged.values()]).toEqual([1]);
  });

  it("isolates the one event a receiver refuses into the dead letters with its reason; the rest are delivered", async () => {
    const { receiver, outbox } = await setUp();
    const sale = {
      id: "eight-lines",
      soldAtMs: T0,
      lines: Array.from({ length: 8 }, (_, line) => ({ gtin: "09521234543213", batch: `L${line}`, quantity: 1 })),
    };
    const recorded = await outbox.record(sale);
    const bad = recorded.ok ? recorded.value.eventIds[5] : "";
    const refusal = '{"error":{"code":"INVALID_EPCIS","message":"bizLocation is not a known store"}}';
    receiver.script(({ eventIds }) => (eventIds.includes(bad as string) ? { status: 400, body: refusal } : undefined));
    expect(await outbox.flush()).toEqual({ ok: true, value: { delivered: 7, deadLettered: 1, pending: 0 } });
    expect(receiver.requests).toHaveLength(7); // 8 → 4 + 4 → 2 + 2 → 1 + 1
    expect([...receiver.acknowledged.values()]).toEqual([1, 1, 1, 1, 1, 1, 1]);
    const letters = await outbox.listDeadLetters();
    expect(letters.ok && letters.value).toEqual([
      expect.objectContaining({
        eventId: bad,
        saleId: "eight-lines",
        status: 400,
        code: "RECEIVER_REJECTED",
        reason: expect.stringContaining("answered 400 (INVALID_EPCIS: bizLocation is not a known store)"),
        bodyExcerpt: refusal,
      }),
    ]);
    const statuses: number[] = [];
    const subscription = outbox.status$.subscribe((status) => statuses.push(status.deadLetters));
    await expect.poll(() => statuses.at(-1)).toBe(1);
    subscription.unsubscribe();

    receiver.script(() => undefined);
    expect(await outbox.retryDeadLetters()).toEqual({ ok: true, value: 1 });
    expect(await outbox.flush()).toEqual({ ok: true, value: { delivered: 1, deadLettered: 0, pending: 0 } });
    expect(receiver.acknowledged.get(bad as string)).toBe(1);
    expect(await outbox.listDeadLetters()).toEqual({ ok: true, value: [] });
  });

  it("dead-letters a whole batch refused for its token (401) without splitting it", async () => {
    const { receiver, outbox } = await setUp();
    receiver.script(() => ({ status: 401, body: '{"error":{"code":"UNAUTHORIZED","message":"unknown token"}}' }));
    await outbox.record(testSale(2));
    expect(await outbox.flush()).toEqual({ ok: true, value: { delivered: 0, deadLettered: 3, pending: 0 } });
    expect(receiver.requests).toHaveLength(1);
    const letters = await outbox.listDeadLetters();
    expect(letters.ok && letters.value.map((letter) => letter.status)).toEqual([401, 401, 401]);
  });

  it("splits a batch a strict repository answers 409, counting an event it already holds as delivered", async () => {
    const { receiver, outbox } = await setUp();
    receiver.script(({ eventIds }) =>
      eventIds.some((id) => receiver.acknowledged.has(id)) ? { status: 409 } : undefined,
    );
    await outbox.record(testSale(1, "dup"));
    expect(await outbox.flush()).toMatchObject({ ok: true, value: { delivered: 2 } });
    const replay = openTestOutbox(receiver.url, "t");
    await replay.record(testSale(1, "dup"));
    await replay.record(testSale(2, "fresh"));
    expect(await replay.flush()).toEqual({ ok: true, value: { delivered: 5, deadLettered: 0, pending: 0 } });
    expect([...receiver.acknowledged.values()].every((count) => count === 1)).toBe(true);
    expect(receiver.acknowledged.size).toBe(5);
  });

  it("sends a producer's GTINs to the producer's own endpoint with its token, and the rest to the default", async () => {
    const { receiver, outbox: _unused } = await setUp();
    const producer = await startScriptedReceiver();
    onTestFinished(() => producer.stop());
    const outbox = openTestOutbox(receiver.url, "store-token", {
      producers: [{ companyPrefix: "9521234", endpoint: producer.url.slice(0, -1), token: "producer-token" }],
    });
    await outbox.record({
      id: "mixed",
      soldAtMs: T0,
      lines: [
        { gtin: "09521234543213", batch: "L1", quantity: 1 },
        { gtin: "4006381333931", batch: "X", quantity: 2 },
      ],
    });
    expect(await outbox.flush()).toMatchObject({ ok: true, value: { delivered: 2 } });
    expect(
      producer.requests.map((request) => [request.path, request.authorization, request.events[0]?.quantityList]),
    ).toEqual([
      ["/capture", "Bearer producer-token", [{ epcClass: "https://id.gs1.org/01/09521234543213/10/L1", quantity: 1 }]],
    ]);
    expect(receiver.requests.map((request) => [request.authorization, request.eventIds.length])).toEqual([
      ["Bearer store-token", 1],
    ]);
  });

  it("delivers waiting events of a producer no longer configured to the default endpoint", async () => {
    const { receiver } = await setUp();
    const producer = await startScriptedReceiver();
    onTestFinished(() => producer.stop());
    const dbName = `orphan-${Math.random()}`;
    const before = openTestOutbox(receiver.url, "t", {
      dbName,
      producers: [{ companyPrefix: "9521234", endpoint: producer.url, token: "p" }],
    });
    await before.record(testSale(0, "orphan"));
    const after = openTestOutbox(receiver.url, "t", { dbName });
    expect(await after.flush()).toEqual({ ok: true, value: { delivered: 1, deadLettered: 0, pending: 0 } });
    expect(producer.requests).toHaveLength(0);
    expect(receiver.requests.map((request) => request.authorization)).toEqual(["Bearer t"]);
  });

  it("uploads only while status$ has a subscriber: the last unsubscribe stops it, the next subscription resumes", async () => {
    const { receiver, outbox } = await setUp();
    const first = outbox.status$.subscribe();
    first.unsubscribe();
    await outbox.record(testSale(2));
    await settle();
    expect(receiver.requests).toHaveLength(0);
    watch(outbox);
    const delivered = await statusWhere(
      outbox.status$,
      (status) => status.pending === 0 && status.lastSuccessAtMs !== undefined,
    );
    expect(delivered.deadLetters).toBe(0);
    expect(receiver.acknowledged.size).toBe(3);
  });
});
