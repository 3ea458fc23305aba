// The till's sales outbox. `record` is durable before it resolves; delivery runs in the background while anyone
// watches: lifetime follows subscription (STYLE.md) — the first `status$` subscriber opens IndexedDB and starts the
// uploader (which resumes whatever an earlier page or process left pending), the last unsubscribe stops it and
// closes the database. `record`, `flush` and the dead-letter calls hold the database open only while they run.
import { asyncScheduler, BehaviorSubject, Observable } from "rxjs";
import { createCaptureClient } from "./capture-client.js";
import { readDeadLetters, requeueDeadLetters } from "./dead-letters.js";
import { type Result, type SalesError, salesError } from "./errors.js";
import { type DeadLetter, type OutboxDb, openOutboxDb, pendingRoutes, type RecordedSale } from "./outbox-db.js";
import { resolveOptions, type SalesOutboxOptions } from "./outbox-options.js";
import { initialStatusState, type SalesOutboxStatus, statusAt } from "./outbox-status.js";
import { recordSale } from "./record-sale.js";
import { createRouting } from "./routing.js";
import type { Sale } from "./sale-schema.js";
import { createSaleWriter, type SaleWriter } from "./sale-writer.js";
import { createUploader, type Uploader } from "./uploader.js";

/** What one `flush()` did. */
export interface FlushSummary {
  /** Events acknowledged during this flush. */
  readonly delivered: number;
  /** Events moved to the dead letters during this flush. */
  readonly deadLettered: number;
  /** Events still pending afterwards. */
  readonly pending: number;
}

/** The sales outbox of one till. */
export interface SalesOutbox {
  /**
   * Stores the sale's events durably (one transaction) and resolves after the commit. Recording a sale id again
   * is a no-op that answers the first recording. INVALID_SALE for a bad sale, STORAGE_FAILED when IndexedDB fails.
   */
  record(sale: Sale): Promise<Result<RecordedSale, SalesError>>;
  /**
   * Delivery status; subscribing opens the outbox and starts the uploader, the last unsubscribe stops it.
   * Replays the current status to each new subscriber; never errors (failures are in `lastError`).
   */
  readonly status$: Observable<SalesOutboxStatus>;
  /**
   * Sends everything pending now, ignoring back-off, until each route is empty or fails; the error of a route
   * that failed (its events stay pending), or what was done.
   */
  flush(): Promise<Result<FlushSummary, SalesError>>;
  /** The oldest `limit` dead letters (default 100), with the receiver's reason. */
  listDeadLetters(limit?: number): Promise<Result<DeadLetter[], SalesError>>;
  /** Moves every dead letter back to pending and wakes the uploader; resolves with how many moved. */
  retryDeadLetters(): Promise<Result<number, SalesError>>;
}

interface Session {
  readonly db: OutboxDb;
  readonly write: SaleWriter;
  ready: Promise<Uploader | undefined>;
  users: number;
  watchers: number;
}

/**
 * Creates the outbox. Nothing is opened or sent until `status$` is subscribed or a method is called.
 * @throws TypeError for a configuration bug: a missing endpoint, a bad GLN, an unknown time zone, no IndexedDB,
 *   or fake-indexeddb without `acceptVolatileStorage`.
 * @example
 * const outbox = createSalesOutbox({ dbName: "sales", endpoint: "https://hub.example/", token, storeGln: "9521234000013", onlineEvents: window });
 * outbox.status$.subscribe(showDeliveryStatus); // starts uploading, resumes what a reload left pending
 * const recorded = await outbox.record({ id: "R-000123", lines: [{ gtin: "09521234543213", batch: "LOT2027A", quantity: 2 }] });
 * if (!recorded.ok) reportBug(recorded.error); // INVALID_SALE or STORAGE_FAILED
 */
export function createSalesOutbox(options: SalesOutboxOptions): SalesOutbox {
  const config = resolveOptions(options);
  const scheduler = config.scheduler ?? asyncScheduler;
  const nowMs = () => scheduler.now();
  const routing = createRouting(config.endpoint, config.token, config.producers ?? []);
  const post = createCaptureClient({ timeoutMs: config.timeoutMs, ...(config.fetch ? { fetch: config.fetch } : {}) });
  let state = initialStatusState();
  const status = new BehaviorSubject<SalesOutboxStatus>(statusAt(state, nowMs()));
  const emit = () => status.next(statusAt(state, nowMs()));
  const totals = { delivered: 0, deadLettered: 0 };
  let session: Session | undefined;

  async function refreshOldest(db: OutboxDb): Promise<void> {
    const [oldest] = await db.pending.orderBy("createdAtMs").limit(1).keys();
    state.oldestPendingAtMs = typeof oldest === "number" ? oldest : undefined;
  }

  async function open(current: Session): Promise<Uploader | undefined> {
    const { db } = current;
    const guard = () => session === current;
    try {
      const [pending, deadLetters, routes] = await Promise.all([
        db.pending.count(),
        db.deadLetters.count(),
        pendingRoutes(db),
        refreshOldest(db),
      ]);
      Object.assign(state, { pending, deadLetters });
      emit();
      const keys = new Set([...routing.keys, ...routes]);
      return createUploader(
        {
          db,
          routing,
          post,
          scheduler,
          random: config.random ?? Math.random,
          policy: config,
          report: {
            sent(outcome, atMs) {
              if (!guard()) return;
              totals.delivered += outcome.delivered;
              totals.deadLettered += outcome.deadLettered;
              state.pending = Math.max(0, state.pending - outcome.delivered - outcome.deadLettered);
              state.deadLetters += outcome.deadLettered;
              if (outcome.delivered > 0) state.lastSuccessAtMs = atMs;
              void refreshOldest(db).then(
                () => guard() && emit(),
                () => undefined,
              );
              emit();
            },
            failed(error) {
              if (!guard()) return;
              state.lastError = error;
              emit();
            },
            lanes(uploading, offline, nextAttemptAtMs) {
              if (!guard()) return;
              Object.assign(state, { uploading, offline, nextAttemptAtMs });
              emit();
            },
          },
        },
        [...keys],
      );
    } catch (error) {
      if (guard()) {
        state.lastError = { code: "STORAGE_FAILED", message: `opening the outbox failed: ${(error as Error).message}` };
        emit();
      }
      return undefined;
    }
  }

  function acquire(): Session {
    if (!session) {
      const db = openOutboxDb(config.dbName, config);
      const opened: Session = {
        db,
        write: createSaleWriter(db),
        ready: Promise.resolve(undefined),
        users: 0,
        watchers: 0,
      };
      session = opened;
      opened.ready = open(opened);
    }
    session.users++;
    return session;
  }

  function release(current: Session): void {
    if (--current.users > 0) return;
    void current.ready.then((uploader) => uploader?.setBackground(false));
    current.db.close();
    if (session === current) session = undefined;
    state = initialStatusState();
    emit();
  }

  async function using<T>(work: (current: Session, uploader: Uploader | undefined) => Promise<T>): Promise<T> {
    const current = acquire();
    try {
      return await work(current, await current.ready);
    } finally {
      release(current);
    }
  }

  const status$ = new Observable<SalesOutboxStatus>((subscriber) => {
    const current = acquire();
    const subscription = status.subscribe(subscriber);
    const online = () => void current.ready.then((uploader) => uploader?.resume());
    if (++current.watchers === 1) {
      void current.ready.then((uploader) => {
        if (current.watchers === 0 || !uploader) return;
        uploader.setBackground(true);
        uploader.resume();
      });
    }
    config.onlineEvents?.addEventListener("online", online);
    return () => {
      config.onlineEvents?.removeEventListener("online", online);
      subscription.unsubscribe();
      if (--current.watchers === 0) void current.ready.then((uploader) => uploader?.setBackground(false));
      release(current);
    };
  });

  const storageFailure = (what: string, error: unknown) =>
    salesError("STORAGE_FAILED", `${what} failed: ${(error as Error).message}`);

  return {
    status$,
    record(sale) {
      return using(async (current, uploader) => {
        const recorded = await recordSale(current.write, sale, { ...config, routing, nowMs });
        if (!recorded.ok) return recorded;
        const { stored } = recorded.value;
        if (stored.length > 0 && session === current) {
          state.pending += stored.length;
          state.oldestPendingAtMs ??= stored[0]?.createdAtMs;
          emit();
          for (const route of new Set(stored.map((row) => row.route))) uploader?.kick(route);
        }
        return { ok: true, value: recorded.value.sale };
      });
    },
    flush() {
      return using(async (current, uploader): Promise<Result<FlushSummary, SalesError>> => {
        if (!uploader) return salesError("STORAGE_FAILED", "the outbox could not be opened");
        const before = { ...totals };
        const lanes = await uploader.drainAll();
        const failed = lanes.flatMap((lane) => (lane.kind === "waiting" && lane.error ? [lane.error] : []))[0];
        if (failed) return { ok: false, error: failed };
        try {
          state.pending = await current.db.pending.count();
          await refreshOldest(current.db);
        } catch (error) {
          return storageFailure("counting pending events", error);
        }
        emit();
        return {
          ok: true,
          value: {
            delivered: totals.delivered - before.delivered,
            deadLettered: totals.deadLettered - before.deadLettered,
            pending: state.pending,
          },
        };
      });
    },
    listDeadLetters(limit = 100) {
      return using(async (current) => {
        try {
          return { ok: true, value: await readDeadLetters(current.db, limit) };
        } catch (error) {
          return storageFailure("reading dead letters", error);
        }
      });
    },
    retryDeadLetters() {
      return using(async (current, uploader) => {
        try {
          const { moved, routes } = await requeueDeadLetters(current.db, nowMs());
          if (session === current) {
            state.deadLetters = Math.max(0, state.deadLetters - moved);
            state.pending += moved;
            emit();
          }
          for (const route of routes) uploader?.kick(route);
          return { ok: true, value: moved };
        } catch (error) {
          return storageFailure("moving dead letters back", error);
        }
      });
    },
  };
}
