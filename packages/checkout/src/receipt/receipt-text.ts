// The receipt as monospace text for a thermal printer or a plain-text e-mail: `width` columns, a CJK character
// counting two (as a printer in Chinese mode prints it). No line is ever wider than `width`.

import { displayWidth, wrapToWidth } from "./display-width.js";
import { formatMoney } from "./money-text.js";
import { type ReceiptLabels, receiptLabels } from "./receipt-labels.js";
import type { Receipt, ReceiptLine } from "./receipt-model.js";

/** Options of `receiptText`. */
export interface ReceiptTextOptions {
  /** Columns of the paper: 32 for 58 mm rolls, 42 or 48 for 80 mm (font A: 48, font B: 64 is not offered). */
  readonly width: 32 | 42 | 48;
  /** Print the yuan sign full-width, "￥" (two columns), instead of "¥". GBK printer fonts have only the full-width
   * one; `receiptEscPos` sets this in GB18030 mode. @default false */
  readonly fullWidthYuan?: boolean;
}

const INDENT = "  ";

function centered(text: string, width: number): string[] {
  return wrapToWidth(text, width).map((line) => `${" ".repeat(Math.floor((width - displayWidth(line)) / 2))}${line}`);
}

/** `left` and `right` on one line, right-aligned; `left` wraps above when both do not fit. */
function leftRight(left: string, right: string, width: number, indent = ""): string[] {
  const room = width - displayWidth(right) - 1;
  const leftLines = wrapToWidth(left, width - indent.length).map((line) => `${indent}${line}`);
  const last = leftLines[leftLines.length - 1] ?? "";
  if (displayWidth(last) <= room) {
    leftLines[leftLines.length - 1] = `${last}${" ".repeat(width - displayWidth(last) - displayWidth(right))}${right}`;
    return leftLines;
  }
  const rightLines = wrapToWidth(right, width);
  return [...leftLines, ...rightLines.map((line) => `${" ".repeat(width - displayWidth(line))}${line}`)];
}

function indented(text: string, width: number): string[] {
  return wrapToWidth(text, width - INDENT.length).map((line) => `${INDENT}${line}`);
}

/** "2 x ¥3.50" or "0.532 kg x ¥28.00/kg". An ASCII "x", not "×": U+00D7 is East Asian Ambiguous, one column in a
 * Latin font and two in a GBK one, so a line measured with it could overflow a Chinese printer. */
export function quantityText(line: ReceiptLine, money: (minor: number) => string): string {
  const price = money(line.unitPriceMinor);
  return line.quantity.kind === "count"
    ? `${line.quantity.units} x ${price}`
    : `${line.quantity.kg.toFixed(3)} kg x ${price}/kg`;
}

type Money = (minor: number) => string;

function lineText(line: ReceiptLine, money: Money, labels: ReceiptLabels, width: number): string[] {
  const out = wrapToWidth(line.name, width);
  out.push(...leftRight(quantityText(line, money), money(line.amountMinor), width, INDENT));
  const facts = [
    line.batch === undefined ? "" : `${labels.batch} ${line.batch}`,
    line.serial === undefined ? "" : `${labels.serial} ${line.serial}`,
    line.date === undefined ? "" : `${labels.dates[line.date.kind]} ${line.date.date}`,
  ].filter(Boolean);
  for (const fact of facts) out.push(...indented(fact, width));
  if (line.markdown !== undefined)
    out.push(
      ...leftRight(
        `${labels.markdown} ${line.markdown.reasonCode}`,
        money(-line.markdown.discountMinor),
        width,
        INDENT,
      ),
    );
  for (const note of line.notes) out.push(...indented(`! ${note}`, width));
  out.push(...indented(line.digitalLink, width));
  return out;
}

/**
 * The receipt as lines of monospace text joined by "\n"; every line fits `width` columns.
 * @example
 * receiptText(receiptOf(sale, { locale: "en" }), { width: 42 });
 */
export function receiptText(receipt: Receipt, options: ReceiptTextOptions): string {
  const { width } = options;
  const labels = receiptLabels(receipt.locale);
  const money = (minor: number) => formatMoney(minor, receipt.currency, options.fullWidthYuan ? "￥" : "¥");
  const rule = "-".repeat(width);
  const out: string[] = [];
  for (const line of receipt.header) out.push(...centered(line, width));
  out.push(...centered(`GLN ${receipt.storeGln}`, width), rule);
  out.push(...leftRight(labels.receiptNo, receipt.saleId, width));
  out.push(...leftRight(labels.time, receipt.localTime, width));
  out.push(...leftRight(labels.cashier, receipt.cashier, width), rule);
  for (const line of receipt.lines) out.push(...lineText(line, money, labels, width));
  out.push(rule);
  const { totals } = receipt;
  out.push(...leftRight(labels.subtotal, money(totals.subtotalMinor), width));
  if (totals.markdownMinor > 0) out.push(...leftRight(labels.discount, money(-totals.markdownMinor), width));
  out.push(...leftRight(labels.total, money(totals.totalMinor), width));
  out.push(...leftRight(labels.units, String(totals.units), width));
  for (const tax of totals.taxes)
    out.push(...leftRight(`${labels.vat} ${tax.ratePercent}% (${money(tax.grossMinor)})`, money(tax.taxMinor), width));
  out.push(rule);
  for (const tender of receipt.tenders) {
    out.push(...leftRight(tender.label, money(tender.amountMinor), width));
    if (tender.tenderedMinor !== undefined)
      out.push(...leftRight(labels.tendered, money(tender.tenderedMinor), width, INDENT));
    if (tender.outTradeNo !== undefined) out.push(...indented(`${labels.orderNo} ${tender.outTradeNo}`, width));
  }
  if (receipt.changeMinor > 0) out.push(...leftRight(labels.change, money(receipt.changeMinor), width));
  if (receipt.footer.length > 0) out.push(rule);
  for (const line of receipt.footer) out.push(...centered(line, width));
  return out.join("\n");
}
