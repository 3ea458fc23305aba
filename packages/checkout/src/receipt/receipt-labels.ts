// The fixed words of a receipt in each language, and the names of payment methods and checkout findings.
import type { LineCheckCode, LineResolution } from "../basket/basket-line.js";
import type { ReceiptDate, ReceiptLocale } from "./receipt-model.js";

/** Captions every renderer prints. */
export interface ReceiptLabels {
  readonly receiptNo: string;
  readonly time: string;
  readonly cashier: string;
  readonly store: string;
  readonly item: string;
  readonly quantity: string;
  readonly unitPrice: string;
  readonly amount: string;
  readonly batch: string;
  readonly serial: string;
  readonly dates: Readonly<Record<ReceiptDate["kind"], string>>;
  readonly markdown: string;
  readonly subtotal: string;
  readonly discount: string;
  readonly total: string;
  readonly units: string;
  readonly vat: string;
  readonly tendered: string;
  readonly change: string;
  readonly orderNo: string;
  readonly productInfo: string;
}

const LABELS: Readonly<Record<ReceiptLocale, ReceiptLabels>> = {
  "zh-CN": {
    receiptNo: "小票号",
    time: "时间",
    cashier: "收银员",
    store: "门店",
    item: "商品",
    quantity: "数量",
    unitPrice: "单价",
    amount: "金额",
    batch: "批号",
    serial: "序列号",
    dates: { expiry: "有效期至", sellBy: "销售截止", bestBefore: "最佳食用期" },
    markdown: "临期优惠",
    subtotal: "小计",
    discount: "优惠",
    total: "合计",
    units: "件数",
    vat: "含增值税",
    tendered: "实收",
    change: "找零",
    orderNo: "订单号",
    productInfo: "商品信息",
  },
  en: {
    receiptNo: "Receipt",
    time: "Time",
    cashier: "Cashier",
    store: "Store",
    item: "Item",
    quantity: "Qty",
    unitPrice: "Price",
    amount: "Amount",
    batch: "Batch",
    serial: "Serial",
    dates: { expiry: "Use by", sellBy: "Sell by", bestBefore: "Best before" },
    markdown: "Markdown",
    subtotal: "Subtotal",
    discount: "Discounts",
    total: "Total",
    units: "Items",
    vat: "incl. VAT",
    tendered: "Tendered",
    change: "Change",
    orderNo: "Order",
    productInfo: "Product info",
  },
};

/** The captions of `locale`. */
export function receiptLabels(locale: ReceiptLocale): ReceiptLabels {
  return LABELS[locale];
}

const WALLETS: Readonly<Record<string, Record<ReceiptLocale, string>>> = {
  alipay: { "zh-CN": "支付宝", en: "Alipay" },
  wechat: { "zh-CN": "微信支付", en: "WeChat Pay" },
  unionpay: { "zh-CN": "云闪付", en: "UnionPay" },
};

/** "现金" / "Cash", the wallet's name, or "Card / gateway". */
export function tenderLabel(
  kind: "cash" | "wallet" | "gateway",
  wallet: string | undefined,
  locale: ReceiptLocale,
): string {
  if (kind === "cash") return locale === "zh-CN" ? "现金" : "Cash";
  const known = wallet === undefined ? undefined : WALLETS[wallet.toLowerCase()]?.[locale];
  if (known !== undefined) return known;
  if (wallet !== undefined) return wallet;
  return locale === "zh-CN" ? "电子支付" : "Electronic payment";
}

const CHECKS: Readonly<Record<LineCheckCode, Record<ReceiptLocale, string>>> = {
  WEIGHT_PRICE_MISMATCH: { "zh-CN": "称重价格与单价不符", en: "weighed price differs from the unit price" },
  SERIAL_SOLD_BEFORE: { "zh-CN": "该序列号曾在本店售出", en: "this serial was sold here before" },
  RULES_UNAVAILABLE: { "zh-CN": "未能核验召回信息", en: "recall rules were unavailable" },
};

/** A checkout finding in words. */
export function checkText(code: LineCheckCode, locale: ReceiptLocale): string {
  return CHECKS[code][locale];
}

/** "overridden by 0012: CUSTOMER_INFORMED" / "已由 0012 放行：CUSTOMER_INFORMED"; "confirmed by 0012" / "已由 0012 确认". */
export function resolutionText(resolution: LineResolution, locale: ReceiptLocale): string {
  const reason = resolution.reasonCode === undefined ? "" : resolution.reasonCode;
  if (locale === "zh-CN")
    return resolution.kind === "overridden"
      ? `已由 ${resolution.by} 放行${reason ? `：${reason}` : ""}`
      : `已由 ${resolution.by} 确认${reason ? `：${reason}` : ""}`;
  return resolution.kind === "overridden"
    ? `overridden by ${resolution.by}${reason ? `: ${reason}` : ""}`
    : `confirmed by ${resolution.by}${reason ? `: ${reason}` : ""}`;
}
