import { describe, expect, it } from "vitest";
import { escapeHtml, receiptHtml } from "../src/receipt/receipt-html.js";
import { receiptOf } from "../src/receipt/receipt-of.js";
import { SALE, saleWith } from "./support-parts/sale-fixture.js";

const HOSTILE = '<script>alert("x")</script>&<img src=x onerror=alert(1)>';

describe("receiptHtml", () => {
  it("prints a name containing <script> as text, never as markup", () => {
    const sale = saleWith({
      storeName: HOSTILE,
      cashier: HOSTILE,
      lines: SALE.lines.map((line) => ({ ...line, name: HOSTILE, batch: HOSTILE })),
    });
    const html = receiptHtml(receiptOf(sale, { locale: "en", header: [HOSTILE], footer: [HOSTILE] }));
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<img");
    expect(html).toContain(escapeHtml(HOSTILE));
    expect(escapeHtml(HOSTILE)).toBe(
      "&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&lt;img src=x onerror=alert(1)&gt;",
    );
  });

  it("links each item's Digital Link only when it is an http(s) URI", () => {
    const sale = saleWith({
      lines: SALE.lines.map((line, index) => (index === 2 ? { ...line, digitalLink: 'javascript:alert("x")' } : line)),
    });
    const html = receiptHtml(receiptOf(sale, { locale: "en" }));
    expect(html).toContain(`<a href="${SALE.lines[0]?.digitalLink}">`);
    expect(html).toContain(`<a href="${SALE.lines[1]?.digitalLink}">`);
    expect(html).not.toContain('href="javascript');
  });

  for (const locale of ["zh-CN", "en"] as const)
    it(`${locale}: a table with a header row and one row per line, markdowns, totals, tenders and change`, () => {
      const html = receiptHtml(receiptOf(SALE, { locale, footer: ["谢谢"] }));
      expect(html).toMatch(/^<section class="scangate-receipt" lang="[a-zA-Z-]+"><style>/);
      expect(html).toContain('<table class="lines"><thead><tr><th scope="col">');
      expect(html.match(/<tr data-line="/g)).toHaveLength(3);
      for (const fact of [
        "B2611",
        "NEAR_EXPIRY_30",
        "-¥1.49",
        "¥48.31",
        "¥1.69",
        "¥50.00",
        "SER42",
        "S-0001",
        "2026-11-29 14:03:05",
        "谢谢",
      ])
        expect(html).toContain(fact);
      expect(html).toContain(
        locale === "en" ? "overridden by 0012: CUSTOMER_INFORMED" : "已由 0012 放行：CUSTOMER_INFORMED",
      );
      expect(html.endsWith("</section>")).toBe(true);
    });
});
