// The receipt as a self-contained HTML fragment: one <section> with its own scoped <style>, printable as is (a
// browser's print dialog on an 80 mm roll, or an e-mail body). Every text from the sale is escaped: item names come
// from a catalogue file or a quick-add form, and a name like "<script>" must print, not run.
import { formatMoney } from "./money-text.js";
import { receiptLabels } from "./receipt-labels.js";
import type { Receipt, ReceiptLine } from "./receipt-model.js";
import { quantityText } from "./receipt-text.js";

const ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/** Text made safe for HTML element content and quoted attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (char) => ESCAPES[char] ?? char);
}

const STYLE = `.scangate-receipt{font:13px/1.35 system-ui,"PingFang SC","Microsoft YaHei",sans-serif;max-width:80mm;color:#000}
.scangate-receipt header,.scangate-receipt footer{text-align:center}
.scangate-receipt h1{font-size:16px;margin:0}
.scangate-receipt table{width:100%;border-collapse:collapse}
.scangate-receipt th,.scangate-receipt td{text-align:left;vertical-align:top;padding:1px 2px}
.scangate-receipt .num{text-align:right;white-space:nowrap}
.scangate-receipt .detail{font-size:11px;color:#333}
.scangate-receipt .note{font-size:11px;font-weight:bold}
.scangate-receipt a{word-break:break-all;font-size:10px;color:#000}
.scangate-receipt thead,.scangate-receipt tfoot{border-top:1px dashed #000;border-bottom:1px dashed #000}`;

function lineRows(line: ReceiptLine, receipt: Receipt): string {
  const labels = receiptLabels(receipt.locale);
  const money = (minor: number) => escapeHtml(formatMoney(minor, receipt.currency));
  const facts = [
    line.batch === undefined ? "" : `${labels.batch} ${line.batch}`,
    line.serial === undefined ? "" : `${labels.serial} ${line.serial}`,
    line.date === undefined ? "" : `${labels.dates[line.date.kind]} ${line.date.date}`,
  ].filter(Boolean);
  const details = [
    ...facts.map((fact) => `<div class="detail">${escapeHtml(fact)}</div>`),
    ...line.notes.map((note) => `<div class="note">${escapeHtml(note)}</div>`),
    /^https?:\/\//i.test(line.digitalLink)
      ? `<div><a href="${escapeHtml(line.digitalLink)}">${escapeHtml(line.digitalLink)}</a></div>`
      : `<div class="detail">${escapeHtml(line.digitalLink)}</div>`,
  ].join("");
  const row = `<tr data-line="${escapeHtml(line.lineId)}"><th scope="row">${escapeHtml(line.name)}${details}</th><td class="num">${escapeHtml(quantityText(line, (minor) => formatMoney(minor, receipt.currency)))}</td><td class="num">${money(line.amountMinor)}</td></tr>`;
  if (line.markdown === undefined) return row;
  return `${row}<tr class="markdown"><td>${escapeHtml(`${labels.markdown} ${line.markdown.reasonCode}`)}</td><td></td><td class="num">${money(-line.markdown.discountMinor)}</td></tr>`;
}

/**
 * The receipt as an HTML fragment (a `<section class="scangate-receipt">` with a scoped `<style>`), every text
 * escaped, lines in a `<table>` with a header row.
 * @example
 * printFrame.contentDocument.body.innerHTML = receiptHtml(receiptOf(sale, { locale: "zh-CN" }));
 */
export function receiptHtml(receipt: Receipt): string {
  const labels = receiptLabels(receipt.locale);
  const money = (minor: number) => escapeHtml(formatMoney(minor, receipt.currency));
  const { totals } = receipt;
  const [storeName = "", ...headerLines] = receipt.header;
  const totalRow = (label: string, value: string, className = "") =>
    `<tr${className ? ` class="${className}"` : ""}><th scope="row" colspan="2">${escapeHtml(label)}</th><td class="num">${value}</td></tr>`;
  const totalRows = [
    totalRow(labels.subtotal, money(totals.subtotalMinor)),
    totals.markdownMinor > 0 ? totalRow(labels.discount, money(-totals.markdownMinor)) : "",
    totalRow(labels.total, `<strong>${money(totals.totalMinor)}</strong>`, "total"),
    totalRow(labels.units, String(totals.units)),
    ...totals.taxes.map((tax) =>
      totalRow(
        `${labels.vat} ${tax.ratePercent}% (${formatMoney(tax.grossMinor, receipt.currency)})`,
        money(tax.taxMinor),
      ),
    ),
    ...receipt.tenders.flatMap((tender) => [
      totalRow(
        tender.outTradeNo === undefined ? tender.label : `${tender.label} ${labels.orderNo} ${tender.outTradeNo}`,
        money(tender.amountMinor),
        "tender",
      ),
      tender.tenderedMinor === undefined ? "" : totalRow(labels.tendered, money(tender.tenderedMinor)),
    ]),
    receipt.changeMinor > 0 ? totalRow(labels.change, money(receipt.changeMinor), "change") : "",
  ].join("");
  return [
    `<section class="scangate-receipt" lang="${receipt.locale}"><style>${STYLE}</style>`,
    `<header><h1>${escapeHtml(storeName)}</h1>${headerLines.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}<p>GLN ${escapeHtml(receipt.storeGln)}</p></header>`,
    `<dl><dt>${escapeHtml(labels.receiptNo)}</dt><dd>${escapeHtml(receipt.saleId)}</dd><dt>${escapeHtml(labels.time)}</dt><dd><time datetime="${escapeHtml(receipt.localTime.replace(" ", "T"))}">${escapeHtml(receipt.localTime)}</time></dd><dt>${escapeHtml(labels.cashier)}</dt><dd>${escapeHtml(receipt.cashier)}</dd></dl>`,
    `<table class="lines"><thead><tr><th scope="col">${escapeHtml(labels.item)}</th><th scope="col" class="num">${escapeHtml(labels.quantity)}</th><th scope="col" class="num">${escapeHtml(labels.amount)}</th></tr></thead>`,
    `<tbody>${receipt.lines.map((line) => lineRows(line, receipt)).join("")}</tbody><tfoot>${totalRows}</tfoot></table>`,
    receipt.footer.length > 0
      ? `<footer>${receipt.footer.map((line) => `<p>${escapeHtml(line)}</p>`).join("")}</footer>`
      : "",
    "</section>",
  ].join("");
}
