// Customer-presented payment codes (付款码): the digits a wallet app shows as a Code 128 and a QR Code on the
// customer's phone. Formats from research pos-domain.md §4.1: Alipay from the `alipay.trade.pay` `auth_code`
// documentation, WeChat Pay from its micropay documentation and the face-pay SDK's own error text, UnionPay
// QuickPass from developer blogs only (no UnionPay document found). The wallets call their prefixes advisory, so
// integrators can replace the table.

/** How one wallet's payment codes look: all digits, a length range and leading digits. */
export interface PaymentCodeFormat {
  /** The name a classification reports, e.g. "alipay". */
  readonly wallet: string;
  /** Fewest digits, inclusive. */
  readonly minDigits: number;
  /** Most digits, inclusive. */
  readonly maxDigits: number;
  /** Leading digits; a code must start with one of them. */
  readonly prefixes: readonly string[];
}

/** The payment codes ScanGate knows by default. Codes 16–24 digits long, so never the length of a GTIN. */
export const PAYMENT_CODE_FORMATS: readonly PaymentCodeFormat[] = [
  // "25~30开头的长度为16~24位的数字"
  { wallet: "alipay", minDigits: 16, maxDigits: 24, prefixes: ["25", "26", "27", "28", "29", "30"] },
  // "18位纯数字,以10、11、12、13、14、15开头"
  { wallet: "wechat", minDigits: 18, maxDigits: 18, prefixes: ["10", "11", "12", "13", "14", "15"] },
  // "62开头19位" (developer blogs only)
  { wallet: "unionpay", minDigits: 19, maxDigits: 19, prefixes: ["62"] },
];

/** The first format the digits fit, in table order. */
export function matchPaymentCode(digits: string, formats: readonly PaymentCodeFormat[]): PaymentCodeFormat | undefined {
  if (!/^\d+$/.test(digits)) return undefined;
  return formats.find(
    (format) =>
      digits.length >= format.minDigits &&
      digits.length <= format.maxDigits &&
      format.prefixes.some((prefix) => digits.startsWith(prefix)),
  );
}
