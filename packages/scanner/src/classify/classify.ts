// Payment code or product code? A till reads both with the same scanner, and mistaking one for the other either
// charges nobody or sells nothing. The AIM id decides first: a phone's payment code is a plain Code 128 (]C0) or
// plain QR Code (]Q1), a product code a GS1 symbology (research pos-domain.md §4.1). Without a trustworthy AIM id
// the content decides, with GTINs and AI (01) first (the rule table is in docs/operators.md).
import { type Gs1Data, type Gs1Error, isValidGtin, type ParseOptions, parse } from "@scangate/gs1";
import { type Scan, scanData } from "../types.js";
import { matchPaymentCode, PAYMENT_CODE_FORMATS, type PaymentCodeFormat } from "./payment-codes.js";

/** Which rule decided a classification; stable, listed in docs/operators.md. */
export type ClassifyRule =
  /** A GS1 AIM id (]C1 ]e0 ]d2 ]Q3 ]J1) or an EAN/UPC/ITF one (]E0 ]E4 ]I1), and the data parsed. */
  | "SYMBOLOGY_GS1"
  /** A plain symbology (]Q1, ]d1, …) carrying a GS1 Digital Link URI. */
  | "SYMBOLOGY_DIGITAL_LINK"
  /** A plain symbology carrying any other URL. */
  | "SYMBOLOGY_URL"
  /** A plain symbology (]C0, ]Q1, …) carrying digits in the payment-code table. */
  | "SYMBOLOGY_PAYMENT"
  /** No trusted AIM id; a GS1 Digital Link URI. */
  | "CONTENT_DIGITAL_LINK"
  /** No trusted AIM id; any other URL. */
  | "CONTENT_URL"
  /** No trusted AIM id; 8, 12, 13 or 14 digits with a valid GTIN check digit. */
  | "CONTENT_GTIN"
  /** No trusted AIM id; starts with AI (01) and parses as GS1 (the wedge scan of a GS1 DataMatrix). */
  | "CONTENT_AI_01"
  /** No trusted AIM id; all digits in the payment-code table. */
  | "CONTENT_PAYMENT"
  /** No trusted AIM id; a leading GS, a GS, brackets or letters (so no payment code), and it parses as GS1. */
  | "CONTENT_GS1_SYNTAX";

/** Why a scan is neither product, payment nor URL; stable, listed in docs/operators.md. */
export type UnknownScanReason =
  /** Nothing but white space. */
  | "EMPTY_SCAN"
  /** GS1 by its AIM id or its syntax, but the data is wrong; `error` says how. */
  | "INVALID_GS1"
  /** No trusted AIM id; all digits, yet no GTIN, no AI (01) first and no known payment code. */
  | "AMBIGUOUS_NUMBER"
  /** Neither GS1 nor a URL nor a payment code (a plain symbology with other data, or free text). */
  | "NOT_RECOGNISED";

/** What a scan is, and what decided it. */
export type Classification =
  | { readonly kind: "gs1"; readonly rule: ClassifyRule; readonly data: Gs1Data }
  | { readonly kind: "payment"; readonly rule: ClassifyRule; readonly wallet: string; readonly code: string }
  | { readonly kind: "url"; readonly rule: ClassifyRule; readonly url: string }
  | { readonly kind: "unknown"; readonly reason: UnknownScanReason; readonly error?: Gs1Error };

/** Options of {@link classify}. */
export interface ClassifyOptions {
  /**
   * The payment codes to recognise, first match wins.
   * @default PAYMENT_CODE_FORMATS (Alipay, WeChat Pay, UnionPay QuickPass)
   */
  readonly paymentCodes?: readonly PaymentCodeFormat[];
  /** How `@scangate/gs1` reads product codes: pass `today` from the store clock, and any `gsSubstitutes`. */
  readonly gs1?: ParseOptions;
}

/** AIM ids whose data is GS1 by definition: the symbol says so (FNC1 first), or EAN/UPC/ITF-14 carry a GTIN. */
const GS1_SYMBOLOGIES: ReadonlySet<string> = new Set(["]C1", "]e0", "]d2", "]Q3", "]J1", "]E0", "]E4", "]I1"]);
const GTIN_LENGTHS: ReadonlySet<number> = new Set([8, 12, 13, 14]);
const URL_SCHEME = /^[A-Za-z][A-Za-z0-9+.-]*:\/\//;
const DIGITS = /^\d+$/;
const GS = "\u001d";

/**
 * Tells a customer's payment code from a product code (or a URL). Never throws for any scan.
 *
 * 1. A trusted AIM id decides the family: a GS1 one is always a product (`gs1`, or `unknown` with the parse error),
 *    never a payment; any other is a URL, a payment code from the table, or `unknown`.
 * 2. Without one (no AIM id, or `symbologySource: "inferred"`, since ScanGate inferred it from the content), in
 *    order: a URL is a Digital Link or a `url`; 8/12/13/14 digits with a valid check digit are a GTIN; data that
 *    starts with AI (01) and parses is a product; a GS, brackets or letters mean GS1 (payment codes are digits only);
 *    other digits are a payment code from the table, or else `AMBIGUOUS_NUMBER`.
 *
 * @example
 * classify({ text: "134567890123456789", symbology: "]C0" }); // { kind: "payment", wallet: "wechat", … }
 * classify({ text: "0109521234543213" }); // { kind: "gs1", rule: "CONTENT_AI_01", data: { gtin: "09521234543213", … } }
 */
export function classify(
  scan: Pick<Scan, "text" | "symbology" | "symbologySource" | "normalizations">,
  options: ClassifyOptions = {},
): Classification {
  const formats = options.paymentCodes ?? PAYMENT_CODE_FORMATS;
  const text = scan.text.trim();
  if (text === "") return { kind: "unknown", reason: "EMPTY_SCAN" };
  const trusted = scan.symbology !== undefined && scan.symbologySource !== "inferred";
  if (trusted) return bySymbology(scan, text, formats, options.gs1);
  return byContent(scan, text, formats, options.gs1);
}

function bySymbology(
  scan: Pick<Scan, "text" | "symbology">,
  text: string,
  formats: readonly PaymentCodeFormat[],
  gs1: ParseOptions | undefined,
): Classification {
  if (GS1_SYMBOLOGIES.has(scan.symbology ?? "")) return asGs1(parse(scanData(scan), gs1), "SYMBOLOGY_GS1");
  if (URL_SCHEME.test(text)) {
    const read = parse(scanData(scan), gs1);
    if (read.ok) return { kind: "gs1", rule: "SYMBOLOGY_DIGITAL_LINK", data: read.value };
    return { kind: "url", rule: "SYMBOLOGY_URL", url: text };
  }
  const wallet = matchPaymentCode(text, formats);
  if (wallet) return { kind: "payment", rule: "SYMBOLOGY_PAYMENT", wallet: wallet.wallet, code: text };
  return { kind: "unknown", reason: "NOT_RECOGNISED" };
}

function byContent(
  scan: Pick<Scan, "normalizations">,
  text: string,
  formats: readonly PaymentCodeFormat[],
  gs1: ParseOptions | undefined,
): Classification {
  if (URL_SCHEME.test(text)) {
    const read = parse(text, gs1);
    if (read.ok) return { kind: "gs1", rule: "CONTENT_DIGITAL_LINK", data: read.value };
    return { kind: "url", rule: "CONTENT_URL", url: text };
  }
  const digitsOnly = DIGITS.test(text);
  if (digitsOnly && GTIN_LENGTHS.has(text.length) && isValidGtin(text)) return asGs1(parse(text, gs1), "CONTENT_GTIN");
  // GS1 puts the GTIN first on a trade item, and no payment format starts with "01"; an AI (10)–(15) first could be
  // an 18-digit WeChat code, so only AI (01) makes a bare number a product (pos-domain.md §4.1, "Collision to guard").
  const ai01 = text.startsWith("01") ? parse(text, gs1) : undefined;
  if (ai01?.ok) return { kind: "gs1", rule: "CONTENT_AI_01", data: ai01.value };
  const leadingGs = text.startsWith(GS) || scan.normalizations?.includes("aim:leading-gs") === true;
  if (leadingGs || !digitsOnly) {
    // Payment codes are all digits: anything else can only be meant as GS1 (or is not recognised at all).
    const read = ai01 ?? parse(text, gs1);
    if (read.ok) return { kind: "gs1", rule: "CONTENT_GS1_SYNTAX", data: read.value };
    return {
      kind: "unknown",
      reason: read.error.code === "NOT_GS1" ? "NOT_RECOGNISED" : "INVALID_GS1",
      error: read.error,
    };
  }
  const wallet = matchPaymentCode(text, formats);
  if (wallet) return { kind: "payment", rule: "CONTENT_PAYMENT", wallet: wallet.wallet, code: text };
  if (ai01 !== undefined && !ai01.ok) return { kind: "unknown", reason: "INVALID_GS1", error: ai01.error };
  return { kind: "unknown", reason: "AMBIGUOUS_NUMBER" };
}

function asGs1(read: ReturnType<typeof parse>, rule: ClassifyRule): Classification {
  if (read.ok) return { kind: "gs1", rule, data: read.value };
  return { kind: "unknown", reason: "INVALID_GS1", error: read.error };
}
