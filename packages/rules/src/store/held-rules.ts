// The rules a store serves between syncs: the committed notices, their index and the feed state they came from.
// Rebuilt only from what IndexedDB holds or has just committed, so a verdict never sees a half-applied update.
import type { Gs1Data } from "@scangate/gs1";
import { type EvaluateContext, evaluate, type Verdict } from "../evaluate.js";
import { buildIndex, type RuleIndex } from "../rule-index.js";
import type { CachedFeedState, CachedNotice } from "./rule-db.js";
import type { StoreFailure } from "./store-errors.js";

/** What the till passes per scan (`today`, policy, region, store, category); the store adds the index, its clock's
 * `nowMs`, and the feed's version and age (time since the last successful sync), so the staleness policy applies. */
export type VerdictContext = Omit<EvaluateContext, "index" | "nowMs" | "feedVersion" | "feedAgeMs">;

/** `RuleStore.verdict`: a verdict, or NO_RULES while the store holds no verified rules. */
export type VerdictFor = (
  data: Gs1Data,
  context: VerdictContext,
) => { ok: true; value: Verdict } | { ok: false; error: StoreFailure };

/** Rules held in memory. */
export interface HeldRules {
  readonly state: CachedFeedState;
  readonly notices: readonly CachedNotice[];
  readonly index: RuleIndex;
}

/** Indexes committed notices for verdicts. */
export function holdRules(notices: readonly CachedNotice[], state: CachedFeedState): HeldRules {
  return { state, notices, index: buildIndex(notices) };
}

/** Evaluates a scan against held rules, stamping the feed version and its age at `nowMs`. */
export function verdictWith(rules: HeldRules, data: Gs1Data, context: VerdictContext, nowMs: number): Verdict {
  return evaluate(data, {
    ...context,
    index: rules.index,
    nowMs,
    feedVersion: rules.state.version,
    feedAgeMs: nowMs - rules.state.syncedAtMs,
  });
}
