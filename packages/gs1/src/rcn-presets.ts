// Ready-made RCN schemes. The European ones follow the layouts GS1 Member Organisations publish, as collected
// by jodal/biip 5.0.0 (src/biip/rcn.py, Apache-2.0), re-expressed as layouts; China's follows its scales.
import { withScaleDecoder } from "./rcn.js";
import { CHINA_SCALE } from "./rcn-default.js";
import type { RcnScheme } from "./rcn-scheme.js";

export { DEFAULT_RCN_SCHEME } from "./rcn-default.js";

/** GS1 Denmark: 21–24 price in DKK (øre), 26–28 weight in grams; 27 keeps a 5-digit item code. */
const DENMARK: RcnScheme = {
  name: "DENMARK",
  rules: [
    { prefixes: ["21", "22", "23", "24"], layout: "FFIIIIVVVVVVC", measure: "price", currency: "DKK", decimals: 2 },
    { prefixes: ["26", "28"], layout: "FFIIIIVVVVVVC", measure: "weight", decimals: 3 },
    { prefixes: ["27"], layout: "FFIIIIIVVVVVC", measure: "weight", decimals: 3 },
  ],
};

/**
 * GS1 Germany: price in EUR (22–23), pieces (25–26) or weight (28–29), each after a 5-digit price/weight
 * check digit (the SAN-4 concept).
 */
const GERMANY: RcnScheme = {
  name: "GERMANY",
  rules: [
    { prefixes: ["22", "23"], layout: "FFIIIIKVVVVVC", measure: "price", currency: "EUR", decimals: 2 },
    { prefixes: ["25", "26"], layout: "FFIIIIKVVVVVC", measure: "count" },
    { prefixes: ["28", "29"], layout: "FFIIIIKVVVVVC", measure: "weight", decimals: 3 },
  ],
};

/** GS1 UK: prefix 20, a 5-digit item code, a 4-digit price check digit and the price in pence. */
const GREAT_BRITAIN: RcnScheme = {
  name: "GREAT_BRITAIN",
  rules: [{ prefixes: ["20"], layout: "FFIIIIIKVVVVC", measure: "price", currency: "GBP", decimals: 2 }],
};

/** Weight in kilograms with 3, 2 or 1 decimals (prefix 23, 24, 25) after a 6-digit item code. */
const WEIGHT_23_TO_25 = [
  { prefixes: ["23"], layout: "FFIIIIIIVVVVC", measure: "weight", decimals: 3 },
  { prefixes: ["24"], layout: "FFIIIIIIVVVVC", measure: "weight", decimals: 2 },
  { prefixes: ["25"], layout: "FFIIIIIIVVVVC", measure: "weight", decimals: 1 },
] as const;

/** The Nordic price layout: 20–22 carry a 4-digit price with 2, 1 or 0 decimals, then 23–25 as weights. */
function nordic(name: string, currency: string): RcnScheme {
  return {
    name,
    rules: [
      { prefixes: ["20"], layout: "FFIIIIIIVVVVC", measure: "price", currency, decimals: 2 },
      { prefixes: ["21"], layout: "FFIIIIIIVVVVC", measure: "price", currency, decimals: 1 },
      { prefixes: ["22"], layout: "FFIIIIIIVVVVC", measure: "price", currency, decimals: 0 },
      ...WEIGHT_23_TO_25,
    ],
  };
}

/**
 * The schemes ScanGate ships, by name. Each is plain data: spread one into `defineRcnScheme` to adapt it.
 *
 * - `CHINA_SCALE` — the default (see {@link DEFAULT_RCN_SCHEME}).
 * - `DENMARK`, `GERMANY`, `GREAT_BRITAIN`, `SWEDEN` — layouts published by the GS1 Member Organisation.
 * - `ESTONIA`, `LATVIA`, `LITHUANIA` — the shared Baltic weight layout (GS1 Latvia), weights only;
 *   `FINLAND` uses the same layout (GS1 Finland).
 * - `NORWAY` — no published layout found; Norwegian labels match Sweden's rules (per biip).
 */
// Each preset is registered with parse() (withScaleDecoder), marked pure so that a bundle without RCN_PRESETS
// drops them.
export const RCN_PRESETS = {
  CHINA_SCALE,
  DENMARK: /* @__PURE__ */ withScaleDecoder(DENMARK),
  ESTONIA: /* @__PURE__ */ withScaleDecoder({ name: "ESTONIA", rules: WEIGHT_23_TO_25 }),
  FINLAND: /* @__PURE__ */ withScaleDecoder({ name: "FINLAND", rules: WEIGHT_23_TO_25 }),
  GERMANY: /* @__PURE__ */ withScaleDecoder(GERMANY),
  GREAT_BRITAIN: /* @__PURE__ */ withScaleDecoder(GREAT_BRITAIN),
  LATVIA: /* @__PURE__ */ withScaleDecoder({ name: "LATVIA", rules: WEIGHT_23_TO_25 }),
  LITHUANIA: /* @__PURE__ */ withScaleDecoder({ name: "LITHUANIA", rules: WEIGHT_23_TO_25 }),
  NORWAY: /* @__PURE__ */ withScaleDecoder(nordic("NORWAY", "NOK")),
  SWEDEN: /* @__PURE__ */ withScaleDecoder(nordic("SWEDEN", "SEK")),
} as const satisfies Record<string, RcnScheme>;

/** The name of a shipped scheme, e.g. for a config file's `"rcnScheme": "GERMANY"`. */
export type RcnPresetName = keyof typeof RCN_PRESETS;
