// Which wallet a customer-presented payment code (付款码) belongs to, from its digits alone. Prefix rules from
// the providers' documentation: Alipay "25~30开头的长度为16~24位的数字" (alipay.trade.pay auth_code); WeChat Pay
// "18位纯数字,以10、11、12、13、14、15开头"; UnionPay QuickPass "62开头19位" (developer-blog evidence only).
// The prefixes are advisory ("以开发者获取的付款码长度为准"): an aggregator decides the channel, so an unknown code
// is still sent, and the simulator uses the same function to pick the channel it reports.

/** The wallet a payment code belongs to. */
export type PaymentCodeKind = "alipay" | "wechat" | "unionpay";

/**
 * The wallet of a payment code, or `null` when the text is not a payment code by these rules.
 * @example
 * classifyPaymentCode("134567890123456789"); // "wechat"
 * classifyPaymentCode("286543210987654321"); // "alipay"
 */
export function classifyPaymentCode(text: string): PaymentCodeKind | null {
  if (!/^\d+$/.test(text)) return null;
  const prefix = Number(text.slice(0, 2));
  const length = text.length;
  if (length === 18 && prefix >= 10 && prefix <= 15) return "wechat";
  if (length === 19 && prefix === 62) return "unionpay";
  if (length >= 16 && length <= 24 && prefix >= 25 && prefix <= 30) return "alipay";
  return null;
}
