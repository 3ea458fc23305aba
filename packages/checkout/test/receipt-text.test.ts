import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { displayWidth, wrapToWidth } from "../src/receipt/display-width.js";
import { formatMoney } from "../src/receipt/money-text.js";
import { receiptOf } from "../src/receipt/receipt-of.js";
import { receiptText } from "../src/receipt/receipt-text.js";
import { SALE, saleWith, walletSale } from "./support-parts/sale-fixture.js";

const WIDTHS = [32, 42, 48] as const;

describe("receiptOf", () => {
  it("keeps every line's batch, date, markdown, gate notes and Digital Link, and the change", () => {
    const receipt = receiptOf(SALE, { locale: "en", header: ["12 East Gate Market"], footer: ["Thank you"] });
    expect(receipt.header).toEqual(["东门菜市场 12 号摊", "12 East Gate Market"]);
    expect(receipt.localTime).toBe("2026-11-29 14:03:05");
    expect(
      receipt.lines.map((line) => [line.batch, line.date, line.markdown?.discountMinor, line.digitalLink]),
    ).toEqual([
      ["B2611", { kind: "expiry", date: "2026-12-01" }, 149, SALE.lines[0]?.digitalLink],
      ["LOT7", { kind: "bestBefore", date: "2026-11-28" }, undefined, SALE.lines[1]?.digitalLink],
      [undefined, undefined, undefined, SALE.lines[2]?.digitalLink],
    ]);
    expect(receipt.lines[1]?.notes).toEqual([
      "Past its best-before date 2026-11-28",
      "overridden by 0012: CUSTOMER_INFORMED",
    ]);
    expect(receipt.lines[0]?.notes.at(-1)).toBe("confirmed by 0012");
    expect(receipt.lines[2]?.notes).toEqual([]);
    expect(receipt.changeMinor).toBe(169);
    expect(receipt.tenders).toEqual([
      { kind: "cash", label: "Cash", amountMinor: 4831, tenderedMinor: 5000, changeMinor: 169 },
    ]);
  });

  it("writes the notes and tender names in Chinese for zh-CN", () => {
    const receipt = receiptOf(SALE, { locale: "zh-CN" });
    expect(receipt.lines[1]?.notes).toEqual([
      "已过最佳食用日期：最佳食用日期 2026-11-28",
      "已由 0012 放行：CUSTOMER_INFORMED",
    ]);
    expect(receiptOf(walletSale("S-9", SALE.soldAtMs), { locale: "zh-CN" }).tenders[0]).toMatchObject({
      label: "支付宝",
      outTradeNo: "TS-9",
    });
  });

  it("adds up: line totals make the total, and the total less markdowns is the subtotal", () => {
    const receipt = receiptOf(SALE, { locale: "en" });
    const lineTotals = receipt.lines.reduce((sum, line) => sum + line.totalMinor, 0);
    const markdowns = receipt.lines.reduce((sum, line) => sum + (line.markdown?.discountMinor ?? 0), 0);
    expect(lineTotals).toBe(receipt.totals.totalMinor);
    expect(receipt.totals.subtotalMinor - markdowns).toBe(receipt.totals.totalMinor);
    expect(receipt.tenders.reduce((sum, tender) => sum + tender.amountMinor, 0)).toBe(receipt.totals.totalMinor);
  });
});

describe("formatMoney", () => {
  it("prints yuan with ¥ in both locales, and other currencies with their code", () => {
    expect(formatMoney(1250, "CNY")).toBe("¥12.50");
    expect(formatMoney(-149, "CNY")).toBe("-¥1.49");
    expect(formatMoney(5, "CNY", "￥")).toBe("￥0.05");
    expect(formatMoney(1250, "JPY")).toBe("JPY 1250");
    expect(formatMoney(1250, "USD")).toBe("USD 12.50");
  });
});

describe("receiptText", () => {
  for (const locale of ["zh-CN", "en"] as const)
    for (const width of WIDTHS)
      it(`${locale} at ${width} columns: every line fits, and every item fact is printed`, () => {
        const text = receiptText(receiptOf(SALE, { locale, footer: ["谢谢惠顾 Thank you"] }), { width });
        const lines = text.split("\n");
        for (const line of lines) expect(displayWidth(line), line).toBeLessThanOrEqual(width);
        const joined = lines.map((line) => line.trim()).join("");
        for (const fact of [
          "五花肉",
          "B2611",
          "2026-12-01",
          "NEAR_EXPIRY_30",
          "-¥1.49",
          "LOT7",
          "SER42",
          "¥48.31",
          "¥1.69",
          "¥50.00",
          "S-0001",
          "2026-11-29 14:03:05",
          "0.532 kg x ¥28.00/kg",
          "2 x ¥12.50",
        ])
          expect(joined).toContain(fact);
        // Digital Links may wrap: they must be whole once the wrapped pieces are joined.
        for (const line of SALE.lines) expect(joined).toContain(line.digitalLink);
        // Notes wrap at spaces or, in Chinese, anywhere: compare them without whitespace.
        const note = locale === "en" ? "overridden by 0012: CUSTOMER_INFORMED" : "已由 0012 放行：CUSTOMER_INFORMED";
        expect(joined.replace(/\s/g, "")).toContain(note.replace(/\s/g, ""));

        expect(text).toContain(locale === "en" ? "Change" : "找零");
      });

  it("right-aligns amounts on the last column", () => {
    const lines = receiptText(receiptOf(SALE, { locale: "zh-CN" }), { width: 32 }).split("\n");
    const total = lines.find((line) => line.startsWith("合计"));
    expect(total).toBe(`合计${" ".repeat(32 - 4 - 6)}¥48.31`);
    expect(displayWidth(total ?? "")).toBe(32);
  });

  it("never exceeds the width, whatever the item names, ids and notes", () => {
    const text = fc
      .array(fc.constantFrom("五", "花", "肉", "a", " ", "Ｗ", "😀", "é", "-", "1", "長"), { maxLength: 90 })
      .map((parts) => parts.join(""));
    fc.assert(
      fc.property(
        text,
        text,
        fc.constantFrom(...WIDTHS),
        fc.constantFrom("zh-CN" as const, "en" as const),
        (name, id, width, locale) => {
          const sale = saleWith({
            id: `S-${id}`,
            lines: SALE.lines.map((line) => ({ ...line, name: name || line.name, batch: id })),
          });
          for (const line of receiptText(receiptOf(sale, { locale, header: [name] }), { width }).split("\n"))
            expect(displayWidth(line)).toBeLessThanOrEqual(width);
        },
      ),
      { seed: 29, numRuns: 200 },
    );
  });
});

describe("display width", () => {
  it("counts CJK, full-width forms and emoji as two columns, Latin and ¥ as one, combining marks as none", () => {
    expect(displayWidth("五花肉")).toBe(6);
    expect(displayWidth("ＡＢ１")).toBe(6);
    expect(displayWidth("￥")).toBe(2);
    expect(displayWidth("¥12.50")).toBe(6);
    expect(displayWidth("e\u0301")).toBe(1);
    expect(displayWidth("😀")).toBe(2);
    expect(displayWidth("、。")).toBe(4);
  });

  it("wraps Chinese anywhere and Latin at spaces", () => {
    expect(wrapToWidth("五花肉五花肉", 7)).toEqual(["五花肉", "五花肉"]);
    expect(wrapToWidth("Oat milk one litre", 10)).toEqual(["Oat milk", "one litre"]);
  });
});
