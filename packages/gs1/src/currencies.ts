// ISO 4217 currencies by numeric code (AIs 391n and 393n carry the numeric code), with their minor units, so
// that amounts become integer minor units (fen, cents). Active codes as published by the ISO 4217 maintenance
// agency (SIX), list of 2024; funds and precious-metal codes are left out as no till prices in them.
import { ISO4217_NUMERIC_BITS } from "./linters/code-list-data.js";
import { isListedNumeric } from "./linters/code-lists.js";

// The alphabetic code of each numeric code that the `iso4217` linter accepts, in numeric order (008 ALL, 012
// DZD, 032 ARS …), so the numeric codes need not be written twice; "-" for a code that is no currency here
// (withdrawn, fund, precious metal, testing).
const ALPHABETIC_CODES =
  "ALL DZD ARS AUD BSD BHD BDT AMD BBD BMD BTN BOB BWP BZD SBD BND MMK BIF KHR CAD CVE KYD LKR CLP CNY COP KMF CRC - " +
  "CUP CZK DKK DOP SVC ETB ERN FKP FJD DJF GMD GIP GTQ GNF GYD HTG HNL HKD HUF ISK INR IDR IRR IQD ILS JMD JPY KZT " +
  "JOD KES KPW KRW KWD KGS LAK LBP LSL LRD LYD MOP MWK MYR MVR MUR MXN MNT MDL MAD OMR NAD NPR XCG AWG VUV NZD NIO " +
  "NGN NOK PKR PAB PGK PYG PEN PHP QAR RUB RWF SHP SAR SCR - SGD VND SOS ZAR SSP SZL SEK CHF SYP THB TOP TTD AED TND " +
  "UGX MKD EGP GBP TZS USD UYU UZS WST YER TWD ZWG SLE - VES MRU STN - BYN TMT GHS SDG - RSD MZN AZN RON - - TRY XAF " +
  "XCD XOF XPF - - - - - - - - - - - ZMW SRD MGA - AFN TJS AOA BGN CDF BAM EUR - UAH GEL - PLN BRL - - - -";
// Minor units are 2 digits but for these. An object literal, not a Map, since the till's own currency is looked
// up on every price: a cached property read.
const MINOR_UNIT_EXCEPTIONS: Readonly<Record<string, number>> = {
  BIF: 0,
  CLP: 0,
  DJF: 0,
  GNF: 0,
  ISK: 0,
  JPY: 0,
  KMF: 0,
  KRW: 0,
  PYG: 0,
  RWF: 0,
  UGX: 0,
  VND: 0,
  VUV: 0,
  XAF: 0,
  XOF: 0,
  XPF: 0,
  BHD: 3,
  IQD: 3,
  JOD: 3,
  KWD: 3,
  LYD: 3,
  OMR: 3,
  TND: 3,
};

let byNumeric: Map<string, string> | undefined;

/** The alphabetic ISO 4217 code for a numeric one ("156" → "CNY"), or undefined when unknown. */
export function currencyForNumericCode(numeric: string): string | undefined {
  if (!byNumeric) {
    byNumeric = new Map();
    const codes = ALPHABETIC_CODES.split(" ");
    let next = 0;
    for (let value = 0; value < 1000; value++) {
      const code = String(value).padStart(3, "0");
      if (!isListedNumeric(ISO4217_NUMERIC_BITS, code)) continue;
      const alphabetic = codes[next++];
      if (alphabetic !== undefined && alphabetic !== "-") byNumeric.set(code, alphabetic);
    }
  }
  return byNumeric.get(numeric);
}

/** How many decimals a currency's minor unit has (2 for CNY: 1 yuan = 100 fen). */
export function minorUnitDigits(currency: string): number {
  // A till prices in one currency all day: remember the last answer rather than look it up per price.
  if (currency !== lastCurrency) {
    lastCurrency = currency;
    lastMinorUnitDigits = MINOR_UNIT_EXCEPTIONS[currency] ?? 2;
  }
  return lastMinorUnitDigits;
}

let lastCurrency = "";
let lastMinorUnitDigits = 2;
