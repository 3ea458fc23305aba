// `@scangate/payments/locale`: what a cashier reads for a payment's state and errors, in zh-CN or English.
export { attemptStateText, type PaymentLocale, paymentErrorText } from "./locale/payment-text.js";
