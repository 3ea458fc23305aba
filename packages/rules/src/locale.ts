// `@scangate/rules/locale`: what a cashier reads for a verdict, in zh-CN or English.
export { type LocalizedText, pickText, type ReasonLocale, reasonText } from "./locale/reason-text.js";
