// What a cashier reads for each verdict reason, in the till's language. Kept out of the core entry (STYLE.md:
// texts stay out of the core bundle): a till imports `@scangate/rules/locale` once, where it renders verdicts.
// Notice reasons carry the authority's own texts per language; policy and feed reasons are generated here.
import type { FeedReason, PolicyReason, Reason } from "../verdict.js";

/** The languages ScanGate writes texts in. Notices may carry more; their texts are picked by `pickText`. */
export type ReasonLocale = "zh-CN" | "en";

/** A notice's text per language (BCP 47 tag → text), as in the rule model. */
export type LocalizedText = Readonly<Record<string, string>>;

/**
 * The best text for `locale`: the exact tag, then its language (`zh` for `zh-CN`), then any tag of that language,
 * then English, then the first text there is. `undefined` only when `text` is absent or empty.
 */
export function pickText(text: LocalizedText | undefined, locale: string): string | undefined {
  if (text === undefined) return undefined;
  const language = locale.split("-")[0] ?? locale;
  const tags = Object.keys(text);
  const tag =
    tags.find((candidate) => candidate === locale) ??
    tags.find((candidate) => candidate === language) ??
    tags.find((candidate) => candidate.split("-")[0] === language) ??
    tags.find((candidate) => candidate === "en" || candidate.startsWith("en-")) ??
    tags[0];
  return tag === undefined ? undefined : text[tag];
}

const DATE_NAMES: Readonly<Record<PolicyReason["ai"], Record<ReasonLocale, string>>> = {
  "17": { "zh-CN": "有效期", en: "expiry date" },
  "7003": { "zh-CN": "有效期（含时间）", en: "expiry date and time" },
  "16": { "zh-CN": "销售截止日期", en: "sell-by date" },
  "15": { "zh-CN": "最佳食用日期", en: "best-before date" },
};

function policyText(reason: PolicyReason, locale: ReasonLocale): string {
  const date = `${DATE_NAMES[reason.ai][locale]} ${reason.date}`;
  const days = Math.abs(reason.daysLeft);
  if (locale === "zh-CN")
    switch (reason.code) {
      case "EXPIRED":
        return `已过期：${date}，已过 ${days} 天`;
      case "PAST_SELL_BY":
        return `已过销售截止日期：${date}`;
      case "PAST_BEST_BEFORE":
        return `已过最佳食用日期：${date}`;
      case "NEAR_EXPIRY":
        return `临期商品：${date}，还剩 ${days} 天`;
    }
  switch (reason.code) {
    case "EXPIRED":
      return `Expired: ${date}, ${days} ${days === 1 ? "day" : "days"} ago`;
    case "PAST_SELL_BY":
      return `Past its ${date}`;
    case "PAST_BEST_BEFORE":
      return `Past its ${date}`;
    case "NEAR_EXPIRY":
      return `Near expiry: ${date}, ${days} ${days === 1 ? "day" : "days"} left`;
  }
}

function feedText(reason: FeedReason, locale: ReasonLocale): string {
  const hours = Math.floor(reason.feedAgeMs / 3_600_000);
  if (locale === "zh-CN")
    return reason.code === "FEED_VERY_STALE"
      ? `召回规则已 ${hours} 小时未更新，请联网同步后再售`
      : `召回规则已 ${hours} 小时未更新`;
  return reason.code === "FEED_VERY_STALE"
    ? `Recall rules not updated for ${hours} hours: sync before selling`
    : `Recall rules not updated for ${hours} hours`;
}

const NOTICE_FALLBACK: Readonly<Record<ReasonLocale, string>> = {
  "zh-CN": "该商品有召回或抽检不合格通告",
  en: "This product is named in a recall or inspection notice",
};

const ATTRIBUTE_UNKNOWN: Readonly<Record<ReasonLocale, string>> = {
  "zh-CN": "请扫描包装上的二维码以核对批次",
  en: "Scan the 2D code on the pack to check the batch",
};

/**
 * One line for the cashier saying why: a notice's own reason text (with, when the scan lacked the batch, serial or
 * date the notice is scoped by, a request to scan the 2D code), or the policy or feed rule that fired.
 * @example
 * verdict.reasons.map((reason) => reasonText(reason, "zh-CN")); // ["已过期：有效期 2026-11-28，已过 1 天"]
 */
export function reasonText(reason: Reason, locale: ReasonLocale): string {
  switch (reason.source) {
    case "policy":
      return policyText(reason, locale);
    case "feed":
      return feedText(reason, locale);
    case "notice": {
      const texts = reason.texts.flatMap((entry) => pickText(entry.text, locale) ?? []);
      const text = texts.length > 0 ? texts.join("; ") : NOTICE_FALLBACK[locale];
      return reason.code === "ATTRIBUTE_UNKNOWN" ? `${text} — ${ATTRIBUTE_UNKNOWN[locale]}` : text;
    }
  }
}
