// ISO 4217 currencies by numeric code (AIs 391n and 393n carry the numeric code), with their minor units, so
// that amounts become integer minor units (fen, cents). Active codes as published by the ISO 4217 maintenance
// agency (SIX), list of 2024; funds and precious-metal codes are left out as no till prices in them.

// "alpha numeric" pairs; minor units are 2 unless listed in the exceptions below.
const CODES =
  "AED784 AFN971 ALL008 AMD051 AOA973 ARS032 AUD036 AWG533 AZN944 BAM977 BBD052 BDT050 BGN975 BHD048 " +
  "BIF108 BMD060 BND096 BOB068 BRL986 BSD044 BTN064 BWP072 BYN933 BZD084 CAD124 CDF976 CHF756 CLP152 CNY156 " +
  "COP170 CRC188 CUP192 CVE132 CZK203 DJF262 DKK208 DOP214 DZD012 EGP818 ERN232 ETB230 EUR978 FJD242 FKP238 " +
  "GBP826 GEL981 GHS936 GIP292 GMD270 GNF324 GTQ320 GYD328 HKD344 HNL340 HTG332 HUF348 IDR360 ILS376 INR356 " +
  "IQD368 IRR364 ISK352 JMD388 JOD400 JPY392 KES404 KGS417 KHR116 KMF174 KPW408 KRW410 KWD414 KYD136 KZT398 " +
  "LAK418 LBP422 LKR144 LRD430 LSL426 LYD434 MAD504 MDL498 MGA969 MKD807 MMK104 MNT496 MOP446 MRU929 MUR480 " +
  "MVR462 MWK454 MXN484 MYR458 MZN943 NAD516 NGN566 NIO558 NOK578 NPR524 NZD554 OMR512 PAB590 PEN604 PGK598 " +
  "PHP608 PKR586 PLN985 PYG600 QAR634 RON946 RSD941 RUB643 RWF646 SAR682 SBD090 SCR690 SDG938 SEK752 SGD702 " +
  "SHP654 SLE925 SOS706 SRD968 SSP728 STN930 SVC222 SYP760 SZL748 THB764 TJS972 TMT934 TND788 TOP776 TRY949 " +
  "TTD780 TWD901 TZS834 UAH980 UGX800 USD840 UYU858 UZS860 VES928 VND704 VUV548 WST882 XAF950 XCD951 XCG532 " +
  "XOF952 XPF953 YER886 ZAR710 ZMW967 ZWG924";
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
    for (const pair of CODES.split(" ")) byNumeric.set(pair.slice(3), pair.slice(0, 3));
  }
  return byNumeric.get(numeric);
}

/** How many decimals a currency's minor unit has (2 for CNY: 1 yuan = 100 fen). */
export function minorUnitDigits(currency: string): number {
  return MINOR_UNIT_EXCEPTIONS[currency] ?? 2;
}
