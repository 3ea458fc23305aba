// The till's rule cache: serves verdicts from IndexedDB from the first second, and keeps it current from the
// signed feed in the background. Lifetime follows subscription (STYLE.md): the first subscriber to `status$`
// opens the database and starts syncing every `syncIntervalMs`; the last unsubscribe stops the timer and closes
// it. `sync()` holds the database open only for its own duration.
import { asyncScheduler, BehaviorSubject, Observable, type SchedulerLike, type Subscription, timer } from "rxjs";
import { detectEd25519Verifier, type Ed25519Verifier } from "../feed/ed25519-verifier.js";
import { type TrustedKey, TrustedKeySchema } from "../feed/manifest-schema.js";
import { readCachedRules } from "./cached-rules.js";
import { createFeedHttp } from "./feed-http.js";
import { type HeldRules, holdChangedRules, holdRules, type VerdictFor, verdictWith } from "./held-rules.js";
import { type IndexedDbBinding, openRuleDb, type RuleDb } from "./rule-db.js";
import { type StoreError, type StoreFailure, storeError } from "./store-errors.js";
import { guardStorage, runSync, type SyncOutcome, type SyncProgress, type SyncResult } from "./sync-run.js";

/** Options of `createRuleStore`. */
export interface RuleStoreOptions extends IndexedDbBinding {
  /** URL of the feed folder holding `manifest.json`, e.g. `https://cdn.example/feed/`. */
  readonly feedUrl: string;
  /** Public keys the till trusts; the manifest must be signed by one of them. */
  readonly keys: readonly TrustedKey[];
  /** IndexedDB database name; one per feed. Reopening the same name after a reload finds the cached rules. */
  readonly dbName: string;
  /** The fetch ky calls. @default globalThis.fetch */
  readonly fetch?: typeof globalThis.fetch;
  /** Runs the sync timer and is the clock (`scheduler.now()`, epoch ms). @default rxjs asyncScheduler */
  readonly scheduler?: SchedulerLike;
  /** Time between background syncs while `status$` is subscribed, in ms. @default 900_000 (15 minutes) */
  readonly syncIntervalMs?: number;
  /** Time between re-emissions of the status while `status$` is subscribed, so `ageMs` and `expired` stay current
   * for a banner even when nothing syncs (offline), in ms. @default 60_000 */
  readonly statusRefreshMs?: number;
  /** Timeout of each HTTP attempt, in ms. @default 10_000 */
  readonly timeoutMs?: number;
  /** Retries of a failed GET within one sync (ky's back-off between them). @default 2 */
  readonly retryLimit?: number;
  /** The Ed25519 implementation. @default WebCrypto when it supports Ed25519, else @noble/ed25519 */
  readonly verifier?: Ed25519Verifier;
}

/** What the store reports over time. */
export interface RuleStoreStatus {
  /** `true` once the cached rules have been read from IndexedDB (before any network call). */
  readonly loaded: boolean;
  /** A sync is running. */
  readonly syncing: boolean;
  /** The feed version being served; absent when no verified rules are held. */
  readonly version?: number;
  /** Epoch ms of the last successful sync (a new version committed, or the held one confirmed current). */
  readonly lastSyncAtMs?: number;
  /** Age of the served rules at the time of this status: now − `lastSyncAtMs`, in ms. */
  readonly ageMs?: number;
  /** The held manifest's `expiresAt` (ISO 8601). */
  readonly expiresAt?: string;
  /** The held manifest is past `expiresAt`: rules are still served, but the till should show a staleness banner. */
  readonly expired: boolean;
  /** Why the last sync failed; cleared by the next successful one. The served rules are unchanged. */
  readonly lastError?: StoreError;
  /** Download progress of the file being fetched, while a sync downloads. */
  readonly progress?: SyncProgress;
}

/** The rule cache of one till. */
export interface RuleStore {
  /**
   * The store's status; subscribing opens the store and starts background sync, the last unsubscribe closes it.
   * Replays the current status to each new subscriber; never errors (failures are in `lastError`).
   */
  readonly status$: Observable<RuleStoreStatus>;
  /** Syncs now (or joins the sync already running). A refused feed or a network failure keeps the old rules. */
  sync(): Promise<{ ok: true; value: RuleStoreStatus } | { ok: false; error: StoreError }>;
  /** Evaluates a scan against the rules held; NO_RULES while none are loaded (the till must not gate). */
  readonly verdict: VerdictFor;
}

const INITIAL: RuleStoreStatus = { loaded: false, syncing: false, expired: false };

/**
 * Creates the rule cache. Nothing is opened or fetched until `status$` is subscribed or `sync()` is called.
 * @throws TypeError when `feedUrl`, `dbName` or `keys` is missing or a key is not a `TrustedKey` (configuration,
 *   not feed input).
 * @example
 * const store = createRuleStore({ feedUrl: "https://cdn.example/feed/", keys: [trustedKey], dbName: "rules" });
 * const subscription = store.status$.subscribe((status) => showFeedBanner(status));
 * const result = store.verdict(parsed, { today: "2026-11-29" });
 * if (result.ok && result.value.action === "block") refuseLine(result.value.reasons);
 */
export function createRuleStore(options: RuleStoreOptions): RuleStore {
  if (typeof options.feedUrl !== "string" || typeof options.dbName !== "string" || !Array.isArray(options.keys))
    throw new TypeError("createRuleStore needs { feedUrl: string, dbName: string, keys: TrustedKey[] }");
  // Checked here, not at the first sync: a mistyped key is the integrator's bug and must not surface later as a
  // rejection inside the background timer.
  for (const key of options.keys)
    if (!TrustedKeySchema.safeParse(key).success)
      throw new TypeError(`createRuleStore: ${JSON.stringify(key)} is not { keyId, publicKey: 43 base64url chars }`);
  const scheduler = options.scheduler ?? asyncScheduler;
  const nowMs = () => scheduler.now();
  const syncIntervalMs = options.syncIntervalMs ?? 900_000;
  const statusRefreshMs = options.statusRefreshMs ?? 60_000;
  const http = createFeedHttp({
    feedUrl: options.feedUrl,
    timeoutMs: options.timeoutMs ?? 10_000,
    retryLimit: options.retryLimit ?? 2,
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  let verifier: Promise<Ed25519Verifier> | undefined;
  const getVerifier = () => {
    verifier ??= options.verifier ? Promise.resolve(options.verifier) : detectEd25519Verifier();
    return verifier;
  };

  const status = new BehaviorSubject<RuleStoreStatus>(INITIAL);
  const update = (change: Partial<RuleStoreStatus>) => status.next(withAge({ ...status.value, ...change }, nowMs()));

  interface Session {
    readonly db: RuleDb;
    loaded: Promise<void>;
    rules?: HeldRules;
    watchers: number;
    timer?: Subscription | undefined;
    syncing?: Promise<{ ok: true; value: RuleStoreStatus } | { ok: false; error: StoreError }> | undefined;
  }
  let session: Session | undefined;
  let users = 0;

  function acquire(): Session {
    users++;
    if (session) return session;
    const opened: Session = { db: openRuleDb(options.dbName, options), loaded: Promise.resolve(), watchers: 0 };
    session = opened;
    opened.loaded = load(opened);
    return opened;
  }

  /** Reads the cache before any network call, so the till gates offline from the first second. */
  async function load(opened: Session): Promise<void> {
    const { db } = opened;
    const read = await guardStorage(() => readCachedRules(db));
    if (session !== opened) return;
    const cached = read.ok ? read.value : read;
    if (!cached.ok) return update({ loaded: true, lastError: cached.error });
    if (cached.value) {
      opened.rules = holdRules(cached.value.notices, cached.value.state);
      update({ loaded: true, ...feedFields(cached.value.state, nowMs()) });
    } else update({ loaded: true });
  }

  function release(): void {
    if (--users > 0 || !session) return;
    session.db.close();
    session = undefined;
    status.next(INITIAL);
  }

  function syncOnce(current: Session) {
    current.syncing ??= (async () => {
      await current.loaded;
      update({ syncing: true });
      let result: SyncResult;
      try {
        result = await runSync({
          db: current.db,
          http,
          keys: options.keys,
          verifier: await getVerifier(),
          nowMs,
          held: current.rules,
          onProgress: (progress) => session === current && update({ progress }),
        });
      } finally {
        // Cleared even if a bug throws, so the next sync is not stuck joining a dead one.
        current.syncing = undefined;
      }
      if (session !== current) return storeError("STORAGE_FAILED", "the store was closed during the sync");
      const { progress: _finished, lastError: _cleared, ...rest } = status.value;
      if (!result.ok) {
        status.next(withAge({ ...rest, syncing: false, lastError: result.error }, nowMs()));
        return result;
      }
      if (result.value.kind === "updated") current.rules = heldAfter(current.rules, result.value);
      else if (current.rules) current.rules = { ...current.rules, state: result.value.state };
      status.next(withAge({ ...rest, syncing: false, ...feedFields(result.value.state, nowMs()) }, nowMs()));
      return { ok: true as const, value: status.value };
    })();
    return current.syncing;
  }

  const status$ = new Observable<RuleStoreStatus>((subscriber) => {
    const current = acquire();
    const statusSubscription = status.subscribe(subscriber);
    // One background timer per open store, however many watchers: each would otherwise add its own requests.
    current.watchers++;
    if (current.timer === undefined) {
      current.timer = timer(0, syncIntervalMs, scheduler).subscribe(() => void syncOnce(current));
      current.timer.add(
        timer(statusRefreshMs, statusRefreshMs, scheduler).subscribe(() => session === current && update({})),
      );
    }
    return () => {
      statusSubscription.unsubscribe();
      if (--current.watchers === 0) {
        current.timer?.unsubscribe();
        current.timer = undefined;
      }
      release();
    };
  });

  return {
    status$,
    async sync() {
      const current = acquire();
      try {
        return await syncOnce(current);
      } finally {
        release();
      }
    },
    verdict(data, context) {
      const rules = session?.rules;
      if (!rules)
        return storeError("NO_RULES", "no verified rules are loaded yet") as { ok: false; error: StoreFailure };
      return { ok: true, value: verdictWith(rules, data, context, nowMs()) };
    },
  };
}

/** The rules to serve after a commit: the index updated for a delta's changes, or rebuilt after a snapshot. */
function heldAfter(held: HeldRules | undefined, outcome: Extract<SyncOutcome, { kind: "updated" }>): HeldRules {
  return held && outcome.changes
    ? holdChangedRules(held, outcome.notices, outcome.changes, outcome.state)
    : holdRules(outcome.notices, outcome.state);
}

function feedFields(state: { version: number; syncedAtMs: number; expiresAt: string }, now: number) {
  return {
    version: state.version,
    lastSyncAtMs: state.syncedAtMs,
    expiresAt: state.expiresAt,
    expired: Date.parse(state.expiresAt) <= now,
  };
}

/** The status with `ageMs` and `expired` as of `now`. */
function withAge(status: RuleStoreStatus, now: number): RuleStoreStatus {
  const { ageMs: _old, ...rest } = status;
  const expired = rest.expiresAt !== undefined && Date.parse(rest.expiresAt) <= now;
  return rest.lastSyncAtMs === undefined ? { ...rest, expired } : { ...rest, expired, ageMs: now - rest.lastSyncAtMs };
}
