// @scangate/gs1 — parse, validate and format GS1 element strings, bracketed HRI, plain EAN/UPC and
// GS1 Digital Link URIs, with the AI table generated from the GS1 Barcode Syntax Dictionary.
export { type AiDefinition, allAis, type Charset, type Component, lookupAi } from "./ai-table.js";
export { gtinCheckDigit, isValidGtin } from "./check-digit.js";
export type { Gs1Error, Gs1ErrorCode, Gs1Warning, Gs1WarningCode, Result } from "./errors.js";
export { type Gs1ElementList, type ToDigitalLinkOptions, toDigitalLink, toElementString, toHri } from "./format.js";
export type { DigitalLinkDetails, Gs1Data, Gs1Element, Gs1Source } from "./gs1-data.js";
export { type ParseOptions, type ParseResult, parse } from "./parse.js";
// Scale labels: parse() reads the default layout; decodeRcn, defineRcnScheme, RCN_PRESETS and
// priceWeightCheckDigit are in "@scangate/gs1/rcn" (src/rcn-entry.ts), so a till that needs none of them does
// not bundle them. The types stay here, as ParseOptions and Gs1Data name them.
export { DEFAULT_RCN_SCHEME } from "./rcn-default.js";
export type {
  RcnCountRule,
  RcnMeasureKind,
  RcnPriceRule,
  RcnRule,
  RcnScheme,
  RcnWeightRule,
} from "./rcn-scheme.js";
export { isRestrictedCirculation, type RcnMeasure, type RcnValue } from "./restricted-circulation.js";
export type { Gs1Decimal, Gs1Measure, Gs1Money, Gs1Percent, Gs1Value } from "./values.js";
