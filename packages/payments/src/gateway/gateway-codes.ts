// How each gateway code maps to ScanGate's payment taxonomy (errors.ts). This table IS the documented mapping: the
// README prints it and test/errors-docs.test.ts checks the README against it. `"ok"` codes are not errors.
import type { PaymentErrorCode } from "../errors.js";
import type { GatewayCode } from "./protocol.js";

/** The ScanGate code for every gateway code (`"ok"` when the answer is a success). */
export const GATEWAY_CODE_MAP: Readonly<Record<GatewayCode, PaymentErrorCode | "ok">> = {
  SUCCESS: "ok",
  USERPAYING: "customer_action_required",
  SYSTEMERROR: "outcome_unknown",
  AUTH_CODE_INVALID: "code_invalid_or_used",
  AUTHCODEEXPIRE: "code_invalid_or_used",
  AUTH_CODE_USED: "code_invalid_or_used",
  NOTENOUGH: "declined",
  PAYERROR: "declined",
  USER_CANCELLED: "cancelled",
  ORDERREVERSED: "cancelled",
  ORDERCLOSED: "cancelled",
  // For a query this is the answer "never seen" (TradeStatus not_found); elsewhere our request named a wrong order.
  TRADE_NOT_EXIST: "integration",
  TRADE_HAS_REFUND: "declined",
  REFUND_EXCEEDED: "declined",
  OUT_TRADE_NO_USED: "integration",
  OUT_REFUND_NO_USED: "integration",
  SIGN_ERROR: "integration",
  PARAM_ERROR: "integration",
  RATE_LIMITED: "unavailable",
};
