// The background uploader: one lane per route (default endpoint, each producer), each lane draining its pending
// events in paging order, a batch per request, `concurrency` requests in flight. A temporary failure puts the lane to sleep: exponential back-off
// with full jitter, or the receiver's Retry-After, or — after `breakerThreshold` network failures in a row — the
// breaker's cool-down (the till is offline; trying every few seconds only drains a phone's battery). A success
// closes the breaker. `resume()` (an `online` event, a start) wakes every lane at once for a probe.
import { Dexie } from "dexie";
import type { SchedulerLike, Subscription } from "rxjs";
import type { PostCapture } from "./capture-client.js";
import { type BatchOutcome, deliverBatch, markAttempted } from "./deliver-batch.js";
import type { SalesError } from "./errors.js";
import { type OutboxDb, PAGING_INDEX, type PendingEvent } from "./outbox-db.js";

/** A batch that IndexedDB failed. */
interface StorageFailure {
  readonly kind: "storage";
  readonly error: SalesError;
}

/** A key of the paging index: route, next attempt time, eventID. */
type PageKey = [string, number, string];

import { fullJitterDelayMs } from "./retry-after.js";
import type { Routing } from "./routing.js";

/** Retry and breaker settings, all from `SalesOutboxOptions`. */
export interface RetryPolicy {
  readonly batchSize: number;
  readonly concurrency: number;
  readonly backoffBaseMs: number;
  readonly backoffMaxMs: number;
  readonly maxRetryAfterMs: number;
  readonly breakerThreshold: number;
  readonly breakerCooldownMs: number;
}

/** What the uploader tells the outbox as it goes. */
export interface UploaderReport {
  sent(outcome: BatchOutcome, atMs: number): void;
  failed(error: SalesError): void;
  lanes(uploading: boolean, offline: boolean, nextAttemptAtMs: number | undefined): void;
}

/** How a lane's drain ended. */
export type LaneOutcome = { readonly kind: "empty" } | { readonly kind: "waiting"; readonly error?: SalesError };

/** Drives the lanes of one open outbox. */
export interface Uploader {
  /** Queues a background drain of `routeKey` (all lanes when absent), unless the lane is sleeping. */
  kick(routeKey?: string): void;
  /** Wakes every lane now (a probe through an open breaker). */
  resume(): void;
  /** Drains every lane once, now, ignoring sleep; resolves when each is empty or failed. */
  drainAll(): Promise<LaneOutcome[]>;
  /**
   * Background draining on (a `status$` subscriber exists) or off: off cancels the timers and ends background drains
   * after their current batch (a request already sent finishes).
   */
  setBackground(on: boolean): void;
}

interface Lane {
  readonly key: string;
  failures: number;
  networkFailures: number;
  notBeforeMs: number;
  open: boolean;
  /** Batches posted and not yet answered. */
  inFlight: number;
  chain: Promise<unknown>;
  queued?: Promise<LaneOutcome> | undefined;
  timer?: Subscription | undefined;
}

/** What the uploader needs. */
export interface UploaderContext {
  readonly db: OutboxDb;
  readonly routing: Routing;
  readonly post: PostCapture;
  readonly scheduler: SchedulerLike;
  readonly random: () => number;
  readonly policy: RetryPolicy;
  readonly report: UploaderReport;
}

/** Creates the uploader; `routeKeys` are the lanes to run (configured routes plus any found in storage). */
export function createUploader(context: UploaderContext, routeKeys: readonly string[]): Uploader {
  const { db, routing, policy, scheduler, report } = context;
  const nowMs = () => scheduler.now();
  let background = false;
  const lanes = new Map<string, Lane>();
  const laneOf = (key: string): Lane => {
    let lane = lanes.get(key);
    if (!lane) {
      lane = {
        key,
        failures: 0,
        networkFailures: 0,
        notBeforeMs: 0,
        open: false,
        inFlight: 0,
        chain: Promise.resolve(),
      };
      lanes.set(key, lane);
    }
    return lane;
  };
  for (const key of routeKeys) laneOf(key);

  const reportLanes = () => {
    const all = [...lanes.values()];
    const sleeping = all.filter((lane) => lane.notBeforeMs > nowMs()).map((lane) => lane.notBeforeMs);
    report.lanes(
      all.some((lane) => lane.inFlight > 0),
      all.some((lane) => lane.open),
      sleeping.length > 0 ? Math.min(...sleeping) : undefined,
    );
  };

  function sleepAfter(lane: Lane, outcome: Extract<BatchOutcome, { kind: "retry" }>): number {
    const { reply } = outcome;
    lane.failures++;
    lane.networkFailures = reply.network ? lane.networkFailures + 1 : 0;
    let delayMs: number;
    if (reply.retryAfterMs !== undefined) delayMs = Math.min(reply.retryAfterMs, policy.maxRetryAfterMs);
    else if (lane.networkFailures >= policy.breakerThreshold) {
      lane.open = true;
      delayMs = policy.breakerCooldownMs;
    } else delayMs = fullJitterDelayMs(lane.failures, policy.backoffBaseMs, policy.backoffMaxMs, context.random);
    lane.notBeforeMs = nowMs() + delayMs;
    return lane.notBeforeMs;
  }

  /** IndexedDB failed (closed under us, quota): the lane backs off like after a failed request, never spins. */
  function storageFailure(lane: Lane, error: unknown): StorageFailure {
    lane.failures++;
    lane.notBeforeMs =
      nowMs() + fullJitterDelayMs(lane.failures, policy.backoffBaseMs, policy.backoffMaxMs, context.random);
    return {
      kind: "storage",
      error: { code: "STORAGE_FAILED", message: `outbox storage failed: ${(error as Error).message}` },
    };
  }

  /** The next page of a lane after `after` (the last index key handed out), in paging order. */
  function page(lane: Lane, after: PageKey | undefined): Promise<PendingEvent[]> {
    return db.pending
      .where(PAGING_INDEX)
      .between(after ?? [lane.key, Dexie.minKey, Dexie.minKey], [lane.key, Dexie.maxKey, Dexie.maxKey], false, true)
      .limit(policy.batchSize)
      .toArray();
  }

  /**
   * Sends a lane's pending events, up to `concurrency` batches in flight (the next page is read and posted while
   * the receiver commits the previous one). Stops at the first temporary failure: batches already posted finish,
   * nothing new is sent, and the lane sleeps.
   */
  async function drain(lane: Lane, force: boolean): Promise<LaneOutcome> {
    let mayIgnoreSleep = force;
    let after: PageKey | undefined;
    let emptied = false;
    let failure: SalesError | undefined;
    const inFlight = new Map<number, Promise<{ id: number; outcome: BatchOutcome | StorageFailure }>>();
    let nextId = 0;
    for (;;) {
      while (!failure && !emptied && inFlight.size < policy.concurrency && (force || background)) {
        if (!mayIgnoreSleep && lane.notBeforeMs > nowMs()) break;
        mayIgnoreSleep = false;
        const rows = await page(lane, after);
        const last = rows.at(-1);
        if (!last) {
          emptied = true;
          break;
        }
        after = [last.route, last.nextAttemptAtMs, last.eventId];
        const id = nextId++;
        inFlight.set(
          id,
          // A storage error becomes a result, never a rejection left unobserved while sibling batches finish.
          deliverBatch({ db, post: context.post, nowMs }, routing.targetOf(lane.key), rows).then(
            (outcome) => ({ id, outcome }),
            (error: unknown) => ({ id, outcome: storageFailure(lane, error) }),
          ),
        );
        lane.inFlight = inFlight.size;
        reportLanes();
      }
      if (inFlight.size === 0)
        return failure ? { kind: "waiting", error: failure } : emptied ? { kind: "empty" } : { kind: "waiting" };
      const { id, outcome } = await Promise.race(inFlight.values());
      inFlight.delete(id);
      lane.inFlight = inFlight.size;
      if (outcome.kind === "storage") {
        failure = outcome.error;
        report.failed(outcome.error);
        continue;
      }
      if (outcome.kind === "retry") {
        const until = sleepAfter(lane, outcome);
        // Only the paging order is lost when this write fails: the events stay pending either way.
        await markAttempted(db, outcome.rows, until).catch(() => undefined);
        failure = outcome.reply.error;
        reportLanes();
        report.sent(outcome, nowMs());
        report.failed(outcome.reply.error);
        continue;
      }
      // A batch that succeeds after a sibling failed must not wake the lane early.
      if (!failure) {
        lane.failures = 0;
        lane.networkFailures = 0;
        lane.open = false;
        lane.notBeforeMs = 0;
      }
      reportLanes();
      report.sent(outcome, nowMs());
    }
  }

  /** Runs drains of a lane one after another, never two at once (they would page the same rows). */
  function enqueue(lane: Lane, force: boolean): Promise<LaneOutcome> {
    if (!force && lane.queued) return lane.queued;
    const run = lane.chain.then(async () => {
      if (!force) lane.queued = undefined;
      try {
        return await drain(lane, force);
      } catch (error) {
        lane.inFlight = 0;
        const { error: storageError } = storageFailure(lane, error);
        report.failed(storageError);
        return { kind: "waiting", error: storageError } as const;
      }
    });
    if (!force) lane.queued = run;
    lane.chain = run;
    void run.then((outcome) => {
      reportLanes();
      if (!background || outcome.kind === "empty") return;
      lane.timer?.unsubscribe();
      // Even a due lane (jitter can draw 0 ms) is woken through the scheduler: nothing else may come to kick it.
      lane.timer = scheduler.schedule(
        () => {
          // Not kickLane: a timer may fire a millisecond early, and a drain that finds the lane still asleep
          // schedules the rest of the wait itself.
          if (background) void enqueue(lane, false);
        },
        Math.max(0, lane.notBeforeMs - nowMs()),
      );
    });
    return run;
  }

  function kickLane(lane: Lane): void {
    if (background && lane.notBeforeMs <= nowMs()) void enqueue(lane, false);
  }

  return {
    kick(routeKey) {
      if (routeKey === undefined) for (const lane of lanes.values()) kickLane(lane);
      else kickLane(laneOf(routeKey));
    },
    resume() {
      for (const lane of lanes.values()) {
        lane.notBeforeMs = 0;
        kickLane(lane);
      }
    },
    drainAll() {
      return Promise.all([...lanes.values()].map((lane) => enqueue(lane, true)));
    },
    setBackground(on) {
      background = on;
      if (on) return;
      for (const lane of lanes.values()) {
        lane.timer?.unsubscribe();
        lane.timer = undefined;
      }
    },
  };
}
