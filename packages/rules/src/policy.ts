// The store's date rules applied to one scan: use-by (AI 17, or 7003's date), sell-by (16), best-before (15) and
// the near-expiry markdown. Pure calendar arithmetic on "YYYY-MM-DD", no Date objects per scan. AI 7003 carries a
// time, but the till knows only the store's date here, so it is judged on its day, like AI 17.
import type { Gs1Data } from "@scangate/gs1";
import type { StorePolicy } from "./policy-schema.js";
import type { Markdown, PolicyReason, Reason } from "./verdict.js";

/** Days since 1970-01-01 for a calendar date "YYYY-MM-DD" (the caller guarantees the shape). */
export function dayNumber(date: string): number {
  const year = Number(date.slice(0, 4));
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return Date.UTC(year, month - 1, day) / 86_400_000;
}

type DateRules = StorePolicy["dates"];
type RuleName = "useBy" | "sellBy" | "bestBefore";

const RULES: readonly { name: RuleName; code: PolicyReason["code"] }[] = [
  { name: "useBy", code: "EXPIRED" },
  { name: "sellBy", code: "PAST_SELL_BY" },
  { name: "bestBefore", code: "PAST_BEST_BEFORE" },
];

/** The printed date a rule reads, and its AI: use-by prefers AI 17, then 7003's date. */
function printedDate(data: Gs1Data, rule: RuleName): { ai: PolicyReason["ai"]; date: string } | undefined {
  if (rule === "useBy") {
    if (data.expiry !== undefined) return { ai: "17", date: data.expiry };
    if (data.expiryTime !== undefined) return { ai: "7003", date: data.expiryTime.slice(0, 10) };
    return undefined;
  }
  if (rule === "sellBy") return data.sellBy === undefined ? undefined : { ai: "16", date: data.sellBy };
  return data.bestBefore === undefined ? undefined : { ai: "15", date: data.bestBefore };
}

/**
 * Appends the policy reasons for a scan's printed dates to `reasons` and returns the markdown, if any.
 * A date is past once `today` is more than `graceDays` after it: the printed day itself still sells.
 * The markdown reads the first printed date (use-by, else sell-by, else best-before) and applies while
 * 0 ≤ days left ≤ `withinDays`.
 */
export function applyDatePolicy(
  data: Gs1Data,
  today: string,
  policy: StorePolicy,
  category: string | undefined,
  reasons: Reason[],
): Markdown | undefined {
  const override = category === undefined ? undefined : policy.categories[category];
  const defaults: DateRules = policy.dates;
  const todayDay = dayNumber(today);
  let markdownFrom: { ai: PolicyReason["ai"]; date: string; daysLeft: number } | undefined;
  for (const { name, code } of RULES) {
    const printed = printedDate(data, name);
    if (printed === undefined) continue;
    const daysLeft = dayNumber(printed.date) - todayDay;
    markdownFrom ??= { ai: printed.ai, date: printed.date, daysLeft };
    const rule = override?.[name] ?? defaults[name];
    if (daysLeft + rule.graceDays < 0 && rule.action !== "allow")
      reasons.push({
        source: "policy",
        code,
        action: rule.action,
        ai: printed.ai,
        date: printed.date,
        daysLeft,
        category,
      });
  }
  const markdown = override?.markdown === null ? undefined : (override?.markdown ?? defaults.markdown);
  if (markdown === undefined || markdownFrom === undefined) return undefined;
  const { ai, date, daysLeft } = markdownFrom;
  if (daysLeft < 0 || daysLeft > markdown.withinDays) return undefined;
  reasons.push({ source: "policy", code: "NEAR_EXPIRY", action: "allow", ai, date, daysLeft, category });
  return "percentOff" in markdown
    ? { reasonCode: markdown.reasonCode, ai, daysLeft, percentOff: markdown.percentOff }
    : { reasonCode: markdown.reasonCode, ai, daysLeft, priceMinor: markdown.priceMinor, currency: markdown.currency };
}
