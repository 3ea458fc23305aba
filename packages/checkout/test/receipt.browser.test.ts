import { describe, expect, it } from "vitest";
import { receiptEscPos } from "../src/receipt/escpos.js";
import { gb18030Bytes } from "../src/receipt/gb18030-bytes.js";
import { receiptHtml } from "../src/receipt/receipt-html.js";
import { receiptOf } from "../src/receipt/receipt-of.js";
import { SALE, saleWith } from "./support-parts/sale-fixture.js";

describe("receipts in real Chromium", () => {
  it("shows an item named <script> as text: no element is created and nothing runs", () => {
    const hostile = '<script>window.__receiptHacked = true</script><img src=x onerror="window.__receiptHacked = true">';
    const sale = saleWith({ lines: SALE.lines.map((line) => ({ ...line, name: hostile })) });
    const host = document.createElement("div");
    host.innerHTML = receiptHtml(receiptOf(sale, { locale: "zh-CN" }));
    document.body.append(host);
    expect(host.querySelectorAll("script, img")).toHaveLength(0);
    expect(host.querySelectorAll("table.lines tbody th[scope=row]")[0]?.textContent).toContain(hostile);
    expect((window as { __receiptHacked?: boolean }).__receiptHacked).toBeUndefined();
    expect([...host.querySelectorAll("table.lines thead th")].map((cell) => cell.textContent)).toEqual([
      "商品",
      "数量",
      "金额",
    ]);
    expect([...host.querySelectorAll("a")].map((link) => link.getAttribute("href"))).toEqual(
      SALE.lines.map((line) => line.digitalLink),
    );
    host.remove();
  });

  it("encodes Chinese to GB18030 with the browser's own decoder table", () => {
    expect([...gb18030Bytes("你好￥")]).toEqual([0xc4, 0xe3, 0xba, 0xc3, 0xa3, 0xa4]);
  });

  it("makes ESC/POS bytes in the browser, the printer library loaded on demand", async () => {
    const bytes = await receiptEscPos(receiptOf(SALE, { locale: "zh-CN" }), { columns: 32 });
    expect([...bytes.slice(0, 2)]).toEqual([0x1b, 0x40]);
    expect(new TextDecoder("gb18030").decode(bytes)).toContain("五花肉");
    expect(new TextDecoder("gb18030").decode(bytes)).toContain(SALE.lines[0]?.digitalLink);
  });
});
