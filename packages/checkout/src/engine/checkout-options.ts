// What a POS vendor hands the checkout: the parts of the till (TanStack-Query style: the core owns the logic, the
// parts plug in from outside) and the store it runs in. Each part is the narrowest interface the engine needs, so
// ScanGate's own packages fit and a vendor's own implementations can too.
import type { ParseOptions } from "@scangate/gs1";
import type { PaymentBridge } from "@scangate/payments";
import type { StorePolicy, VerdictFor } from "@scangate/rules";
import type { SalesOutbox } from "@scangate/sales";
import type { Scan } from "@scangate/scanner";
import type { Observable, SchedulerLike } from "rxjs";
import type { GatePolicy } from "../basket/line-gate.js";
import type { PriceTolerance } from "../basket/price-line.js";
import type { Catalog } from "../catalog/catalog.js";
import type { CatalogItemInput } from "../catalog/catalog-item.js";
import type { RefundInput } from "../journal/journal-db.js";
import type { CompletedSale } from "../sale/completed-sale.js";
import type { OpenBasket } from "../sale/open-basket.js";

/** The store the till is in. */
export interface StoreInfo {
  /** GLN of the store (13 digits): the sale events' location, and notices scoped to stores. */
  readonly gln: string;
  readonly name: string;
  /** IANA zone of the store's calendar (expiry is decided on its local date). @default "Asia/Shanghai" */
  readonly timeZone?: string;
  /** ISO 3166-2 region for notices scoped by region, e.g. "CN-ZJ". */
  readonly region?: string;
  /** ISO 4217 currency of the catalogue and the tenders. @default "CNY" */
  readonly currency?: string;
}

/** The till's local sale history, as the checkout uses it (`createSaleJournal` fits). */
export interface SaleJournalPort {
  /** Stores a completed sale durably; idempotent on the sale id. */
  add(sale: CompletedSale): Promise<{ readonly ok: boolean }>;
  /** The sale this serialised unit was sold in, if any (a second sale suggests a copied code). */
  findSerial(gtin: string, serial: string): Promise<{ readonly saleId: string } | undefined>;
  /** A past sale, for refunds. Without it `refund()` answers NOT_CONFIGURED. */
  get?(saleId: string): Promise<CompletedSale | undefined>;
  /** Checks a refund against the sale and its earlier refunds and records it (idempotent on `refundId`). */
  recordRefund?(saleId: string, refund: RefundInput): Promise<RefundRecordResult>;
  /** Keeps the open basket after every change; with `openBasket`, `resume()` brings it back after a crash. */
  saveOpenBasket?(basket: OpenBasket): Promise<{ readonly ok: boolean }>;
  openBasket?(): Promise<OpenBasket | undefined>;
}

/** The journal's answer to a refund. */
export type RefundRecordResult =
  | { readonly ok: true }
  | { readonly ok: false; readonly error: { readonly code: string; readonly message: string } };

/** Which payment provider (`PaymentProvider.id`) takes each kind of tender. */
export interface TenderProviders {
  /** @default "cash" */
  readonly cash: string;
  /** Customer-presented wallet codes and merchant-presented QR. @default "gateway" */
  readonly wallet: string;
}

/** Options of `createCheckout`. */
export interface CheckoutOptions {
  /** Scans from `@scangate/scanner`; consumed while `state$` is subscribed. */
  readonly scans$?: Observable<Scan>;
  /** Where products are found; a `put` (as `createCatalog` has) lets quick-add save new items. */
  readonly catalog: Catalog & { put?(item: CatalogItemInput): Promise<unknown> };
  /** The rule store's verdicts (`RuleStore` fits). */
  readonly rules: { readonly verdict: VerdictFor };
  /** The payment bridge (`PaymentBridge` fits). */
  readonly payments?: Pick<PaymentBridge, "classify" | "start" | "cancel" | "refund"> &
    Partial<Pick<PaymentBridge, "watch" | "sale">>;
  /** Where completed sales stream to the producers (`SalesOutbox` fits). */
  readonly sales?: Pick<SalesOutbox, "record">;
  readonly journal?: SaleJournalPort;
  readonly store: StoreInfo;
  /** Staff id of the cashier signed in; recorded on every sale. @default "till" */
  readonly cashier?: string;
  /** The store policy for expiry, markdowns and stale feeds (from `parseStorePolicy`). */
  readonly policy?: StorePolicy;
  /** How warns and blocks may be let through. @default DEFAULT_GATE_POLICY */
  readonly gatePolicy?: Partial<GatePolicy>;
  /** What a scan gets while the rule store holds no verified rules (never synced). @default "warn" */
  readonly whenNoRules?: "allow" | "warn" | "block";
  /** Weighed items: how far a label price may be from weight × price per kg. @default 2 %, at least 10 minor units */
  readonly priceTolerance?: PriceTolerance;
  readonly providers?: Partial<TenderProviders>;
  /** How scans are parsed (GS substitutes of a wedge, the scale-label scheme). `today` is set by the checkout. */
  readonly gs1?: Omit<ParseOptions, "today">;
  /** The clock (`scheduler.now()`, epoch ms). @default rxjs asyncScheduler */
  readonly scheduler?: SchedulerLike;
  /**
   * Quick-add for a stall: called with the GTIN of a scan the catalogue does not know; answer the item (name, price,
   * unit — e.g. from a form the owner fills) to save it (through `catalog.put` when the catalogue has one) and sell
   * it, or `undefined` to refuse the scan with UNKNOWN_ITEM. Later commands wait while the form is open.
   */
  readonly quickAdd?: (gtin: string) => Promise<CatalogItemInput | undefined>;
  /** Makes sale, line and hold ids. @default "S" + time + random */
  readonly newId?: (kind: "sale" | "held" | "alarm" | "refund") => string;
}
