// The payment bridge the till (and @scangate/checkout) uses: stores every attempt in IndexedDB before its first
// request, drives it (drive-attempt.ts) to a resolved state, recovers unfinished attempts after a crash, and keeps
// a sale's tenders adding up to its total. Lifetime: attempts run in the bridge, not in the UI's subscription, so
// an unsubscribed (or re-rendered) UI never leaves money in limbo; `close()` stops everything as a crash would.
import { asyncScheduler, Observable, type SchedulerLike, Subject } from "rxjs";
import { type BridgeError, bridgeError } from "../errors.js";
import type { Money, MoneyLimits } from "../money.js";
import { classifyPaymentCode, type PaymentCodeKind } from "../payment-code.js";
import type { PaymentProvider, TradeStatus } from "../provider.js";
import { ok, type Result } from "../result.js";
import { isResolved, type PaymentAttempt, type SaleSummary, type Tender, UNRESOLVED_STATES } from "./attempt.js";
import { type AttemptDb, type IndexedDbBinding, openAttemptDb, readAttemptRow } from "./attempt-db.js";
import { type DriveContext, driveAttempt } from "./drive-attempt.js";
import { createRefunds } from "./refunds.js";
import { admitToSale, newAttempt, summarizeSale } from "./tender.js";

/** Options of `createPaymentBridge`. */
export interface PaymentBridgeOptions extends IndexedDbBinding {
  /** The providers tenders can name by `id` (e.g. `[cash(), httpGateway(…)]` for split tender). */
  readonly providers: readonly PaymentProvider[];
  /** IndexedDB database name; a new bridge on the same name after a reload finds (and recovers) the attempts. */
  readonly dbName: string;
  /** Timers and the clock (`scheduler.now()`, epoch ms). @default rxjs asyncScheduler */
  readonly scheduler?: SchedulerLike;
  /** Time between queries of an undecided payment, in ms (WeChat and Alipay advise 3–5 s). @default 3_000 */
  readonly pollIntervalMs?: number;
  /** How long to poll before reversing, in ms: one number, or per provider id. @default each provider's `capabilities.budgetMs` */
  readonly budgetMs?: number | Readonly<Record<string, number>>;
  /** How long a failing reverse is retried before the attempt waits for `recover()`, in ms. @default 60_000 */
  readonly reverseBudgetMs?: number;
  /** Makes order and refund numbers: `[A-Za-z0-9_]`, at most 32 characters, never repeated. @default "SG" + 30 random hex */
  readonly newId?: () => string;
  /** Till-wide limits on a tender (on top of each provider's `maxAmountMinor`). @default none */
  readonly limits?: MoneyLimits;
  /** Shown on the customer's statement when a tender gives none. @default "ScanGate sale" */
  readonly subject?: string;
}

/** One emission of `start()`: the attempt as it changes, or why the tender was refused (then it completes). */
export type AttemptUpdate = Result<PaymentAttempt, BridgeError>;

/** The payment bridge of one till. */
export interface PaymentBridge {
  /** The wallet of a scanned payment code, or `null` when the text is not one. */
  classify(text: string): PaymentCodeKind | null;
  /**
   * Takes a tender. Cold: subscribing stores the attempt (CREATED) and starts it; each state is emitted; it completes
   * when the attempt is resolved (PAID, FAILED, REVERSED, REFUNDED) or must wait for `recover()`. Unsubscribing
   * stops only the emissions: the attempt still runs to a resolved state (use `cancel()` to stop a payment).
   * A refused tender emits one `{ ok: false }` and completes.
   */
  start(tender: Tender): Observable<AttemptUpdate>;
  /** The attempt's current state, then its changes; completes when the bridge stops driving it. */
  watch(attemptId: string): Observable<PaymentAttempt>;
  /** The cashier's cancel: nothing sent → FAILED (cancelled); sent → reversed (refunded if the customer paid). */
  cancel(attemptId: string): Promise<Result<PaymentAttempt, BridgeError>>;
  /** Refunds (part of) a PAID attempt, idempotent by a stored refund number. */
  refund(attemptId: string, amount: Money, reason?: string): Promise<Result<PaymentAttempt, BridgeError>>;
  /** Resumes every unresolved attempt (querying first) and pending refund; resolves when the bridge stops driving them. */
  recover(): Promise<Result<readonly PaymentAttempt[], BridgeError>>;
  /** Asks the provider about an order number (the till's manual "query by order number"); changes nothing. */
  queryByOrderNumber(
    outTradeNo: string,
    providerId?: string,
  ): Promise<Result<{ readonly status: TradeStatus; readonly attempt?: PaymentAttempt }, BridgeError>>;
  /** A sale's tenders and whether they settle it. */
  sale(saleId: string): Promise<Result<SaleSummary, BridgeError>>;
  /** Stops driving (no further request or write), completes the streams and closes IndexedDB. */
  close(): Promise<void>;
}

function randomOrderNumber(): string {
  const bytes = globalThis.crypto.getRandomValues(new Uint8Array(15));
  return `SG${Array.from(bytes, (byte) => byte.toString(16).padStart(2, "0")).join("")}`;
}

const storageFailed = (error: unknown) =>
  bridgeError("STORAGE_FAILED", `IndexedDB: ${(error as Error)?.message ?? String(error)}`);

/**
 * Creates the payment bridge. Nothing is opened or sent until a method is called or `start()` is subscribed.
 * @throws TypeError when `providers` is empty, two providers share an id, or `dbName` is missing.
 * @example
 * const bridge = createPaymentBridge({ providers: [cash(), httpGateway(gatewayOptions)], dbName: "scangate-payments" });
 * await bridge.recover();
 * bridge.start({ saleId, saleTotal: total, amount: total, providerId: "gateway", authCode: scan.text })
 *   .subscribe((update) => showPayment(update));
 */
export function createPaymentBridge(options: PaymentBridgeOptions): PaymentBridge {
  if (!options.dbName) throw new TypeError("createPaymentBridge: dbName is required");
  const providers = new Map<string, PaymentProvider>();
  for (const provider of options.providers) {
    if (providers.has(provider.id)) throw new TypeError(`createPaymentBridge: two providers named ${provider.id}`);
    providers.set(provider.id, provider);
  }
  if (providers.size === 0) throw new TypeError("createPaymentBridge: at least one provider is required");
  const scheduler = options.scheduler ?? asyncScheduler;
  const now = () => scheduler.now();
  const newId = options.newId ?? randomOrderNumber;
  const pollIntervalMs = options.pollIntervalMs ?? 3_000;
  const reverseBudgetMs = options.reverseBudgetMs ?? 60_000;
  const changes$ = new Subject<PaymentAttempt>();
  const running = new Map<string, Promise<void>>();
  const wakers = new Map<string, () => void>();
  let closed = false;
  let db: AttemptDb | undefined;

  const database = (): AttemptDb => {
    if (closed) throw new Error("payment bridge: used after close()");
    db ??= openAttemptDb(options.dbName, options);
    return db;
  };

  const budgetFor = (provider: PaymentProvider) =>
    typeof options.budgetMs === "number"
      ? options.budgetMs
      : (options.budgetMs?.[provider.id] ?? provider.capabilities.budgetMs);

  async function load(attemptId: string): Promise<PaymentAttempt | undefined> {
    if (closed) return undefined;
    return readAttemptRow(await database().attempts.get(attemptId));
  }

  async function update(attemptId: string, change: (attempt: PaymentAttempt) => PaymentAttempt) {
    if (closed) return undefined;
    const store = database();
    const next = await store.transaction("rw", store.attempts, async () => {
      const row = readAttemptRow(await store.attempts.get(attemptId));
      if (!row) return undefined;
      const changed = change(row);
      await store.attempts.put(changed);
      return changed;
    });
    if (next && !closed) changes$.next(next);
    return next;
  }

  function wait(attemptId: string, ms: number): Promise<void> {
    return new Promise((resolve) => {
      const wake = () => {
        wakers.delete(attemptId);
        timer.unsubscribe();
        resolve();
      };
      const timer = scheduler.schedule(wake, Math.max(0, ms));
      wakers.set(attemptId, wake);
    });
  }

  /** Drives the attempt unless it is already being driven; the promise settles when driving stops. */
  function launch(attemptId: string, queryFirst = false): Promise<void> {
    const existing = running.get(attemptId);
    if (existing) return existing;
    const run = (async () => {
      const attempt = await load(attemptId);
      const provider = attempt && providers.get(attempt.providerId);
      if (!provider) return;
      const context: DriveContext = {
        provider,
        pollIntervalMs,
        budgetMs: budgetFor(provider),
        reverseBudgetMs,
        now,
        closed: () => closed,
        load,
        update,
        wait,
      };
      await driveAttempt(context, attemptId, queryFirst);
    })()
      // Storage trouble (or close() mid-write) stops driving; the stored row is what recover() resumes from.
      .catch(() => undefined)
      .finally(() => running.delete(attemptId));
    running.set(attemptId, run);
    return run;
  }

  async function attemptsOfSale(saleId: string): Promise<PaymentAttempt[]> {
    const rows = await database().attempts.where("saleId").equals(saleId).toArray();
    return rows.flatMap((row) => readAttemptRow(row) ?? []);
  }

  async function create(tender: Tender): Promise<Result<PaymentAttempt, BridgeError>> {
    const provider = providers.get(tender.providerId);
    if (!provider) return bridgeError("PROVIDER_UNSUPPORTED", `no provider ${JSON.stringify(tender.providerId)}`);
    const attempt = newAttempt(tender, provider, {
      attemptId: newId(),
      nowMs: now(),
      subject: options.subject ?? "ScanGate sale",
      limits: options.limits,
    });
    if (!attempt.ok) return attempt;
    const store = database();
    try {
      // One rw transaction: IndexedDB serialises it against any other (this tab or another), so two clicks on
      // "pay" cannot both find the sale free.
      return await store.transaction("rw", store.attempts, async () => {
        const admitted = admitToSale(await attemptsOfSale(tender.saleId), attempt.value);
        if (!admitted.ok) return admitted;
        await store.attempts.add(attempt.value);
        return attempt;
      });
    } catch (error) {
      return storageFailed(error);
    }
  }

  const refunds = createRefunds({ providers, newId, now, load, update, closed: () => closed });

  return {
    classify: classifyPaymentCode,

    start(tender) {
      if (closed) throw new Error("payment bridge: start() after close()");
      return new Observable<AttemptUpdate>((subscriber) => {
        let attemptId: string | undefined;
        const changes = changes$.subscribe({
          next: (attempt) => {
            if (attempt.attemptId === attemptId) subscriber.next(ok(attempt));
          },
          complete: () => subscriber.complete(),
        });
        create(tender)
          .catch(storageFailed)
          .then((created) => {
            if (!created.ok) {
              subscriber.next(created);
              subscriber.complete();
              return;
            }
            attemptId = created.value.attemptId;
            subscriber.next(created);
            launch(attemptId).then(() => subscriber.complete());
          });
        return () => changes.unsubscribe();
      });
    },

    watch(attemptId) {
      return new Observable<PaymentAttempt>((subscriber) => {
        // A change stored while the first read is in flight is newer than that read: then the read is not emitted.
        let changed = false;
        const changes = changes$.subscribe({
          next: (attempt) => {
            if (attempt.attemptId !== attemptId) return;
            changed = true;
            subscriber.next(attempt);
          },
          complete: () => subscriber.complete(),
        });
        load(attemptId).then(
          (attempt) => {
            if (attempt && !changed) subscriber.next(attempt);
            const run = running.get(attemptId);
            if (run) run.then(() => subscriber.complete());
            else subscriber.complete();
          },
          () => subscriber.complete(),
        );
        return () => changes.unsubscribe();
      });
    },

    async cancel(attemptId) {
      try {
        const attempt = await load(attemptId);
        if (!attempt) return bridgeError("ATTEMPT_NOT_FOUND", `no attempt ${attemptId}`, { attemptId });
        if (isResolved(attempt.state) || attempt.state === "REFUNDING")
          return bridgeError("INVALID_STATE", `attempt ${attemptId} is ${attempt.state}; refund it instead`, {
            attemptId,
          });
        const cancelled = await update(attemptId, (row) => ({ ...row, cancelRequested: true }));
        if (!cancelled) return bridgeError("ATTEMPT_NOT_FOUND", `no attempt ${attemptId}`, { attemptId });
        wakers.get(attemptId)?.();
        void launch(attemptId);
        return ok(cancelled);
      } catch (error) {
        return storageFailed(error);
      }
    },

    refund: (attemptId, amount, reason) => refunds.refund(attemptId, amount, reason).catch(storageFailed),

    async recover() {
      try {
        const rows = await database().attempts.where("state").anyOf(UNRESOLVED_STATES).toArray();
        const attempts = rows.flatMap((row) => readAttemptRow(row) ?? []);
        await Promise.all(
          attempts.map(async (attempt) => {
            if (attempt.state === "REFUNDING") return refunds.resume(attempt.attemptId);
            if (attempt.state === "REVERSING")
              await update(attempt.attemptId, (row) => ({ ...row, reverseDeadlineAtMs: now() + reverseBudgetMs }));
            return launch(attempt.attemptId, true);
          }),
        );
        const after = await Promise.all(attempts.map((attempt) => load(attempt.attemptId)));
        return ok(after.flatMap((attempt) => attempt ?? []));
      } catch (error) {
        return storageFailed(error);
      }
    },

    async queryByOrderNumber(outTradeNo, providerId) {
      try {
        const attempt = await load(outTradeNo);
        const id = attempt?.providerId ?? providerId ?? (providers.size === 1 ? [...providers.keys()][0] : undefined);
        const provider = id === undefined ? undefined : providers.get(id);
        if (!provider)
          return bridgeError("PROVIDER_UNSUPPORTED", `which provider holds ${outTradeNo}? pass providerId`);
        const status = await provider.query(outTradeNo);
        if (!status.ok) return bridgeError("PROVIDER_ERROR", status.error.message, { cause: status.error });
        return ok({ status: status.value, ...(attempt ? { attempt } : {}) });
      } catch (error) {
        return storageFailed(error);
      }
    },

    async sale(saleId) {
      try {
        return ok(summarizeSale(saleId, await attemptsOfSale(saleId)));
      } catch (error) {
        return storageFailed(error);
      }
    },

    async close() {
      if (closed) return;
      closed = true;
      for (const wake of [...wakers.values()]) wake();
      changes$.complete();
      db?.close();
    },
  };
}
