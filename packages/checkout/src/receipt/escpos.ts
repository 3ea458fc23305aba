// `@scangate/checkout/escpos`: the receipt as ESC/POS bytes for a thermal printer, through Niels Leenheer's
// @point-of-sale/receipt-printer-encoder (loaded by dynamic import, so the main entry never pulls it in).
//
// Chinese: that library encodes text only through single-byte code pages (@point-of-sale/codepage-encoder has no
// GB18030, GBK or cp936), and its `initialize()` even sends FS . (cancel Chinese mode). So in `gb18030` mode the
// layout comes from `receiptText` (CJK = two columns, as the printer prints them), Chinese mode is switched back on
// with FS & (1C 26), and each line goes out as raw GB18030 bytes through `raw()`; the library still frames the job:
// ESC @, the QR code (GS ( k), the cut (GS V). This is what Chinese-market printers (Xprinter, Gprinter, HPRT, Sunmi
// and other GB18030 firmwares) expect. `codepage` mode hands lines to the library's own text encoding for printers
// without a Chinese font: Latin text prints, CJK characters print as "?".
import type { ReceiptPrinterEncoderOptions } from "@point-of-sale/receipt-printer-encoder";
import { displayWidth } from "./display-width.js";
import { gb18030Bytes } from "./gb18030-bytes.js";
import type { Receipt } from "./receipt-model.js";
import { receiptText } from "./receipt-text.js";

/** Options of `receiptEscPos`. */
export interface ReceiptEscPosOptions {
  /** Characters per line of the printer's font A: 32 on 58 mm paper, 42 or 48 on 80 mm. @default 32 */
  readonly columns?: 32 | 42 | 48;
  /** `gb18030`: Chinese mode (FS &) and GB18030 bytes, for printers with a Chinese font. `codepage`: the library's
   * single-byte code pages (CJK prints as "?"). @default "gb18030" */
  readonly encoding?: "gb18030" | "codepage";
  /** `codepage` mode: the printer's code page table, by vendor name or as a map, passed to the library.
   * @default "epson" */
  readonly codepageMapping?: ReceiptPrinterEncoderOptions["codepageMapping"];
  /** Print a QR code of the first line's GS1 Digital Link under the lines. @default true */
  readonly qr?: boolean;
  /** @default "partial" */
  readonly cut?: "full" | "partial";
  /** Blank lines fed before the cut, so the last printed line clears the cutter (the library's own default is 0,
   * which cuts through the QR code on most 58 mm printers). @default 4 */
  readonly feedBeforeCut?: number;
}

const FS_CHINESE_MODE_ON = [0x1c, 0x26];

/** Splits a line into GB18030 byte runs of at most `columns` bytes (= columns printed), on character boundaries. A
 * line only needs it when it holds East Asian Ambiguous characters (é, §) that GBK prints two columns wide. */
function gb18030Runs(line: string, columns: number): Uint8Array[] {
  const runs: Uint8Array[] = [];
  let run: number[] = [];
  for (const char of line) {
    const bytes = gb18030Bytes(char);
    if (run.length + bytes.length > columns) {
      runs.push(Uint8Array.from(run));
      run = [];
    }
    run.push(...bytes);
  }
  runs.push(Uint8Array.from(run));
  return runs;
}

/**
 * The receipt as ESC/POS bytes: initialize, the lines of `receiptText`, a QR code of the first item's Digital Link,
 * feed and cut. Send them to the printer as they are (WebUSB, Web Serial, a raw TCP socket on port 9100).
 * @example
 * import { receiptEscPos } from "@scangate/checkout/escpos";
 * const bytes = await receiptEscPos(receiptOf(sale, { locale: "zh-CN" }), { columns: 32 });
 * await serialWriter.write(bytes);
 */
export async function receiptEscPos(receipt: Receipt, options: ReceiptEscPosOptions = {}): Promise<Uint8Array> {
  const { default: ReceiptPrinterEncoder } = await import("@point-of-sale/receipt-printer-encoder");
  const columns = options.columns ?? 32;
  const chinese = (options.encoding ?? "gb18030") === "gb18030";
  const encoder = new ReceiptPrinterEncoder({
    language: "esc-pos",
    columns,
    codepageMapping: options.codepageMapping ?? "epson",
    feedBeforeCut: options.feedBeforeCut ?? 4,
  });
  encoder.initialize();
  if (chinese) encoder.raw(FS_CHINESE_MODE_ON);
  for (const line of receiptText(receipt, { width: columns, fullWidthYuan: chinese }).split("\n")) {
    if (!chinese) encoder.line(line);
    else if (displayWidth(line) === 0) encoder.newline();
    else for (const run of gb18030Runs(line, columns)) encoder.raw(run).newline();
  }
  const link = receipt.lines[0]?.digitalLink;
  if ((options.qr ?? true) && link !== undefined)
    encoder.newline().align("center").qrcode(link, { model: 2, size: 5, errorlevel: "m" }).align("left");
  return encoder.cut(options.cut ?? "partial").encode();
}
