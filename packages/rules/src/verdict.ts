// What evaluate() answers: the till's action and every reason behind it, each naming the notice, policy or feed
// state that caused it, so a cashier can read why and a producer can be told.
import type { RuleNotice } from "./schemas.js";

/** What the till does with a scan. Order of severity: block > warn > allow. */
export type TillAction = "allow" | "warn" | "block";

/** Severity rank of an action, for "most severe wins". */
export const ACTION_RANK: Readonly<Record<TillAction, number>> = { allow: 0, warn: 1, block: 2 };

/** A notice matched the scan, or could not be decided (the scan lacks the attribute the notice is scoped by). */
export interface NoticeReason {
  readonly source: "notice";
  /** NOTICE_MATCH: the scan is named; ATTRIBUTE_UNKNOWN: the GTIN is named and the scan lacks `missing`. */
  readonly code: "NOTICE_MATCH" | "ATTRIBUTE_UNKNOWN";
  readonly action: TillAction;
  readonly noticeId: string;
  readonly noticeVersion: number;
  readonly kind: RuleNotice["kind"];
  readonly severity: RuleNotice["severity"];
  /** The notice's reasons with their texts per language. */
  readonly texts: RuleNotice["reasons"];
  readonly customerMessage: RuleNotice["action"]["customerMessage"];
  readonly staffInstruction: RuleNotice["action"]["staffInstruction"];
  readonly override: RuleNotice["action"]["override"];
}

/** A store-policy date rule fired. */
export interface PolicyReason {
  readonly source: "policy";
  /** EXPIRED: AI 17/7003; PAST_SELL_BY: AI 16; PAST_BEST_BEFORE: AI 15; NEAR_EXPIRY: a markdown applies. */
  readonly code: "EXPIRED" | "PAST_SELL_BY" | "PAST_BEST_BEFORE" | "NEAR_EXPIRY";
  readonly action: TillAction;
  /** The AI whose printed date decided it. */
  readonly ai: "15" | "16" | "17" | "7003";
  /** The printed date, "YYYY-MM-DD". */
  readonly date: string;
  /** Whole days from `today` to `date` (negative once past). */
  readonly daysLeft: number;
  /** The policy category whose rule applied, when the till named one. */
  readonly category: string | undefined;
}

/** The feed is older than the store's staleness policy allows. */
export interface FeedReason {
  readonly source: "feed";
  /** FEED_STALE: informational (action allow); FEED_VERY_STALE: the policy's `veryStaleAction`. */
  readonly code: "FEED_STALE" | "FEED_VERY_STALE";
  readonly action: TillAction;
  readonly feedAgeMs: number;
  /** The threshold it passed, ms. */
  readonly thresholdMs: number;
}

/** Why a verdict is what it is. */
export type Reason = NoticeReason | PolicyReason | FeedReason;

/** A near-expiry markdown the till should apply: a percentage off, or a fixed price in minor units. */
export type Markdown = {
  readonly reasonCode: string;
  readonly ai: "15" | "16" | "17" | "7003";
  readonly daysLeft: number;
} & ({ readonly percentOff: number } | { readonly priceMinor: number; readonly currency: string });

/** evaluate()'s answer. `action` is the most severe of `reasons` (allow when there are none). */
export interface Verdict {
  readonly action: TillAction;
  /** Most severe first; among notices of equal action, higher normalised severity first. */
  readonly reasons: readonly Reason[];
  readonly markdown?: Markdown;
  /** The feed version the verdict was made with, when the caller passed it. */
  readonly feedVersion?: number;
  /** The feed's age when the verdict was made, ms, when the caller passed it. */
  readonly feedAgeMs?: number;
}
