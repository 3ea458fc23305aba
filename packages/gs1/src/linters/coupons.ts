// The North American coupon linters: `couponcode` for AI 8110 (North American Coupon Application Guideline
// Using GS1 DataBar Expanded Symbols) and `couponposoffer` for AI 8112 (GS1 AI (8112) Coupon Data
// Specification), following GS1's lint_couponcode.c and lint_couponposoffer.c field by field.
//
// The C linters also pass each GS1 Company Prefix to `gcppos1`. Without a prefix allocation list that only
// checks for four leading digits, which every prefix here has (six or more digits, or none after VLI 9), so
// it is left out.
import {
  ANY_DIGIT,
  type CouponReader,
  excessData,
  readDigit,
  readFixed,
  readVariable,
  startsOptionalField,
} from "./coupon-reader.js";
import { yymmdd } from "./dates.js";
import { failure, nonDigitFailure } from "./lint-failure.js";
import type { Linter, LintFailure } from "./types.js";

const sixMore = (vli: number): number => vli + 6;
const asIs = (vli: number): number => vli;
// VLI 9 on a second or third purchase's GS1 Company Prefix announces no digits: the guideline uses it for
// "same as the primary GS1 Company Prefix".
const sameAsPrimaryOrSixMore = (vli: number): number => (vli === 9 ? 0 : vli + 6);

function readPurchase(reader: CouponReader, ordinal: string): LintFailure | undefined {
  return (
    readVariable(reader, `${ordinal} purchase requirement`, "12345", asIs) ??
    readDigit(reader, `${ordinal} purchase requirement code`, "012349") ??
    readFixed(reader, `${ordinal} purchase family code`, 3)
  );
}

function readExtraPurchase(reader: CouponReader, ordinal: string): LintFailure | undefined {
  return (
    readPurchase(reader, ordinal) ??
    readVariable(reader, `${ordinal} purchase GS1 Company Prefix`, "01234569", sameAsPrimaryOrSixMore)
  );
}

function readDate(reader: CouponReader, field: string): LintFailure | undefined {
  const start = reader.at;
  const tooShort = readFixed(reader, field, 6);
  if (tooShort) return tooShort;
  const invalid = yymmdd(reader.digits.slice(start, start + 6));
  return invalid && failure(start, 6, `coupon ${field} is invalid: ${invalid.message}`);
}

function readOptionalFields(reader: CouponReader): LintFailure | undefined {
  let problem: LintFailure | undefined;
  if (startsOptionalField(reader, "1")) {
    problem = readDigit(reader, "additional purchase rules code", "0123") ?? readExtraPurchase(reader, "second");
    if (problem) return problem;
  }
  if (startsOptionalField(reader, "2")) {
    problem = readExtraPurchase(reader, "third");
    if (problem) return problem;
  }
  let expiry: string | undefined;
  if (startsOptionalField(reader, "3")) {
    problem = readDate(reader, "expiration date");
    if (problem) return problem;
    expiry = reader.digits.slice(reader.at - 6, reader.at);
  }
  if (startsOptionalField(reader, "4")) {
    problem = readDate(reader, "start date");
    if (problem) return problem;
    // Both dates are YYMMDD, compared as strings like the C linter does; the expiration date field
    // immediately precedes, so the marked span runs from its indicator to the end of the start date.
    const start = reader.digits.slice(reader.at - 6, reader.at);
    if (expiry !== undefined && start > expiry) {
      return failure(reader.at - 14, 14, "coupon expiration date is before its start date");
    }
  }
  if (startsOptionalField(reader, "5")) {
    problem = readVariable(reader, "serial number", ANY_DIGIT, sixMore);
    if (problem) return problem;
  }
  if (startsOptionalField(reader, "6")) {
    problem = readVariable(reader, "retailer GS1 Company Prefix or GLN", "1234567", sixMore);
    if (problem) return problem;
  }
  if (startsOptionalField(reader, "9")) {
    problem =
      readDigit(reader, "save value code", "01256") ??
      readDigit(reader, "save value applies to item", "012") ??
      readDigit(reader, "store coupon flag", ANY_DIGIT) ??
      readDigit(reader, "don't multiply flag", "01");
  }
  return problem;
}

/** `couponcode`: AI 8110, the North American coupon code: required fields, then optional fields 1–6 and 9. */
export const couponcode: Linter = (component) => {
  const reader: CouponReader = { digits: component, at: 0 };
  return (
    nonDigitFailure(component) ??
    readVariable(reader, "GS1 Company Prefix", "0123456", sixMore) ??
    readFixed(reader, "offer code", 6) ??
    readVariable(reader, "save value", "12345", asIs) ??
    readPurchase(reader, "first") ??
    readOptionalFields(reader) ??
    excessData(reader)
  );
};

/** `couponposoffer`: AI 8112, the positive offer file coupon: format, funder ID, offer code, serial number. */
export const couponposoffer: Linter = (component) => {
  const reader: CouponReader = { digits: component, at: 0 };
  return (
    nonDigitFailure(component) ??
    readDigit(reader, "format code", "01") ??
    readVariable(reader, "funder ID", "0123456", sixMore) ??
    readFixed(reader, "offer code", 6) ??
    readVariable(reader, "serial number", ANY_DIGIT, sixMore) ??
    excessData(reader)
  );
};
