// Money in the till's two languages (¥ either way) and the cash field's reading of what a person types.
import { describe, expect, it } from "vitest";
import { minorFromYuan, money } from "../src/ui/format.js";

describe("amounts on the till", () => {
  it("shows fen as yuan with ¥ in Chinese and English", () => {
    expect(money(1250, "zh-CN")).toBe("¥12.50");
    expect(money(1250, "en")).toBe("¥12.50");
    expect(money(-30, "zh-CN")).toBe("-¥0.30");
  });

  it("reads typed yuan into fen and refuses what is not an amount", () => {
    expect(minorFromYuan("50")).toBe(5000);
    expect(minorFromYuan("12.5")).toBe(1250);
    expect(minorFromYuan("¥0,05")).toBe(5);
    expect(minorFromYuan("12.345")).toBeUndefined();
    expect(minorFromYuan("abc")).toBeUndefined();
    expect(minorFromYuan("")).toBeUndefined();
  });
});
