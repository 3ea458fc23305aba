// What a cashier reads for each reason, from real verdicts (evaluate on parsed scans, a fixed store date).
import { type Gs1Data, parse } from "@scangate/gs1";
import { describe, expect, it } from "vitest";
import { evaluate } from "../src/evaluate.js";
import { pickText, reasonText } from "../src/locale.js";
import { DEFAULT_STORE_POLICY } from "../src/policy-schema.js";
import { buildIndex } from "../src/rule-index.js";
import type { RuleNotice } from "../src/schemas.js";
import { GTIN, recallNotice } from "./support/notices.js";

const TODAY = "2026-11-29";
const HOUR_MS = 3_600_000;

function scan(text: string): Gs1Data {
  const result = parse(text, { today: TODAY });
  if (!result.ok) throw new Error(`test scan does not parse: ${result.error.code}`);
  return result.value;
}

const inspection: RuleNotice = {
  ...recallNotice("zj-2026-118"),
  kind: "failed_inspection",
  reasons: [{ text: { "zh-CN": "菌落总数超标", en: "Total bacterial count above the limit" } }],
};
const texts = (text: string, notices: RuleNotice[], locale: "zh-CN" | "en", feedAgeMs?: number) =>
  evaluate(scan(text), {
    today: TODAY,
    index: buildIndex(notices),
    policy: DEFAULT_STORE_POLICY,
    ...(feedAgeMs === undefined ? {} : { feedAgeMs }),
  }).reasons.map((reason) => reasonText(reason, locale));

describe("reasonText", () => {
  it("says an expired pack expired, and how long ago, in Chinese and English", () => {
    expect(texts(`(01)${GTIN}(17)261127`, [], "zh-CN")).toEqual(["已过期：有效期 2026-11-27，已过 2 天"]);
    expect(texts(`(01)${GTIN}(17)261128`, [], "en")).toEqual(["Expired: expiry date 2026-11-28, 1 day ago"]);
    expect(texts(`(01)${GTIN}(15)261128`, [], "zh-CN")).toEqual(["已过最佳食用日期：最佳食用日期 2026-11-28"]);
  });

  it("gives the inspection notice's own text in the till's language", () => {
    expect(texts(`(01)${GTIN}(10)LOT2027A`, [inspection], "zh-CN")).toEqual(["菌落总数超标"]);
    expect(texts(`(01)${GTIN}(10)LOT2027A`, [inspection], "en")).toEqual(["Total bacterial count above the limit"]);
  });

  it("asks for the 2D code when an EAN-13 scan cannot tell the batch", () => {
    const [text] = texts(GTIN.slice(1), [inspection], "zh-CN");
    expect(text).toBe("菌落总数超标 — 请扫描包装上的二维码以核对批次");
  });

  it("warns that the rules are stale, with their age in hours", () => {
    const stale = texts(`(01)${GTIN}`, [], "en", 30 * HOUR_MS);
    expect(stale).toEqual(["Recall rules not updated for 30 hours"]);
    // Very stale counts for GTINs the feed names (the default policy): another batch of a notified GTIN.
    const veryStale = texts(`(01)${GTIN}(10)LOT2027B`, [inspection], "zh-CN", 80 * HOUR_MS);
    expect(veryStale).toEqual(["召回规则已 80 小时未更新，请联网同步后再售"]);
  });
});

describe("pickText", () => {
  const text = { en: "Recalled", "zh-Hans": "已召回", fr: "Rappelé" };
  it.each([
    ["zh-Hans", "已召回"],
    ["zh-CN", "已召回"], // same language, other tag
    ["de", "Recalled"], // no German: English
    ["fr-CA", "Rappelé"],
  ])("for %s picks %s", (locale, expected) => {
    expect(pickText(text, locale)).toBe(expected);
  });
  it("falls back to the first text when there is no English, and to nothing when there is no text", () => {
    expect(pickText({ ja: "回収" }, "zh-CN")).toBe("回収");
    expect(pickText({}, "en")).toBeUndefined();
    expect(pickText(undefined, "en")).toBeUndefined();
  });
});
