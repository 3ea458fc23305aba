// Builds the receipt model of a completed sale: picks what a customer should read off each line (batch, the date
// that matters, markdown, why a gated line was let through, the Digital Link) and puts it in their language.
import { reasonText } from "@scangate/rules/locale";
import type { BasketLine } from "../basket/basket-line.js";
import type { CompletedSale } from "../sale/completed-sale.js";
import { localTimeText } from "./money-text.js";
import { checkText, resolutionText, tenderLabel } from "./receipt-labels.js";
import type { Receipt, ReceiptDate, ReceiptLine, ReceiptLocale } from "./receipt-model.js";

/** Options of `receiptOf`. */
export interface ReceiptOptions {
  /** The receipt's language. */
  readonly locale: ReceiptLocale;
  /** Lines printed under the store name (address, phone, tax id). @default [] */
  readonly header?: readonly string[];
  /** Lines printed at the end (returns policy, thanks). @default [] */
  readonly footer?: readonly string[];
}

function dateOf(line: BasketLine): ReceiptDate | undefined {
  if (line.expiry !== undefined) return { kind: "expiry", date: line.expiry };
  if (line.sellBy !== undefined) return { kind: "sellBy", date: line.sellBy };
  if (line.bestBefore !== undefined) return { kind: "bestBefore", date: line.bestBefore };
  return undefined;
}

function notesOf(line: BasketLine, locale: ReceiptLocale): string[] {
  if (line.gate === "allow" && line.resolution === undefined) return [];
  const reasons = (line.verdict?.reasons ?? [])
    .filter((reason) => reason.action !== "allow")
    .map((reason) => reasonText(reason, locale));
  const checks = line.checks.filter((check) => check.action !== "allow").map((check) => checkText(check.code, locale));
  const resolution = line.resolution === undefined ? [] : [resolutionText(line.resolution, locale)];
  return [...reasons, ...checks, ...resolution];
}

function receiptLine(line: BasketLine, locale: ReceiptLocale): ReceiptLine {
  const date = dateOf(line);
  return {
    lineId: line.id,
    gtin: line.gtin,
    name: line.name,
    ...(line.batch === undefined ? {} : { batch: line.batch }),
    ...(line.serial === undefined ? {} : { serial: line.serial }),
    ...(date === undefined ? {} : { date }),
    quantity: line.quantity,
    unitPriceMinor: line.unitPriceMinor,
    amountMinor: line.amountMinor,
    ...(line.markdown === undefined
      ? {}
      : {
          markdown: {
            reasonCode: line.markdown.reasonCode,
            discountMinor: line.markdown.discountMinor,
            daysLeft: line.markdown.daysLeft,
          },
        }),
    totalMinor: line.totalMinor,
    ...(line.taxRatePercent === undefined ? {} : { taxRatePercent: line.taxRatePercent }),
    notes: notesOf(line, locale),
    digitalLink: line.digitalLink,
  };
}

/**
 * The receipt of `sale` in `options.locale`: plain data for `receiptText`, `receiptHtml` or `receiptEscPos`.
 * @example
 * const receipt = receiptOf(sale, { locale: "zh-CN", header: ["东门菜市场 12 号摊"], footer: ["谢谢惠顾"] });
 * console.log(receiptText(receipt, { width: 32 }));
 */
export function receiptOf(sale: CompletedSale, options: ReceiptOptions): Receipt {
  const { locale } = options;
  const tenders = sale.tenders.map((tender) => ({
    kind: tender.kind,
    label: tenderLabel(tender.kind, tender.wallet, locale),
    amountMinor: tender.amountMinor,
    ...(tender.tenderedMinor === undefined ? {} : { tenderedMinor: tender.tenderedMinor }),
    ...(tender.changeMinor === undefined ? {} : { changeMinor: tender.changeMinor }),
    ...(tender.outTradeNo === undefined ? {} : { outTradeNo: tender.outTradeNo }),
  }));
  return {
    locale,
    currency: sale.totals.currency,
    header: [sale.storeName, ...(options.header ?? [])],
    saleId: sale.id,
    soldAtMs: sale.soldAtMs,
    localTime: localTimeText(sale.soldAtMs, sale.timeZone),
    timeZone: sale.timeZone,
    storeGln: sale.storeGln,
    cashier: sale.cashier,
    lines: sale.lines.map((line) => receiptLine(line, locale)),
    totals: sale.totals,
    tenders,
    changeMinor: tenders.reduce((sum, tender) => sum + (tender.changeMinor ?? 0), 0),
    footer: [...(options.footer ?? [])],
  };
}
