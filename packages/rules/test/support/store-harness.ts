// Opens stores the way a till does, on fake-indexeddb (injected, never global) with a fixed clock, and reads
// verdicts for a scan the way a till would.
import { parse } from "@scangate/gs1";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { asyncScheduler, filter, firstValueFrom, type Observable, type SchedulerLike } from "rxjs";
import type { TrustedKey } from "../../src/feed/manifest-schema.js";
import {
  createRuleStore,
  type RuleStore,
  type RuleStoreOptions,
  type RuleStoreStatus,
} from "../../src/store/create-rule-store.js";
import { T0 } from "./feed-fixture.js";

let dbCounter = 0;
/** A database name no other test uses (fake-indexeddb is shared by the whole test file). */
export function freshDbName(): string {
  dbCounter += 1;
  return `rules-test-${dbCounter}-${Math.random().toString(36).slice(2)}`;
}

/** A scheduler whose clock reads `clock.nowMs`; timers run on real time. */
export function fixedClock(clock: { nowMs: number }): SchedulerLike {
  return {
    now: () => clock.nowMs,
    schedule: asyncScheduler.schedule.bind(asyncScheduler) as SchedulerLike["schedule"],
  };
}

/** A store on fake-indexeddb, one hour after the feed was published, with quick timeouts and no retries. */
export function openTestStore(
  feedUrl: string,
  dbName: string,
  keys: readonly TrustedKey[],
  overrides: Partial<RuleStoreOptions> & { clock?: { nowMs: number } } = {},
): RuleStore {
  const { clock = { nowMs: T0 + 3_600_000 }, ...rest } = overrides;
  return createRuleStore({
    feedUrl,
    dbName,
    keys,
    indexedDB,
    IDBKeyRange,
    scheduler: fixedClock(clock),
    timeoutMs: 1_000,
    retryLimit: 0,
    ...rest,
  });
}

/** The action a till takes for `hri` (a bracketed element string), or the store's error code. */
export function actionFor(store: RuleStore, hri: string): string {
  const data = parse(hri);
  if (!data.ok) throw new Error(`bad test scan ${hri}`);
  const verdict = store.verdict(data.value, { today: "2026-11-29" });
  return verdict.ok ? verdict.value.action : verdict.error.code;
}

/** Waits for the first status matching `predicate`. */
export function statusWhere(
  status$: Observable<RuleStoreStatus>,
  predicate: (status: RuleStoreStatus) => boolean,
): Promise<RuleStoreStatus> {
  return firstValueFrom(status$.pipe(filter(predicate)));
}
