// The verdict for one scan: notices that name its GTIN, the store's date rules, the feed's age. Synchronous and
// allocation-light, because it runs between the scanner and the screen: one Map lookup, a walk over the few
// notices of that GTIN, and objects only for reasons that fire.
import type { Gs1Data } from "@scangate/gs1";
import { applyDatePolicy } from "./policy.js";
import { DEFAULT_STORE_POLICY, type StorePolicy } from "./policy-schema.js";
import { stalenessReason } from "./policy-staleness.js";
import type { IndexedNotice, RuleIndex } from "./rule-index.js";
import { matchSelector } from "./selectors.js";
import { ACTION_RANK, type Markdown, type Reason, type TillAction, type Verdict } from "./verdict.js";

export type { Verdict } from "./verdict.js";

/** What evaluate() needs besides the scan. */
export interface EvaluateContext {
  /** The store's calendar date "YYYY-MM-DD" (see storeDate): expiry and date-only effective bounds use it. */
  readonly today: string;
  readonly index: RuleIndex;
  /** Epoch ms from the till's clock; when given, effective bounds written as instants are compared exactly,
   * otherwise on their written calendar date. */
  readonly nowMs?: number;
  /** The store's date and staleness rules. @default DEFAULT_STORE_POLICY */
  readonly policy?: StorePolicy;
  /** The store's ISO 3166-2 region, e.g. "CN-ZJ". When absent, region-scoped notices apply (fail safe). */
  readonly region?: string;
  /** The store's GLN. When absent, store-scoped notices apply (fail safe). */
  readonly store?: string;
  /** The product category the policy's per-category rules are looked up by. */
  readonly category?: string;
  /** The version of the feed the index was built from; copied into the verdict. */
  readonly feedVersion?: number;
  /** How old the feed is, ms; copied into the verdict and checked against the staleness policy. */
  readonly feedAgeMs?: number;
}

const SEVERITY_RANK = { critical: 3, high: 2, medium: 1, low: 0 } as const;

function isEffective(entry: IndexedNotice, context: EvaluateContext): boolean {
  const { nowMs, today } = context;
  if (nowMs !== undefined) return entry.from.ms <= nowMs && (entry.until === undefined || nowMs < entry.until.ms);
  return entry.from.date <= today && (entry.until === undefined || today <= entry.until.date);
}

function inScope(values: readonly string[] | undefined, wanted: string | undefined, prefixes: boolean): boolean {
  if (values === undefined || wanted === undefined) return true;
  for (const value of values) if (value === wanted || (prefixes && wanted.startsWith(`${value}-`))) return true;
  return false;
}

/** "match" beats "unknown" across a notice's selectors (OR); undefined when none names the scan. */
function noticeOutcome(entry: IndexedNotice, data: Gs1Data): "match" | "unknown" | undefined {
  let unknown = false;
  for (const selector of entry.selectors) {
    const outcome = matchSelector(selector, data);
    if (outcome === "match") return "match";
    if (outcome === "unknown") unknown = true;
  }
  return unknown ? "unknown" : undefined;
}

function compareReasons(left: Reason, right: Reason): number {
  const byAction = ACTION_RANK[right.action] - ACTION_RANK[left.action];
  if (byAction !== 0) return byAction;
  const leftSeverity = left.source === "notice" ? SEVERITY_RANK[left.severity.normalized] : -1;
  const rightSeverity = right.source === "notice" ? SEVERITY_RANK[right.severity.normalized] : -1;
  return rightSeverity - leftSeverity;
}

function noticeReasons(entries: readonly IndexedNotice[], data: Gs1Data, context: EvaluateContext, reasons: Reason[]) {
  for (const entry of entries) {
    const { notice } = entry;
    if (!isEffective(entry, context)) continue;
    if (!inScope(notice.regions, context.region, true) || !inScope(notice.stores, context.store, false)) continue;
    const outcome = noticeOutcome(entry, data);
    if (outcome === undefined) continue;
    const action = outcome === "match" ? notice.action.atTill : notice.action.ifAttributeUnknown;
    if (action === "allow") continue;
    reasons.push({
      source: "notice",
      code: outcome === "match" ? "NOTICE_MATCH" : "ATTRIBUTE_UNKNOWN",
      action,
      noticeId: notice.id,
      noticeVersion: notice.version,
      kind: notice.kind,
      severity: notice.severity,
      texts: notice.reasons,
      customerMessage: notice.action.customerMessage,
      staffInstruction: notice.action.staffInstruction,
      override: notice.action.override,
    });
  }
}

/**
 * Decides what the till does with a parsed scan. Never throws for any parsed scan; the most severe reason wins.
 * @example
 * const verdict = evaluate(parsed.value, { today: storeDate(clock.now()), index, region: "CN-ZJ" });
 * if (verdict.action === "block") showBlock(verdict.reasons);
 */
export function evaluate(data: Gs1Data, context: EvaluateContext): Verdict {
  const policy = context.policy ?? DEFAULT_STORE_POLICY;
  const reasons: Reason[] = [];
  const entries = data.gtin === undefined ? undefined : context.index.byGtin.get(data.gtin);
  if (entries !== undefined) noticeReasons(entries, data, context, reasons);
  const markdown: Markdown | undefined = applyDatePolicy(data, context.today, policy, context.category, reasons);
  if (context.feedAgeMs !== undefined) {
    const stale = stalenessReason(context.feedAgeMs, policy.staleness, entries !== undefined);
    if (stale !== undefined) reasons.push(stale);
  }
  let action: TillAction = "allow";
  for (const reason of reasons) if (ACTION_RANK[reason.action] > ACTION_RANK[action]) action = reason.action;
  if (reasons.length > 1) reasons.sort(compareReasons);
  const verdict: { -readonly [Key in keyof Verdict]: Verdict[Key] } = { action, reasons };
  if (markdown !== undefined && action !== "block") verdict.markdown = markdown;
  if (context.feedVersion !== undefined) verdict.feedVersion = context.feedVersion;
  if (context.feedAgeMs !== undefined) verdict.feedAgeMs = context.feedAgeMs;
  return verdict;
}
