// Every state and every error code has a text for the cashier in both languages.
import { describe, expect, it } from "vitest";
import { UNRESOLVED_STATES } from "../src/bridge/attempt.js";
import { attemptStateText, paymentErrorText } from "../src/locale.js";

const RESOLVED = ["PAID", "FAILED", "REVERSED", "PARTIALLY_REFUNDED", "REFUNDED"] as const;
const PAYMENT_CODES = [
  "declined",
  "code_invalid_or_used",
  "customer_action_required",
  "outcome_unknown",
  "cancelled",
  "unavailable",
  "integration",
] as const;
const BRIDGE_CODES = [
  "AMOUNT_NOT_INTEGER",
  "AMOUNT_NOT_POSITIVE",
  "AMOUNT_OVER_LIMIT",
  "CURRENCY_MISMATCH",
  "PROVIDER_UNSUPPORTED",
  "ATTEMPT_UNRESOLVED",
  "TENDER_EXCEEDS_BALANCE",
  "ATTEMPT_NOT_FOUND",
  "INVALID_STATE",
  "STORAGE_FAILED",
  "PROVIDER_ERROR",
] as const;

describe("payment texts", () => {
  it("shows the cashier a Chinese and an English text for every attempt state", () => {
    for (const state of [...UNRESOLVED_STATES, ...RESOLVED]) {
      expect(attemptStateText(state, "zh-CN")).toMatch(/[\u4e00-\u9fff]/);
      expect(attemptStateText(state, "en")).toMatch(/^[A-Z]/);
    }
    expect(attemptStateText("UNKNOWN")).toContain("请勿重复收款");
  });

  it("shows the cashier a text for every payment and bridge error code, never the bare code", () => {
    for (const code of [...PAYMENT_CODES, ...BRIDGE_CODES]) {
      expect(paymentErrorText({ code }, "zh-CN")).toMatch(/[\u4e00-\u9fff]/);
      expect(paymentErrorText({ code }, "en")).not.toBe(code);
    }
    expect(paymentErrorText({ code: "code_invalid_or_used" }, "en")).toBe(
      "Code invalid or used — ask the customer to refresh it",
    );
  });
});
