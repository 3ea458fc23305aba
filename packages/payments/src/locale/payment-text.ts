// What a cashier reads for a payment's state and for each error code, in zh-CN and English. Kept out of the core
// bundle (STYLE.md: texts in a locale module); the codes themselves are the stable API.
import type { AttemptState } from "../bridge/attempt.js";
import type { BridgeErrorCode, PaymentErrorCode } from "../errors.js";

/** The languages the till's payment texts come in. */
export type PaymentLocale = "zh-CN" | "en";

type Texts<K extends string> = Readonly<Record<K, Readonly<Record<PaymentLocale, string>>>>;

const STATE_TEXT: Texts<AttemptState> = {
  CREATED: { "zh-CN": "准备收款", en: "Preparing payment" },
  SUBMITTING: { "zh-CN": "正在收款…", en: "Taking payment…" },
  AWAITING_CUSTOMER: { "zh-CN": "等待顾客确认支付(输入密码)", en: "Waiting for the customer to confirm" },
  UNKNOWN: { "zh-CN": "正在确认支付结果,请勿重复收款", en: "Confirming the result — do not charge again" },
  PAID: { "zh-CN": "收款成功", en: "Paid" },
  FAILED: { "zh-CN": "收款失败", en: "Payment failed" },
  REVERSING: { "zh-CN": "正在撤销交易", en: "Cancelling the payment" },
  REVERSED: { "zh-CN": "交易已撤销,未扣款", en: "Cancelled — nothing was charged" },
  REFUNDING: { "zh-CN": "正在退款", en: "Refunding" },
  PARTIALLY_REFUNDED: { "zh-CN": "已部分退款", en: "Partly refunded" },
  REFUNDED: { "zh-CN": "已全额退款", en: "Refunded" },
};

const PAYMENT_ERROR_TEXT: Texts<PaymentErrorCode> = {
  declined: { "zh-CN": "支付被拒绝,请换一种支付方式", en: "Declined — ask for another way to pay" },
  code_invalid_or_used: {
    "zh-CN": "付款码无效或已使用,请顾客刷新付款码",
    en: "Code invalid or used — ask the customer to refresh it",
  },
  customer_action_required: { "zh-CN": "请顾客在手机上确认支付", en: "The customer must confirm on their phone" },
  outcome_unknown: {
    "zh-CN": "支付结果未知,正在查询,请勿重复收款",
    en: "Result unknown — checking; do not charge again",
  },
  cancelled: { "zh-CN": "交易已关闭,未扣款", en: "Closed — nothing was charged" },
  unavailable: { "zh-CN": "支付服务暂不可用,请稍后重试", en: "Payment service unavailable — try again shortly" },
  integration: { "zh-CN": "收款配置错误,请联系技术支持", en: "Set-up error — contact support" },
};

const BRIDGE_ERROR_TEXT: Texts<BridgeErrorCode> = {
  AMOUNT_NOT_INTEGER: { "zh-CN": "金额格式错误", en: "The amount is not valid" },
  AMOUNT_NOT_POSITIVE: { "zh-CN": "金额必须大于零", en: "The amount must be more than zero" },
  AMOUNT_OVER_LIMIT: { "zh-CN": "金额超过上限", en: "The amount is over the limit" },
  CURRENCY_MISMATCH: { "zh-CN": "币种不符", en: "Wrong currency" },
  PROVIDER_UNSUPPORTED: { "zh-CN": "不支持该支付方式", en: "This way to pay is not available" },
  ATTEMPT_UNRESOLVED: { "zh-CN": "上一笔支付尚未完成,请稍候", en: "The previous payment is still in progress" },
  TENDER_EXCEEDS_BALANCE: { "zh-CN": "支付金额超过待付金额", en: "More than the amount still due" },
  ATTEMPT_NOT_FOUND: { "zh-CN": "找不到该笔支付", en: "Payment not found" },
  INVALID_STATE: { "zh-CN": "当前状态不能执行此操作", en: "Not possible in this state" },
  STORAGE_FAILED: { "zh-CN": "本地存储出错,请重启收银机", en: "Local storage failed — restart the till" },
  PROVIDER_ERROR: { "zh-CN": "支付服务返回错误", en: "The payment service answered with an error" },
};

/**
 * What the cashier reads for an attempt's state.
 * @example
 * attemptStateText("AWAITING_CUSTOMER", "zh-CN"); // "等待顾客确认支付(输入密码)"
 */
export function attemptStateText(state: AttemptState, locale: PaymentLocale = "zh-CN"): string {
  return STATE_TEXT[state][locale];
}

/**
 * What the cashier reads for a provider's or the bridge's error code.
 * @example
 * paymentErrorText({ code: "code_invalid_or_used" }, "en"); // "Code invalid or used — ask the customer to refresh it"
 */
export function paymentErrorText(
  error: { readonly code: PaymentErrorCode | BridgeErrorCode },
  locale: PaymentLocale = "zh-CN",
): string {
  const texts = (PAYMENT_ERROR_TEXT as Texts<string>)[error.code] ?? (BRIDGE_ERROR_TEXT as Texts<string>)[error.code];
  return texts?.[locale] ?? error.code;
}
