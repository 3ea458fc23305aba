// The staleness policy (research §6.4): a till offline for long cannot know of recalls published since. A stale
// feed says so in every verdict; a very stale one raises scans the feed names (or all, if the store chooses).
import type { StorePolicy } from "./policy-schema.js";
import type { FeedReason } from "./verdict.js";

/**
 * The feed reason for a feed of `feedAgeMs`, or undefined while it is fresh.
 * @param gtinIsNotified - whether the scanned GTIN has any notice in force in the feed
 */
export function stalenessReason(
  feedAgeMs: number,
  staleness: StorePolicy["staleness"],
  gtinIsNotified: boolean,
): FeedReason | undefined {
  if (feedAgeMs > staleness.veryStaleAfterMs && (gtinIsNotified || staleness.veryStaleAppliesTo === "all_gtins"))
    return {
      source: "feed",
      code: "FEED_VERY_STALE",
      action: staleness.veryStaleAction,
      feedAgeMs,
      thresholdMs: staleness.veryStaleAfterMs,
    };
  if (feedAgeMs > staleness.staleAfterMs)
    return { source: "feed", code: "FEED_STALE", action: "allow", feedAgeMs, thresholdMs: staleness.staleAfterMs };
  return undefined;
}
