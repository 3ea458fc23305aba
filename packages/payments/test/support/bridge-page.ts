// The page of bridge-chromium.test.ts: bundled with esbuild from the package's sources and loaded in headless
// Chromium, it exposes `window.paymentsPage`, whose functions run a real payment bridge on the browser's own
// IndexedDB against the gateway simulator (over real HTTP, CORS) and the cash provider.
import { firstValueFrom, lastValueFrom } from "rxjs";
import {
  cash,
  createPaymentBridge,
  httpGateway,
  type PaymentAttempt,
  type PaymentBridge,
  type Tender,
} from "../../src/index.js";

/** Where the page finds the simulator and its database. */
export interface PageConfig {
  readonly url: string;
  readonly merchantId: string;
  readonly secret: string;
  readonly dbName: string;
  /** Order numbers are `${prefix}_1`, `${prefix}_2`, … so the test can script faults for them. */
  readonly prefix: string;
  readonly budgetMs: number;
}

/** What the page exposes to the test. */
export interface PaymentsPage {
  /** Starts a tender and returns once it is stored (CREATED); the attempt keeps running in the page. */
  start(config: PageConfig, tender: Tender): Promise<string>;
  /** Starts a tender and returns its final state. */
  settle(config: PageConfig, tender: Tender): Promise<PaymentAttempt | string>;
  /** What a new bridge on the same database finds: the sale's attempts. */
  inspect(config: PageConfig, saleId: string): Promise<readonly PaymentAttempt[]>;
  /** A new bridge on the same database runs recover() and returns the attempts it resumed, as they ended. */
  recover(config: PageConfig): Promise<readonly PaymentAttempt[] | string>;
  /** The first answer to a tender (e.g. a refusal). */
  firstAnswer(config: PageConfig, tender: Tender): Promise<string>;
}

declare global {
  interface Window {
    paymentsPage: PaymentsPage;
  }
}

/** Counts order numbers across the bridges of this page load (a reload starts again: tests start once per load). */
let count = 0;

function openBridge(config: PageConfig): PaymentBridge {
  return createPaymentBridge({
    providers: [
      httpGateway({ baseUrl: config.url, merchantId: config.merchantId, secret: config.secret, timeoutMs: 5_000 }),
      cash({ rounding: { incrementMinor: 10, mode: "down" } }),
    ],
    dbName: config.dbName,
    pollIntervalMs: 30,
    budgetMs: config.budgetMs,
    reverseBudgetMs: 3_000,
    newId: () => `${config.prefix}_${++count}`,
  });
}

window.paymentsPage = {
  start(config, tender) {
    const bridge = openBridge(config);
    return new Promise((resolve) => {
      bridge.start(tender).subscribe((update) => {
        if (update.ok && update.value.state === "CREATED") resolve(update.value.attemptId);
        if (!update.ok) resolve(`refused: ${update.error.code}`);
      });
    });
  },
  async settle(config, tender) {
    const bridge = openBridge(config);
    const last = await lastValueFrom(bridge.start(tender));
    await bridge.close();
    return last.ok ? last.value : `refused: ${last.error.code}: ${last.error.message}`;
  },
  async inspect(config, saleId) {
    const bridge = openBridge(config);
    const sale = await bridge.sale(saleId);
    await bridge.close();
    return sale.ok ? sale.value.attempts : [];
  },
  async recover(config) {
    const bridge = openBridge(config);
    const recovered = await bridge.recover();
    await bridge.close();
    return recovered.ok ? recovered.value : `recover failed: ${recovered.error.code}`;
  },
  async firstAnswer(config, tender) {
    const bridge = openBridge(config);
    const first = await firstValueFrom(bridge.start(tender));
    await bridge.close();
    return first.ok ? first.value.state : first.error.code;
  },
};
