// The options of createSalesOutbox, their defaults, and the checks that catch a misconfigured till at start-up
// rather than at the first sale.
import { isValidGtin } from "@scangate/gs1";
import type { SchedulerLike } from "rxjs";
import { type CompanyPrefixLengths, checkCompanyPrefixLengths } from "./company-prefix.js";
import { checkTimeZone } from "./event-time.js";
import type { OutboxStorage } from "./outbox-db.js";
import type { ProducerRoute } from "./routing.js";
import type { RetryPolicy } from "./uploader.js";

/** Something that fires `online` events: `window` in a browser. */
export interface OnlineEventTarget {
  addEventListener(type: "online", listener: () => void): void;
  removeEventListener(type: "online", listener: () => void): void;
}

/** Options of `createSalesOutbox`. */
export interface SalesOutboxOptions extends OutboxStorage {
  /** IndexedDB database name; reopening it after a reload or a crash finds every pending event. */
  readonly dbName: string;
  /** Base URL of the default EPCIS 2.0 capture interface (the hub); batches go to `<endpoint>/capture`. */
  readonly endpoint: string;
  /** Bearer token of this store at `endpoint` (the hub's store capture token). */
  readonly token: string;
  /** The store's GLN, 13 digits: `bizLocation` of every event. */
  readonly storeGln: string;
  /** The store's IANA time zone, for `eventTimeZoneOffset`. @default "Asia/Shanghai" */
  readonly timeZone?: string;
  /** The till inside the store, as an SGLN extension / AI (254): `readPoint`. @default the store GLN itself */
  readonly tillExtension?: string;
  /** GS1 Company Prefix lengths; when set, identifiers they cover are written as EPC URNs. @default Digital Link */
  readonly companyPrefixLengths?: CompanyPrefixLengths;
  /** Producers who take their sales directly: events of their GTINs go to their endpoint. @default [] */
  readonly producers?: readonly ProducerRoute[];
  /** Events per capture document (the hub takes up to 10,000; per-request cost dominates below a few hundred). @default 500 */
  readonly batchSize?: number;
  /** Batches of one route posted at a time (the next is read and sent while the receiver commits one). @default 2 */
  readonly concurrency?: number;
  /** Timeout of one POST, in ms. @default 10_000 */
  readonly timeoutMs?: number;
  /** First back-off ceiling, in ms; doubles per failure in a row (full jitter below it). @default 1_000 */
  readonly backoffBaseMs?: number;
  /** Largest back-off ceiling, in ms. @default 300_000 (5 minutes) */
  readonly backoffMaxMs?: number;
  /** Longest `Retry-After` honoured, in ms (a longer one is cut to this). @default 3_600_000 (1 hour) */
  readonly maxRetryAfterMs?: number;
  /** Network failures in a row (unreachable, timeout) that open the breaker. @default 5 */
  readonly breakerThreshold?: number;
  /** Wait while the breaker is open, in ms, before one probe batch; an `online` event probes at once. @default 60_000 */
  readonly breakerCooldownMs?: number;
  /** Runs the back-off timers and is the clock (`scheduler.now()`, epoch ms). @default rxjs asyncScheduler */
  readonly scheduler?: SchedulerLike;
  /** Source of jitter, in [0, 1). @default Math.random */
  readonly random?: () => number;
  /** The fetch ky calls. @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch;
  /** Fires `online` (pass `window`): every route retries at once. @default none */
  readonly onlineEvents?: OnlineEventTarget;
  /**
   * Allow an in-memory IndexedDB (fake-indexeddb). Refused by default: sales recorded there die with the process.
   * Tests and demos set it. @default false
   */
  readonly acceptVolatileStorage?: boolean;
}

/** The options with every default filled in. */
export type ResolvedOutboxOptions = SalesOutboxOptions &
  RetryPolicy & { readonly timeZone: string; readonly timeoutMs: number };

const positive = (value: number, name: string) => {
  if (!Number.isFinite(value) || value <= 0)
    throw new TypeError(`createSalesOutbox: ${name} must be a positive number`);
  return value;
};

/** Fills defaults and checks the configuration; throws TypeError for a configuration bug. */
export function resolveOptions(options: SalesOutboxOptions): ResolvedOutboxOptions {
  if (typeof options.dbName !== "string" || typeof options.endpoint !== "string" || typeof options.token !== "string")
    throw new TypeError("createSalesOutbox needs { dbName: string, endpoint: string, token: string, storeGln }");
  if (!/^\d{13}$/.test(options.storeGln) || !isValidGtin(options.storeGln))
    throw new TypeError(
      `createSalesOutbox: storeGln "${options.storeGln}" is not a 13-digit GLN with a valid check digit`,
    );
  if (options.tillExtension !== undefined && !/^[!"%-?A-Z_a-z]{1,20}$/.test(options.tillExtension))
    throw new TypeError("createSalesOutbox: tillExtension must be 1–20 characters of GS1 CSET 82");
  const timeZone = options.timeZone ?? "Asia/Shanghai";
  checkTimeZone(timeZone);
  if (options.companyPrefixLengths) checkCompanyPrefixLengths(options.companyPrefixLengths);
  checkStorage(options);
  return {
    ...options,
    timeZone,
    batchSize: Math.floor(positive(options.batchSize ?? 500, "batchSize")),
    concurrency: Math.floor(positive(options.concurrency ?? 2, "concurrency")),
    timeoutMs: positive(options.timeoutMs ?? 10_000, "timeoutMs"),
    backoffBaseMs: positive(options.backoffBaseMs ?? 1_000, "backoffBaseMs"),
    backoffMaxMs: positive(options.backoffMaxMs ?? 300_000, "backoffMaxMs"),
    maxRetryAfterMs: positive(options.maxRetryAfterMs ?? 3_600_000, "maxRetryAfterMs"),
    breakerThreshold: Math.floor(positive(options.breakerThreshold ?? 5, "breakerThreshold")),
    breakerCooldownMs: positive(options.breakerCooldownMs ?? 60_000, "breakerCooldownMs"),
  };
}

/**
 * A till must not lose sales to an in-memory database without knowing it. fake-indexeddb's factory is recognised
 * by its class name; without any IndexedDB (plain Node) the outbox cannot run at all.
 */
function checkStorage(options: SalesOutboxOptions): void {
  const factory = options.indexedDB ?? (globalThis as { indexedDB?: IDBFactory }).indexedDB;
  if (!factory)
    throw new TypeError(
      "createSalesOutbox: no IndexedDB here. In Node pass { indexedDB, IDBKeyRange } of a durable implementation (see docs/node.md)",
    );
  if (factory.constructor?.name === "FDBFactory" && options.acceptVolatileStorage !== true)
    throw new TypeError(
      "createSalesOutbox: this IndexedDB is fake-indexeddb, which keeps sales in memory only: pass acceptVolatileStorage: true for tests, or durable storage for a till (docs/node.md)",
    );
}
