// Assembles the till from the ScanGate packages: the rule cache (signed feed, IndexedDB), the catalogue and the sale
// journal (IndexedDB), the payment bridge (cash + the HTTP gateway), the sales outbox (IndexedDB → hub), the
// keyboard wedge on the whole page plus camera scans, and the checkout engine over all of them.
import {
  type CatalogStore,
  type Checkout,
  createCatalog,
  createCheckout,
  createSaleJournal,
  type SaleJournal,
} from "@scangate/checkout";
import { cash, createPaymentBridge, httpGateway, type PaymentBridge } from "@scangate/payments";
import { createRuleStore, type RuleStore, type StorePolicy } from "@scangate/rules";
import { createSalesOutbox, type SalesOutbox } from "@scangate/sales";
import { type KeyboardWedge, keyboardWedge, type Scan } from "@scangate/scanner";
import { merge, Subject } from "rxjs";
import type { TillConfig } from "./till-config.js";

/** The running parts of the till. */
export interface TillParts {
  readonly config: TillConfig;
  readonly rules: RuleStore;
  readonly catalog: CatalogStore;
  readonly journal: SaleJournal;
  readonly bridge: PaymentBridge;
  readonly outbox: SalesOutbox;
  readonly wedge: KeyboardWedge;
  /** Where the camera preview pushes its scans. */
  readonly cameraScans: Subject<Scan>;
  /** While a screen other than the till has the scanner (the self-test), the checkout does not get its scans. */
  readonly scannerOwner: { current: "till" | "self-test" };
  readonly checkout: Checkout;
}

/** IndexedDB names, one set per store GLN (a till moved to another store starts clean). */
function dbNames(gln: string) {
  return {
    rules: `web-till-${gln}-rules`,
    catalog: `web-till-${gln}-catalog`,
    journal: `web-till-${gln}-journal`,
    payments: `web-till-${gln}-payments`,
    sales: `web-till-${gln}-sales`,
  };
}

/** Builds every part; nothing opens or fetches until the screens subscribe. */
export function createTillParts(config: TillConfig, onlineEvents: Window, policy?: StorePolicy): TillParts {
  const names = dbNames(config.storeGln);
  const rules = createRuleStore({
    feedUrl: config.feedUrl,
    keys: config.trustedKeys,
    dbName: names.rules,
    syncIntervalMs: config.ruleSyncIntervalMs,
  });
  const catalog = createCatalog({ dbName: names.catalog });
  const journal = createSaleJournal({ dbName: names.journal });
  const bridge = createPaymentBridge({
    providers: [
      cash(),
      // A demo holds the simulator's secret in config.json; a real deployment signs on a server (see README).
      httpGateway({
        baseUrl: config.gateway.url,
        merchantId: config.gateway.merchantId,
        secret: config.gateway.secret,
      }),
    ],
    dbName: names.payments,
    subject: config.storeName,
  });
  const outbox = createSalesOutbox({
    dbName: names.sales,
    endpoint: config.hubUrl,
    token: config.storeToken,
    storeGln: config.storeGln,
    timeZone: config.timeZone,
    onlineEvents,
    backoffMaxMs: config.salesRetryMaxMs,
    breakerCooldownMs: Math.min(15_000, config.salesRetryMaxMs),
  });
  const wedge = keyboardWedge(document, {
    gsSubstitutes: config.scanner.gsSubstitutes,
    prefixKeys: config.scanner.prefixKeys,
    maxMedianGapMs: config.scanner.maxMedianGapMs,
  });
  const cameraScans = new Subject<Scan>();
  const scannerOwner: TillParts["scannerOwner"] = { current: "till" };
  const tillScans$ = new Subject<Scan>();
  merge(wedge.scans$, cameraScans).subscribe((scan) => {
    if (scannerOwner.current === "till") tillScans$.next(scan);
  });
  const checkout = createCheckout({
    scans$: tillScans$,
    catalog,
    rules,
    payments: bridge,
    sales: outbox,
    journal,
    store: { gln: config.storeGln, name: config.storeName, timeZone: config.timeZone, region: config.region },
    gatePolicy: { blockOverrideRoles: [config.overrideRole] },
    ...(policy ? { policy } : {}),
  });
  // Back online: sync the rules at once rather than at the next 15-minute tick (the outbox retries by itself).
  onlineEvents.addEventListener("online", () => void rules.sync());
  return { config, rules, catalog, journal, bridge, outbox, wedge, cameraScans, scannerOwner, checkout };
}
