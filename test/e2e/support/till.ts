// One till of the fault suite, as it runs inside its own Node process (till-main.ts): the rule store (synced
// through the fault proxy), the payment bridge (cash + the gateway simulator), the sales outbox (through the proxy),
// the journal and the checkout, all on fake-indexeddb made durable by a write-ahead log (durable-indexeddb.ts), so
// a SIGKILLed till that starts again finds what it had committed. Starting runs the bridge's recover() and the
// checkout's resume(), as a till does after a crash.
import {
  type Checkout,
  type CompletedSale,
  createCheckout,
  createSaleJournal,
  memoryCatalog,
} from "@scangate/checkout";
import { cash, createPaymentBridge, httpGateway, type PaymentBridge } from "@scangate/payments";
import { createRuleStore, type RuleStore, type TrustedKey } from "@scangate/rules";
import { createSalesOutbox, type SalesOutbox } from "@scangate/sales";
import { Dexie, type Table } from "dexie";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { filter, firstValueFrom, timeout } from "rxjs";

/** What every till is told when it starts (JSON: it crosses a process boundary). */
export interface TillConfig {
  readonly name: string;
  /** Where the till's write-ahead logs live: its "disk". */
  readonly dataDir: string;
  readonly proxyUrl: string;
  readonly keys: readonly TrustedKey[];
  readonly storeToken: string;
  readonly storeGln: string;
  readonly gateway: { readonly url: string; readonly merchantId: string; readonly secret: string };
  readonly catalog: Parameters<typeof memoryCatalog>[0];
}

/** A sale from the journal, with the rule-feed version the till held when its payment started. */
export interface JournaledSale {
  readonly till: string;
  readonly sale: CompletedSale;
  readonly feedVersion: number | undefined;
}

/** A running till. */
export interface Till {
  readonly checkout: Checkout;
  /** Sale events recorded but not yet acknowledged by the hub. */
  pendingUploads(): number;
  /** The rule-feed version the till holds (undefined before its first feed). */
  feedVersion(): number | undefined;
  /** Resolves every payment left open, waits until the outbox has delivered everything, and lists the journal. */
  settle(): Promise<JournaledSale[]>;
}

type AuditDb = Dexie & { settledAt: Table<{ saleId: string; feedVersion: number | null }, string> };

/** Starts (or, after a kill, restarts) the till described by `config`; `onFeedError` hears each failed feed sync. */
export async function startTill(config: TillConfig, onFeedError: (code: string) => void): Promise<Till> {
  const db = (part: string) => `fault-${config.name}-${part}`;
  const binding = { indexedDB, IDBKeyRange };
  const rules = createRuleStore({
    feedUrl: new URL("feed/", config.proxyUrl).href,
    keys: config.keys,
    dbName: db("rules"),
    ...binding,
    syncIntervalMs: 400,
    retryLimit: 0,
    timeoutMs: 2_000,
  });
  const bridge: PaymentBridge = createPaymentBridge({
    providers: [cash(), httpGateway({ baseUrl: config.gateway.url, ...config.gateway })],
    dbName: db("payments"),
    ...binding,
    pollIntervalMs: 50,
  });
  const outbox: SalesOutbox = createSalesOutbox({
    dbName: db("sales"),
    endpoint: config.proxyUrl,
    token: config.storeToken,
    storeGln: config.storeGln,
    ...binding,
    acceptVolatileStorage: true, // fake-indexeddb, made durable by the write-ahead log of durable-indexeddb.ts
    timeoutMs: 2_000,
    backoffBaseMs: 100,
    backoffMaxMs: 800,
    breakerCooldownMs: 500,
  });
  const journalName = db("journal");
  const journal = createSaleJournal({ dbName: journalName, ...binding });
  const catalog = memoryCatalog(config.catalog);
  if (!catalog.ok) throw new Error(catalog.error.message);
  // The version the settlement gate judged by: the one held when the checkout last asked for a verdict (pay() asks
  // for every line, then starts the payment). The payment event comes later, after a sync may have landed.
  let version: number | undefined;
  let versionAtLastVerdict: number | undefined;
  const gatedRules = new Proxy(rules, {
    get(target, property, receiver) {
      if (property !== "verdict") return Reflect.get(target, property, receiver);
      return (...args: Parameters<RuleStore["verdict"]>) => {
        versionAtLastVerdict = version;
        return target.verdict(...args);
      };
    },
  });
  const checkout = createCheckout({
    catalog: catalog.value,
    rules: gatedRules,
    payments: bridge,
    sales: outbox,
    journal,
    store: { gln: config.storeGln, name: `till ${config.name}`, region: "CN-ZJ" },
    cashier: config.name,
  });
  // The audit's own note of the version each sale's settlement gate judged by (at its first payment event), durable.
  const audit = new Dexie(db("audit"), binding) as AuditDb;
  audit.version(1).stores({ settledAt: "saleId" });
  let lastError: unknown;
  rules.status$.subscribe((status) => {
    version = status.version;
    // Each failed sync makes a new error object; later statuses (age refreshes) carry the same one along.
    if (status.lastError && status.lastError !== lastError) onFeedError(status.lastError.code);
    lastError = status.lastError;
  });
  let pending = 0;
  outbox.status$.subscribe((status) => {
    pending = status.pending;
  });
  checkout.state$.subscribe();
  checkout.events$.subscribe((event) => {
    if (event.type === "payment")
      void audit.settledAt
        .add({ saleId: event.saleId, feedVersion: versionAtLastVerdict ?? null })
        .catch(() => undefined);
  });
  await bridge.recover();
  await checkout.resume();

  return {
    checkout,
    pendingUploads: () => pending,
    feedVersion: () => version,
    async settle() {
      await bridge.recover();
      await firstValueFrom(
        outbox.status$.pipe(
          filter((status) => status.pending === 0 && !status.uploading),
          timeout(60_000),
        ),
      );
      const journalDb = new Dexie(journalName, binding);
      const sales = (await journalDb.open()).table<{ sale: CompletedSale }>("sales");
      const settled = new Map((await audit.settledAt.toArray()).map((row) => [row.saleId, row.feedVersion]));
      const stored = await sales.toArray();
      journalDb.close();
      return stored.map(({ sale }) => ({
        till: config.name,
        sale,
        feedVersion: settled.get(sale.id) ?? undefined,
      }));
    },
  };
}
