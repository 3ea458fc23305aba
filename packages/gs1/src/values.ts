// Typed values for validated AI data: calendar dates and local date-times, decimal measures with their unit,
// money in integer minor units, percentages and counts. Everything else stays the string it was encoded as.
import { type AiDefinition, cacheOf } from "./ai-table.js";
import { currencyForNumericCode, minorUnitDigits } from "./currencies.js";
import { calendarDate } from "./dates.js";

/** A decimal number kept exact: `digits` with `decimals` implied decimal places ("001250", 3 → "1.250"). */
export interface Gs1Decimal {
  /** The value as a decimal string, leading zeros dropped: "1.250". */
  readonly decimal: string;
  /** All digits as an integer (1250); exact for every GS1 decimal up to 15 digits. */
  readonly scaled: number;
  /** How many of the digits are decimals (the AI's last digit, e.g. 3 for AI 3103). */
  readonly decimals: number;
}

/** A trade measure (AIs 310n–369n): net weight, length, area, volume … */
export interface Gs1Measure extends Gs1Decimal {
  readonly kind: "measure";
  /** The unit as the GS1 dictionary writes it: "kg", "m", "m²", "l", "lb", "in" … */
  readonly unit: string;
  /** UN/ECE Recommendation 20 code of the unit, as EPCIS quantities use it: "KGM", "MTR", "LTR" … */
  readonly unitCode: string;
}

/** An amount of money (AIs 390n–393n, 395n). */
export interface Gs1Money extends Gs1Decimal {
  readonly kind: "money";
  /**
   * ISO 4217 alphabetic code: from the data for 391n/393n; for 390n/392n/395n, which carry no currency, the
   * till's local currency (`localCurrency` option, default "CNY").
   */
  readonly currency: string | undefined;
  /** ISO 4217 numeric code as encoded in AIs 391n/393n. */
  readonly currencyNumeric?: string;
  /** The amount in integer minor units of `currency` (fen for CNY); undefined when it is not a whole number of them. */
  readonly amountMinor: number | undefined;
}

/** A percentage discount (AI 394n). */
export interface Gs1Percent extends Gs1Decimal {
  readonly kind: "percent";
}

/**
 * The typed value of an element: a string (text, identifiers, "YYYY-MM-DD" dates, "YYYY-MM-DDTHH:MM[:SS]"
 * local date-times, "YYYY-MM-DD/YYYY-MM-DD" date ranges), a number (counts: AIs 30 and 37), or a decimal.
 */
export type Gs1Value = string | number | Gs1Measure | Gs1Money | Gs1Percent;

export interface ValueContext {
  readonly currentYear: number;
  readonly localCurrency: string;
}

/** Types one AI's validated data field. */
export type ValueTyper = (raw: string, context: ValueContext) => Gs1Value;

/**
 * The typer of an AI, worked out from its number and dictionary entry once and then reused; null for an AI
 * whose value is its data string (most AIs), so that the caller skips a call.
 */
function typerOf(definition: AiDefinition): ValueTyper | null {
  const cache = cacheOf(definition);
  if (cache.typer === undefined) cache.typer = compileTyper(definition);
  return cache.typer;
}

/** The typed value of an AI's validated data field. */
export function typedValue(definition: AiDefinition, raw: string, context: ValueContext): Gs1Value {
  const typer = typerOf(definition);
  return typer === null ? raw : typer(raw, context);
}

const asCount: ValueTyper = (raw) => digitsValue(raw);

function compileTyper(definition: AiDefinition): ValueTyper | null {
  const { ai } = definition;
  const decimals = ai.charCodeAt(3) - 48;
  if (ai.length === 4 && ai >= "3100" && ai <= "3699") {
    const unit = unitFromTitle(definition.title);
    const unitCode = UNIT_CODES[unit] ?? unit;
    return (raw) => ({
      kind: "measure",
      decimal: decimalText(raw, decimals),
      scaled: digitsValue(raw),
      decimals,
      unit,
      unitCode,
    });
  }
  if (ai.length === 4 && ai.startsWith("39")) {
    const group = ai[2];
    if (group === "0" || group === "2" || group === "5") {
      return (raw, context) => money(raw, decimals, context.localCurrency);
    }
    if (group === "1" || group === "3") {
      return (raw) => {
        const numeric = raw.slice(0, 3);
        return { ...money(raw.slice(3), decimals, currencyForNumericCode(numeric)), currencyNumeric: numeric };
      };
    }
    if (group === "4") return (raw) => ({ kind: "percent", ...decimalOf(raw, decimals) });
  }
  if (ai === "30" || ai === "37") return asCount;
  if (!(definition.components[0]?.linters.some((linter) => DATE_LINTERS.has(linter)) ?? false)) return null;
  return (raw, context) => dateOf(definition, raw, context.currentYear);
}

const DATE_LINTERS = new Set(["yymmd0", "yymmdd", "yyyymmdd"]);
const TIME_SUFFIX: Readonly<Record<string, (digits: string) => string>> = {
  hhmi: (digits) => `T${digits.slice(0, 2)}:${digits.slice(2)}`,
  hh: (digits) => `T${digits}`,
  mi: (digits) => `:${digits}`,
  ss: (digits) => `:${digits}`,
};

/**
 * Dates and date-times are recognised from the dictionary's linters rather than a list of AIs, so a new date
 * AI in a later dictionary release is typed without code changes: a date component gives "YYYY-MM-DD", a second
 * date component a range "…/YYYY-MM-DD" (AI 7007), time components a local time "THH:MM[:SS]".
 */
function dateOf(definition: AiDefinition, raw: string, currentYear: number): string {
  const { components } = definition;
  // The common case, a lone YYMMDD (AIs 11–17), without building substrings.
  if (components.length === 1 && raw.length === 6) return calendarDate(raw, currentYear);
  let text = "";
  let position = 0;
  for (const component of components) {
    if (position >= raw.length) break;
    const digits = raw.slice(position, position + component.maxLength);
    position += digits.length;
    if (component.linters.some((linter) => DATE_LINTERS.has(linter))) {
      text += (text ? "/" : "") + calendarDate(digits, currentYear);
    } else {
      const suffix = component.linters.map((linter) => TIME_SUFFIX[linter]).find((format) => format !== undefined);
      text += suffix ? suffix(digits) : "";
    }
  }
  // An hour without minutes (AI 8008) still gets them: "YYYY-MM-DDTHH" is not a date-time JavaScript reads.
  return /T\d\d$/.test(text) ? `${text}:00` : text;
}

function money(digits: string, decimals: number, currency: string | undefined): Gs1Money {
  const scaled = digitsValue(digits);
  let amountMinor: number | undefined;
  if (currency !== undefined) {
    const shift = minorUnitDigits(currency) - decimals;
    if (shift >= 0) amountMinor = scaled * 10 ** shift;
    else if (scaled % 10 ** -shift === 0) amountMinor = scaled / 10 ** -shift;
  }
  return { kind: "money", decimal: decimalText(digits, decimals), scaled, decimals, currency, amountMinor };
}

/** A decimal from digits with `decimals` implied places: ("001250", 3) → 1.250. */
export function decimalOf(digits: string, decimals: number): Gs1Decimal {
  return { decimal: decimalText(digits, decimals), scaled: digitsValue(digits), decimals };
}

/**
 * The number validated digits make: "001250" → 1250, as Number() reads them, without its general string
 * conversion (a sixth of the time of typing a weight). Exact up to 15 digits, the longest GS1 numeric value.
 */
function digitsValue(digits: string): number {
  let value = 0;
  for (let i = 0; i < digits.length; i++) value = value * 10 + digits.charCodeAt(i) - 48;
  return value;
}

/** ("001250", 3) → "1.250": the integer part without leading zeros (but one), then the decimals. */
function decimalText(digits: string, decimals: number): string {
  const integerEnd = digits.length - decimals;
  let start = 0;
  while (start < integerEnd - 1 && digits.charCodeAt(start) === 48) start++;
  const integerPart = integerEnd <= 0 ? "0" : digits.slice(start, integerEnd);
  if (decimals === 0) return integerPart;
  return `${integerPart}.${integerEnd < 0 ? digits.padStart(decimals, "0") : digits.slice(integerEnd)}`;
}

// "NET WEIGHT (kg)" → "kg"; "VOLUME (qt (US)), log" → "qt (US)"; "KG PER m²" → "kg/m²".
function unitFromTitle(title: string): string {
  const open = title.indexOf("(");
  if (open < 0) return title === "KG PER m²" ? "kg/m²" : title;
  return title.slice(open + 1, title.lastIndexOf(")"));
}

// UN/ECE Recommendation 20 codes for the dictionary's units (EPCIS 2.0 quantity `uom`).
const UNIT_CODES: Readonly<Record<string, string>> = {
  kg: "KGM",
  m: "MTR",
  "m²": "MTK",
  l: "LTR",
  "m³": "MTQ",
  lb: "LBR",
  in: "INH",
  ft: "FOT",
  yd: "YRD",
  "in²": "INK",
  "ft²": "FTK",
  "yd²": "YDK",
  "in³": "INQ",
  "ft³": "FTQ",
  "yd³": "YDQ",
  "tr oz": "APZ",
  oz: "ONZ",
  "qt (US)": "QTI",
  "gal.": "GLL",
  "gal (US)": "GLL",
  "kg/m²": "28",
};
