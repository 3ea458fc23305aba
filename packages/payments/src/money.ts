// Money is integer minor units (fen, cents) with an ISO 4217 code, never floating point (ARCHITECTURE.md).
import { type BridgeError, bridgeError } from "./errors.js";
import { ok, type Result } from "./result.js";

/** An amount of money: integer minor units (fen for CNY) and its ISO 4217 currency. */
export interface Money {
  /** Minor units, a safe integer (e.g. 1250 = ¥12.50). */
  readonly amountMinor: number;
  /** ISO 4217 alphabetic code, e.g. `"CNY"`. */
  readonly currency: "CNY" | (string & {});
}

/** Limits an amount must respect. */
export interface MoneyLimits {
  /** The largest accepted amount, in minor units. @default Number.MAX_SAFE_INTEGER */
  readonly maxAmountMinor?: number;
  /** The only currency accepted, when set. */
  readonly currency?: string;
}

const ISO_4217 = /^[A-Z]{3}$/;

/**
 * Checks that `amount` is a positive safe integer number of minor units in a well-formed currency, within `limits`.
 * @example
 * validateMoney({ amountMinor: 1250, currency: "CNY" }, { maxAmountMinor: 5_000_00 }); // { ok: true, value }
 */
export function validateMoney(amount: Money, limits: MoneyLimits = {}): Result<Money, BridgeError> {
  if (!Number.isSafeInteger(amount.amountMinor))
    return bridgeError("AMOUNT_NOT_INTEGER", `amount ${amount.amountMinor} is not a whole number of minor units`);
  if (amount.amountMinor <= 0) return bridgeError("AMOUNT_NOT_POSITIVE", `amount ${amount.amountMinor} is not > 0`);
  if (!ISO_4217.test(amount.currency))
    return bridgeError("CURRENCY_MISMATCH", `currency ${JSON.stringify(amount.currency)} is not ISO 4217`);
  if (limits.currency !== undefined && amount.currency !== limits.currency)
    return bridgeError("CURRENCY_MISMATCH", `currency ${amount.currency} is not ${limits.currency}`);
  const max = limits.maxAmountMinor ?? Number.MAX_SAFE_INTEGER;
  if (amount.amountMinor > max)
    return bridgeError("AMOUNT_OVER_LIMIT", `amount ${amount.amountMinor} is over the limit ${max}`);
  return ok(amount);
}
