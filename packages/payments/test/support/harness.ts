// Opens what the payment tests need the way a till would: a real gateway simulator on 127.0.0.1, httpGateway against
// it, and bridges on fake-indexeddb (injected, never global) with short real intervals so a test takes < 1 s.
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { lastValueFrom, type Observable, toArray } from "rxjs";
import type { AttemptState, PaymentAttempt, Tender } from "../../src/bridge/attempt.js";
import {
  type AttemptUpdate,
  createPaymentBridge,
  type PaymentBridge,
  type PaymentBridgeOptions,
} from "../../src/bridge/create-payment-bridge.js";
import { type HttpGatewayOptions, httpGateway } from "../../src/gateway/http-gateway.js";
import type { Money } from "../../src/money.js";
import type { PaymentProvider } from "../../src/provider.js";
import type { GatewaySimulator } from "../../src/simulator/sim-server.js";

/** ¥ in minor units. */
export const cny = (amountMinor: number): Money => ({ amountMinor, currency: "CNY" });

let serial = 0;
/** A name or number no other test in this file uses. */
export function unique(prefix: string): string {
  serial += 1;
  return `${prefix}${serial}${Math.random().toString(36).slice(2, 8)}`;
}

/**
 * A fresh WeChat-style payment code (18 digits, prefix 13) whose last digits select the simulator's customer:
 * `pay` pays at once, `password` pays after the simulator's userPayingMs, `decline` has no balance, `abandon` cancels.
 */
export function freshCode(customer: "pay" | "password" | "decline" | "abandon" = "pay"): string {
  serial += 1;
  const body = `13${String(serial).padStart(6, "0")}${String(Math.floor(Math.random() * 1e6)).padStart(6, "0")}`;
  const tail = { pay: "1230", password: "1239", decline: "1298", abandon: "1297" }[customer];
  return `${body}${tail}`;
}

/** httpGateway on the simulator, with a 1 s timeout (tests that need a timeout set a shorter one). */
export function gatewayOn(sim: GatewaySimulator, overrides: Partial<HttpGatewayOptions> = {}): PaymentProvider {
  return httpGateway({
    baseUrl: sim.url,
    merchantId: sim.merchantId,
    secret: sim.secret,
    timeoutMs: 1_000,
    ...overrides,
  });
}

/** A bridge on fake-indexeddb with 20 ms polls, a 2 s budget and a 2 s reversal budget. */
export function openBridge(providers: readonly PaymentProvider[], overrides: Partial<PaymentBridgeOptions> = {}) {
  return createPaymentBridge({
    providers,
    dbName: unique("payments-test-"),
    indexedDB,
    IDBKeyRange,
    pollIntervalMs: 20,
    budgetMs: 2_000,
    reverseBudgetMs: 2_000,
    ...overrides,
  });
}

/** Every update of a `start()` or `watch()` stream, once it completes. */
export function allOf<T>(stream: Observable<T>): Promise<T[]> {
  return lastValueFrom(stream.pipe(toArray()));
}

/** The states an attempt went through, from its updates. */
export function statesOf(updates: readonly AttemptUpdate[]): string[] {
  const last = updates.at(-1);
  if (!last?.ok) throw new Error(`start refused: ${JSON.stringify(last)}`);
  return last.value.history.map((step) => step.state);
}

/** The last attempt of a stream of updates (throws when the tender was refused: a test bug). */
export function finalAttempt(updates: readonly AttemptUpdate[]) {
  const last = updates.at(-1);
  if (!last?.ok) throw new Error(`start refused: ${JSON.stringify(last)}`);
  return last.value;
}

/** Net money the simulator holds for an order number: charges − refunds, and the number of charges. */
export function netOf(sim: GatewaySimulator, outTradeNo: string): { charges: number; netMinor: number } {
  const ledger = sim.ledger();
  const charges = ledger.charges.filter((charge) => charge.outTradeNo === outTradeNo);
  const refunded = ledger.refunds.filter((refund) => refund.outTradeNo === outTradeNo);
  return {
    charges: charges.length,
    netMinor:
      charges.reduce((sum, charge) => sum + charge.amountMinor, 0) -
      refunded.reduce((sum, refund) => sum + refund.amountMinor, 0),
  };
}

/**
 * Starts `tender` and, when the attempt first reaches `state`, runs `act` on it (a crash: `bridge.close()`; a cashier:
 * `bridge.cancel(id)`). Resolves with the attempt's updates once the stream completes.
 */
export function actWhen(
  bridge: PaymentBridge,
  tender: Tender,
  state: AttemptState,
  act: (attempt: PaymentAttempt) => void,
): Promise<PaymentAttempt[]> {
  const seen: PaymentAttempt[] = [];
  let acted = false;
  return new Promise((resolve) => {
    bridge.start(tender).subscribe({
      next: (update) => {
        if (!update.ok) return;
        seen.push(update.value);
        if (update.value.state === state && !acted) {
          acted = true;
          act(update.value);
        }
      },
      complete: () => resolve(seen),
    });
  });
}

/** Starts `tender` and "crashes" the bridge (close()) when the attempt reaches `state`; resolves with its id. */
export async function crashWhen(bridge: PaymentBridge, tender: Tender, state: AttemptState): Promise<string> {
  const seen = await actWhen(bridge, tender, state, () => void bridge.close());
  const attemptId = seen[0]?.attemptId;
  if (attemptId === undefined || seen.at(-1)?.state !== state) throw new Error(`never reached ${state}`);
  return attemptId;
}
