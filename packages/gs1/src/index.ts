// @scangate/gs1 — parse, validate and format GS1 element strings, bracketed HRI, plain EAN/UPC and
// GS1 Digital Link URIs, with the AI table generated from the GS1 Barcode Syntax Dictionary.
export { type AiDefinition, allAis, type Charset, type Component, lookupAi } from "./ai-table.js";
export { gtinCheckDigit, isValidGtin } from "./check-digit.js";
export type { Gs1Error, Gs1ErrorCode, Gs1Warning, Gs1WarningCode, Result } from "./errors.js";
export { type Gs1ElementList, type ToDigitalLinkOptions, toDigitalLink, toElementString, toHri } from "./format.js";
export type { DigitalLinkDetails, Gs1Data, Gs1Element, Gs1Source } from "./gs1-data.js";
export { type ParseOptions, type ParseResult, parse } from "./parse.js";
export { priceWeightCheckDigit } from "./price-check-digit.js";
export { type DecodeRcnOptions, decodeRcn, isRestrictedCirculation, type RcnMeasure, type RcnValue } from "./rcn.js";
export { DEFAULT_RCN_SCHEME, RCN_PRESETS, type RcnPresetName } from "./rcn-presets.js";
export {
  defineRcnScheme,
  type RcnCountRule,
  type RcnMeasureKind,
  type RcnPriceRule,
  type RcnRule,
  type RcnScheme,
  type RcnWeightRule,
} from "./rcn-scheme.js";
export type { Gs1Decimal, Gs1Measure, Gs1Money, Gs1Percent, Gs1Value } from "./values.js";
