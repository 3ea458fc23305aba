// Both languages carry every text of the till, and placeholders match, so switching language never shows a key.
import { describe, expect, it } from "vitest";
import { en } from "../src/messages/en.js";
import { MESSAGES, translator } from "../src/messages/index.js";
import { zhCN } from "../src/messages/zh-CN.js";

const placeholders = (text: string) => [...text.matchAll(/\{(\w+)\}/g)].map((match) => match[1]).sort();

describe("the till's message files", () => {
  it("have exactly the same keys in Chinese and English", () => {
    expect(Object.keys(zhCN).sort()).toEqual(Object.keys(en).sort());
  });

  it("use the same placeholders in both languages, and no text is empty", () => {
    for (const key of Object.keys(en) as (keyof typeof en)[]) {
      expect(placeholders(zhCN[key]), key).toEqual(placeholders(en[key]));
      expect(zhCN[key].trim(), key).not.toBe("");
      expect(en[key].trim(), key).not.toBe("");
    }
  });

  it("fills placeholders and formats the block alarm title in each language", () => {
    expect(translator("en")("pay.cashChange", { amount: "¥2.50" })).toBe("Change: ¥2.50");
    expect(translator("zh-CN")("pay.cashChange", { amount: "¥2.50" })).toBe("找零：¥2.50");
    expect(MESSAGES["zh-CN"]["alarm.blocked"]).toBe("禁止销售");
  });
});
