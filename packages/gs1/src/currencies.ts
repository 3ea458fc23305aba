// ISO 4217 currencies by numeric code (AIs 391n and 393n carry the numeric code), with their minor units, so
// that amounts become integer minor units (fen, cents). Active codes as published by the ISO 4217 maintenance
// agency (SIX), list of 2024; funds and precious-metal codes are left out as no till prices in them.
import { ISO4217_NUMERIC_BITS } from "./linters/code-list-data.js";
import { isListedNumeric } from "./linters/code-lists.js";

// The alphabetic code of each numeric code that the `iso4217` linter accepts, in numeric order (008 ALL, 012
// DZD, 032 ARS …), three letters each, so the numeric codes need not be written twice; "---" for a code that is
// no currency here (withdrawn, fund, precious metal, testing).
const ALPHABETIC_CODES =
  "ALLDZDARSAUDBSDBHDBDTAMDBBDBMDBTNBOBBWPBZDSBDBNDMMKBIFKHRCADCVEKYDLKRCLPCNYCOPKMFCRC---CUPCZKDKKDOPSVCETBERN" +
  "FKPFJDDJFGMDGIPGTQGNFGYDHTGHNLHKDHUFISKINRIDRIRRIQDILSJMDJPYKZTJODKESKPWKRWKWDKGSLAKLBPLSLLRDLYDMOPMWKMYRMVR" +
  "MURMXNMNTMDLMADOMRNADNPRXCGAWGVUVNZDNIONGNNOKPKRPABPGKPYGPENPHPQARRUBRWFSHPSARSCR---SGDVNDSOSZARSSPSZLSEKCHF" +
  "SYPTHBTOPTTDAEDTNDUGXMKDEGPGBPTZSUSDUYUUZSWSTYERTWDZWGSLE---VESMRUSTN---BYNTMTGHSSDG---RSDMZNAZNRON------TRY" +
  "XAFXCDXOFXPF---------------------------------ZMWSRDMGA---AFNTJSAOABGNCDFBAMEUR---UAHGEL---PLNBRL------------";
// Minor units are 2 digits but for these. minorUnitDigits remembers its last answer, as the till's own
// currency is looked up on every price.
const NO_MINOR_UNIT = "BIF CLP DJF GNF ISK JPY KMF KRW PYG RWF UGX VND VUV XAF XOF XPF".split(" ");
const THREE_DIGIT_MINOR_UNIT = "BHD IQD JOD KWD LYD OMR TND".split(" ");

let byNumeric: Map<string, string> | undefined;

/** The alphabetic ISO 4217 code for a numeric one ("156" → "CNY"), or undefined when unknown. */
export function currencyForNumericCode(numeric: string): string | undefined {
  if (!byNumeric) {
    byNumeric = new Map();
    let next = 0;
    for (let value = 0; value < 1000; value++) {
      const code = String(value).padStart(3, "0");
      if (!isListedNumeric(ISO4217_NUMERIC_BITS, code)) continue;
      const alphabetic = ALPHABETIC_CODES.slice(next, next + 3);
      next += 3;
      if (alphabetic !== "---") byNumeric.set(code, alphabetic);
    }
  }
  return byNumeric.get(numeric);
}

/** How many decimals a currency's minor unit has (2 for CNY: 1 yuan = 100 fen). */
export function minorUnitDigits(currency: string): number {
  // A till prices in one currency all day: remember the last answer rather than look it up per price.
  if (currency !== lastCurrency) {
    lastCurrency = currency;
    lastMinorUnitDigits = NO_MINOR_UNIT.includes(currency) ? 0 : THREE_DIGIT_MINOR_UNIT.includes(currency) ? 3 : 2;
  }
  return lastMinorUnitDigits;
}

let lastCurrency = "";
let lastMinorUnitDigits = 2;
