// What a test (or the web-till demo) can make the simulator do: per-code customer behaviour and faults on requests.
// Kept apart from the engine so the engine stays a plain state machine over trades.

/** A fault the simulator injects into one request. */
export type SimulatorFaultKind =
  /** Answer SYSTEMERROR without doing anything (nothing moved). */
  | "SYSTEMERROR"
  /** Do the operation, then answer SYSTEMERROR (the money moved; only a query tells). */
  | "SYSTEMERROR_AFTER_COMMIT"
  /** Answer HTTP 500 without doing anything. */
  | "HTTP_500"
  /** Close the connection without reading the request: the request is lost. */
  | "DROP_REQUEST"
  /** Do the operation, then close the connection: the reply is lost. */
  | "DROP_REPLY"
  /** Do the operation, then never answer (the client times out after the money moved). */
  | "TIMEOUT_AFTER_COMMIT"
  /** For a reverse of an order the customer is still paying: refuse with USERPAYING (WeChat: "正在支付中不能发起撤销"). */
  | "REFUSE_REVERSE_WHILE_PAYING"
  /** For a reverse: the customer's payment completes just before the reverse is handled (the race a till must survive). */
  | "PAY_BEFORE_REVERSE";

/** One scripted fault: applies to the next `times` matching requests. */
export interface SimulatorFault {
  /** Which operation it hits; `"any"` for every one. */
  readonly operation: "pay" | "precreate" | "query" | "reverse" | "refund" | "any";
  /** Only requests for this order number. @default any order */
  readonly outTradeNo?: string;
  readonly fault: SimulatorFaultKind;
  /** How many matching requests it hits. @default 1 */
  readonly times?: number;
}

/** How the customer behind a payment code behaves. */
export interface CodeBehaviour {
  /** `"pay"`: pays; `"decline"`: NOTENOUGH (insufficient balance); `"cancel"`: abandons the password prompt. */
  readonly outcome: "pay" | "decline" | "cancel";
  /** The customer is asked for a password and decides after this long, in ms; 0 = at once. */
  readonly userPayingMs: number;
}

/** A plan for the next requests, given to `script()`; each call adds to what is already scripted. */
export interface SimulatorScript {
  readonly faults?: readonly SimulatorFault[];
  /** Behaviour of specific payment codes, overriding the magic suffixes. */
  readonly codes?: Readonly<Record<string, CodeBehaviour>>;
}

/**
 * The default behaviour of a payment code, from its last digits (documented in README "Simulator"):
 * `…98` declines (insufficient balance), `…97` asks for a password then the customer cancels, any other `…9` asks
 * for a password then pays after `userPayingMs`, everything else pays at once.
 */
export function behaviourOfCode(authCode: string, userPayingMs: number): CodeBehaviour {
  if (authCode.endsWith("98")) return { outcome: "decline", userPayingMs: 0 };
  if (authCode.endsWith("97")) return { outcome: "cancel", userPayingMs };
  if (authCode.endsWith("9")) return { outcome: "pay", userPayingMs };
  return { outcome: "pay", userPayingMs: 0 };
}

/** The scripted faults still pending, consumed as requests match them. */
export interface FaultQueue {
  add(faults: readonly SimulatorFault[]): void;
  /** The first pending fault matching this request, consumed; undefined when none. */
  take(operation: string, outTradeNo: string | undefined): SimulatorFaultKind | undefined;
}

/** An empty fault queue. */
export function createFaultQueue(): FaultQueue {
  const pending: { fault: SimulatorFault; left: number }[] = [];
  return {
    add(faults) {
      for (const fault of faults) pending.push({ fault, left: fault.times ?? 1 });
    },
    take(operation, outTradeNo) {
      const index = pending.findIndex(
        ({ fault }) =>
          (fault.operation === "any" || fault.operation === operation) &&
          (fault.outTradeNo === undefined || fault.outTradeNo === outTradeNo),
      );
      const entry = pending[index];
      if (!entry) return undefined;
      entry.left -= 1;
      if (entry.left <= 0) pending.splice(index, 1);
      return entry.fault.fault;
    },
  };
}
