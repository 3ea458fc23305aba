// Reading the digits of a North American coupon (AIs 8110 and 8112) field by field. Each step either moves the
// reader on or returns the failure, located the way GS1's lint_couponcode.c and lint_couponposoffer.c locate it:
// a field that is absent marks the whole data, a short field marks what is left of it.
import { failure } from "./lint-failure.js";
import type { LintFailure } from "./types.js";

/** The coupon's digits and how far they have been read. */
export interface CouponReader {
  readonly digits: string;
  at: number;
}

/** Every digit, for fields whose digit is not restricted. */
export const ANY_DIGIT = "0123456789";

function missing(reader: CouponReader, field: string): LintFailure {
  return failure(0, reader.digits.length, `coupon ${field} is missing`);
}

/** Reads a field of `count` digits. */
export function readFixed(reader: CouponReader, field: string, count: number): LintFailure | undefined {
  const left = reader.digits.length - reader.at;
  if (left < count) {
    const message = `coupon ${field} is too short`;
    return left === 0 ? failure(0, reader.digits.length, message) : failure(reader.at, left, message);
  }
  reader.at += count;
  return undefined;
}

/** Reads a one-digit field that may only take one of the `allowed` digits. */
export function readDigit(reader: CouponReader, field: string, allowed: string): LintFailure | undefined {
  const digit = reader.digits.charAt(reader.at);
  if (digit === "") return missing(reader, field);
  if (!allowed.includes(digit)) return failure(reader.at, 1, `coupon ${field} cannot be ${digit}`);
  reader.at++;
  return undefined;
}

/** Reads a variable-length field: a VLI digit from `allowed`, then the `lengthFor(VLI)` digits it announces. */
export function readVariable(
  reader: CouponReader,
  field: string,
  allowed: string,
  lengthFor: (vli: number) => number,
): LintFailure | undefined {
  return (
    readDigit(reader, `${field} VLI`, allowed) ??
    readFixed(reader, field, lengthFor(reader.digits.charCodeAt(reader.at - 1) - 48))
  );
}

/** Moves past an optional field's indicator digit when the field comes next; tells whether it did. */
export function startsOptionalField(reader: CouponReader, indicator: string): boolean {
  if (reader.digits.charAt(reader.at) !== indicator) return false;
  reader.at++;
  return true;
}

/** Fails when digits are left over after the last field. */
export function excessData(reader: CouponReader): LintFailure | undefined {
  const left = reader.digits.length - reader.at;
  return left === 0 ? undefined : failure(reader.at, left, "coupon has excess data");
}
