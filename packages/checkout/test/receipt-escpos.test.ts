import { describe, expect, it } from "vitest";
import { receiptEscPos } from "../src/receipt/escpos.js";
import { gb18030Bytes } from "../src/receipt/gb18030-bytes.js";
import { receiptOf } from "../src/receipt/receipt-of.js";
import { SALE } from "./support-parts/sale-fixture.js";

const ESC_INIT = [0x1b, 0x40];
const FS_CHINESE_ON = [0x1c, 0x26];
const GS_CUT = [0x1d, 0x56];

function indexOf(haystack: Uint8Array, needle: ArrayLike<number>, from = 0): number {
  outer: for (let start = from; start <= haystack.length - needle.length; start += 1) {
    for (let offset = 0; offset < needle.length; offset += 1)
      if (haystack[start + offset] !== needle[offset]) continue outer;
    return start;
  }
  return -1;
}

const ascii = (text: string) => Array.from(text, (char) => char.charCodeAt(0));

describe("gb18030Bytes", () => {
  it("encodes Chinese as GB18030 double bytes and ASCII as itself", () => {
    expect([...gb18030Bytes("你好 A")]).toEqual([0xc4, 0xe3, 0xba, 0xc3, 0x20, 0x41]);
    expect([...gb18030Bytes("￥五花肉")]).toEqual([0xa3, 0xa4, 0xce, 0xe5, 0xbb, 0xa8, 0xc8, 0xe2]);
    expect(new TextDecoder("gb18030").decode(gb18030Bytes("燕麦奶 东门菜市场"))).toBe("燕麦奶 东门菜市场");
  });

  it("prints a character outside GBK as ?", () => {
    expect([...gb18030Bytes("😀")]).toEqual([0x3f]);
  });
});

describe("receiptEscPos", () => {
  it("starts with ESC @, turns Chinese mode on, holds the Chinese text in GB18030, and ends with a cut", async () => {
    const bytes = await receiptEscPos(receiptOf(SALE, { locale: "zh-CN" }), { columns: 32, qr: false });
    expect([...bytes.slice(0, 2)]).toEqual(ESC_INIT);
    expect(indexOf(bytes, FS_CHINESE_ON)).toBeGreaterThan(0);
    for (const text of ["五花肉", "批号 B2611", "找零", "S-0001"])
      expect(indexOf(bytes, gb18030Bytes(text)), text).toBeGreaterThan(0);
    expect(indexOf(bytes, gb18030Bytes("￥48.31"))).toBeGreaterThan(0); // GBK fonts only have the full-width sign
    const cut = indexOf(bytes, GS_CUT, bytes.length - 8);
    expect(cut).toBeGreaterThan(0);
    expect([...bytes.slice(cut + 3)].every((byte) => byte === 0x0a || byte === 0x0d)).toBe(true);
    expect(indexOf(bytes, [0x1d, 0x28, 0x6b])).toBe(-1);
  });

  it("never sends a text line wider than the paper in GB18030 mode", async () => {
    for (const columns of [32, 42, 48] as const) {
      const bytes = await receiptEscPos(receiptOf(SALE, { locale: "zh-CN", header: ["Café 东门 ×"] }), {
        columns,
        qr: false,
      });
      // Between Chinese mode on and the cut, text is line feeds and printable bytes only: every run between them
      // is one printed line, one byte per column.
      const body = bytes.slice(indexOf(bytes, FS_CHINESE_ON) + 2, indexOf(bytes, GS_CUT, bytes.length - 8));
      const runs = new TextDecoder("latin1").decode(body).split(/[\n\r]+/);
      for (const run of runs) expect(run.length).toBeLessThanOrEqual(columns);
    }
  });

  it("adds a QR code of the first item's Digital Link", async () => {
    const bytes = await receiptEscPos(receiptOf(SALE, { locale: "en" }), { columns: 48 });
    const qr = indexOf(bytes, [0x1d, 0x28, 0x6b]);
    expect(qr).toBeGreaterThan(0);
    expect(indexOf(bytes, ascii(`1P0${SALE.lines[0]?.digitalLink}`))).toBeGreaterThan(qr);
  });

  it("in codepage mode prints Latin text through the library's code page and no Chinese mode", async () => {
    const bytes = await receiptEscPos(receiptOf(SALE, { locale: "en" }), { encoding: "codepage", qr: false });
    expect([...bytes.slice(0, 2)]).toEqual(ESC_INIT);
    expect(indexOf(bytes, FS_CHINESE_ON)).toBe(-1);
    expect(indexOf(bytes, ascii("Soy sauce"))).toBeGreaterThan(0);
    expect(indexOf(bytes, ascii("SER42"))).toBeGreaterThan(0);
    expect(indexOf(bytes, GS_CUT, bytes.length - 8)).toBeGreaterThan(0);
  });
});
