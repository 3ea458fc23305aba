// @scangate/gs1/rcn — in-store scale labels (restricted-circulation EAN-13s) beyond what parse() reads by
// default: decode any layout, define your own scheme, the shipped national presets, the price/weight check
// digit. A subpath of its own so that the main entry stays within its bundle budget for tills that only meet
// Chinese scale labels (which parse() decodes without any of this).
export { priceWeightCheckDigit } from "./price-check-digit.js";
export { type DecodeRcnOptions, decodeRcn } from "./rcn.js";
export { DEFAULT_RCN_SCHEME } from "./rcn-default.js";
export { RCN_PRESETS, type RcnPresetName } from "./rcn-presets.js";
export {
  defineRcnScheme,
  type RcnCountRule,
  type RcnMeasureKind,
  type RcnPriceRule,
  type RcnRule,
  type RcnScheme,
  type RcnWeightRule,
} from "./rcn-scheme.js";
export { isRestrictedCirculation, type RcnMeasure, type RcnValue } from "./restricted-circulation.js";
