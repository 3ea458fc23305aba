// One till of the fault suite, in this process, on fake-indexeddb databases named for the till: the rule store
// (synced through the fault proxy), the payment bridge (cash + the gateway simulator), the sales outbox (through the
// proxy), the journal and the checkout. `crash()` drops every object without closing anything cleanly but the
// bridge's timers (as a killed process would stop them); `start()` on the same till opens everything again, runs the
// bridge's recover() and the checkout's resume().
import {
  type Checkout,
  type CompletedSale,
  createCheckout,
  createSaleJournal,
  memoryCatalog,
} from "@scangate/checkout";
import { cash, createPaymentBridge, httpGateway, type PaymentBridge } from "@scangate/payments";
import type { GatewaySimulator } from "@scangate/payments/simulator";
import { createRuleStore, type RuleStore, type TrustedKey } from "@scangate/rules";
import { createSalesOutbox, type SalesOutbox } from "@scangate/sales";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import type { Subscription } from "rxjs";

/** What every till shares. */
export interface TillWorld {
  readonly proxyUrl: string;
  readonly keys: readonly TrustedKey[];
  readonly storeToken: string;
  readonly storeGln: string;
  readonly simulator: GatewaySimulator;
  readonly catalog: Parameters<typeof memoryCatalog>[0];
}

/** A completed sale with what the till's rules were when it was settled. */
export interface Receipt {
  readonly till: string;
  readonly sale: CompletedSale;
  /** The rule feed version the till held when the sale's payment started (the settlement gate), else when it
   * completed; a sale resumed after a crash keeps the version its payment started with only if this till run saw it. */
  readonly feedVersion: number | undefined;
}

/** A running till. */
export interface TillRun {
  readonly checkout: Checkout;
  readonly bridge: PaymentBridge;
  readonly rules: RuleStore;
  readonly outbox: SalesOutbox;
  feedVersion(): number | undefined;
  /** Every lastError code the rule store reported. */
  readonly feedErrors: string[];
  /** Resolves when the till crashed: work still waiting on it is abandoned, as a killed process's would be. */
  readonly crashed: Promise<void>;
  crash(): Promise<void>;
}

/** Starts (or restarts) till `name`; its receipts are appended to `receipts`. */
export async function startTill(name: string, world: TillWorld, receipts: Receipt[]): Promise<TillRun> {
  const db = (part: string) => `fault-${name}-${part}`;
  const rules = createRuleStore({
    feedUrl: new URL("feed/", world.proxyUrl).href,
    keys: world.keys,
    dbName: db("rules"),
    indexedDB,
    IDBKeyRange,
    syncIntervalMs: 400,
    retryLimit: 0,
    timeoutMs: 2_000,
  });
  const bridge = createPaymentBridge({
    providers: [
      cash(),
      httpGateway({
        baseUrl: world.simulator.url,
        merchantId: world.simulator.merchantId,
        secret: world.simulator.secret,
      }),
    ],
    dbName: db("payments"),
    indexedDB,
    IDBKeyRange,
    pollIntervalMs: 50,
  });
  const outbox = createSalesOutbox({
    dbName: db("sales"),
    endpoint: world.proxyUrl,
    token: world.storeToken,
    storeGln: world.storeGln,
    indexedDB,
    IDBKeyRange,
    acceptVolatileStorage: true, // in-process tills: fake-indexeddb survives a till's "crash" within this process
    timeoutMs: 2_000,
    backoffBaseMs: 100,
    backoffMaxMs: 800,
    breakerCooldownMs: 500,
  });
  const journal = createSaleJournal({ dbName: db("journal"), indexedDB, IDBKeyRange });
  // A crashed till writes nothing more: after crash() its checkout's journal and outbox calls never return, as in a
  // killed process (the objects live on in this one, so they are cut off instead).
  let alive = true;
  let markCrashed: () => void = () => undefined;
  const crashed = new Promise<void>((resolve) => {
    markCrashed = resolve;
  });
  const never = new Promise<never>(() => undefined);
  const whileAlive =
    <A extends unknown[], R>(call: (...args: A) => Promise<R>) =>
    (...args: A): Promise<R> =>
      alive ? call(...args) : never;
  const tillJournal = {
    add: whileAlive(journal.add),
    get: whileAlive(journal.get),
    findSerial: whileAlive(journal.findSerial),
    recordRefund: whileAlive(journal.recordRefund),
    saveOpenBasket: whileAlive(journal.saveOpenBasket),
    openBasket: whileAlive(journal.openBasket),
  };
  const catalog = memoryCatalog(world.catalog);
  if (!catalog.ok) throw new Error(catalog.error.message);
  const checkout = createCheckout({
    catalog: catalog.value,
    rules,
    payments: bridge,
    sales: { record: whileAlive(outbox.record) },
    journal: tillJournal,
    store: { gln: world.storeGln, name: `till ${name}`, region: "CN-ZJ" },
    cashier: name,
  });
  let version: number | undefined;
  const settledAt = new Map<string, number | undefined>();
  const feedErrors: string[] = [];
  const subscriptions: Subscription[] = [
    rules.status$.subscribe((status) => {
      version = status.version;
      if (status.lastError) feedErrors.push(status.lastError.code);
    }),
    outbox.status$.subscribe(),
    checkout.events$.subscribe((event) => {
      if (event.type === "payment" && !settledAt.has(event.saleId)) settledAt.set(event.saleId, version);
      if (event.type === "sale_completed")
        receipts.push({
          till: name,
          sale: event.sale,
          feedVersion: settledAt.has(event.sale.id) ? settledAt.get(event.sale.id) : version,
        });
    }),
    checkout.state$.subscribe(),
  ];
  await bridge.recover();
  await checkout.resume();
  return {
    checkout,
    bridge,
    rules,
    outbox,
    feedVersion: () => version,
    feedErrors,
    crashed,
    async crash() {
      alive = false;
      markCrashed();
      for (const subscription of subscriptions) subscription.unsubscribe();
      await bridge.close();
    },
  };
}
