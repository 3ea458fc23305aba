// The one storage interface the HTTP layer talks to. Two implementations, each a factory in its own file:
// sqlite-storage.ts (the default, a file in the data directory) and postgres-storage.ts (many stores). Both must
// pass the same suites (test/support/storage-suites.ts run against each).
import type { RuleNotice, StorePolicy } from "@scangate/rules";
import type { CapturedEvent } from "../epcis/sale-events.js";

/** Who a bearer token belongs to. */
export type TokenSubject =
  | { readonly kind: "admin" }
  | { readonly kind: "store"; readonly gln: string }
  | { readonly kind: "producer"; readonly id: string; readonly companyPrefixes: readonly string[] };

/** A capture to commit in one transaction. */
export interface CaptureRecord {
  /** Absent for single-event capture (`POST /events`), which keeps no job. */
  readonly captureId?: string;
  readonly storeGln: string;
  /** ISO 8601 instant the hub received it. */
  readonly receivedAt: string;
  readonly events: readonly CapturedEvent[];
}

/** A capture job as `GET /capture/{id}` reports it. */
export interface CaptureJob {
  readonly captureId: string;
  readonly storeGln: string;
  readonly receivedAt: string;
  /** Events in the document. */
  readonly eventCount: number;
  /** Events that were new; the rest were retries of events already stored. */
  readonly newEventCount: number;
}

/** What a producer asks for; `companyPrefixes` comes from its token, never from the request. */
export interface SalesQuery {
  readonly companyPrefixes: readonly string[];
  /** First local day, "YYYY-MM-DD", included. */
  readonly from?: string;
  /** Last local day, included. */
  readonly to?: string;
  readonly gtin?: string;
  readonly batch?: string;
  readonly store?: string;
  /** At most this many rows. */
  readonly limit: number;
}

/** Units sold of one GTIN and batch, on one local day, in one store, in one unit of measure. */
export interface SalesRow {
  readonly gtin: string;
  /** null: sold without a batch (serialised items, GTIN-only classes). */
  readonly batch: string | null;
  readonly day: string;
  /** Store GLN. */
  readonly store: string;
  readonly quantity: number;
  /** null: a count of units. */
  readonly uom: string | null;
  /** How many sale events contributed. */
  readonly events: number;
}

/** A new store or producer and the hash of its token. */
export interface NewStore {
  readonly gln: string;
  readonly name: string;
  readonly tokenHash: string;
  readonly createdAt: string;
}
/** A new producer and the hash of its token. */
export interface NewProducer {
  readonly id: string;
  readonly name: string;
  readonly companyPrefixes: readonly string[];
  readonly tokenHash: string;
  readonly createdAt: string;
}

/** Everything the hub keeps. Every method is one transaction. */
export interface HubStorage {
  readonly kind: "sqlite" | "postgres";
  /** @returns false when a store with that GLN exists (nothing changes then). */
  addStore(store: NewStore): Promise<boolean>;
  /** @returns false when a producer with that id exists. */
  addProducer(producer: NewProducer): Promise<boolean>;
  /** Adds an admin token (idempotent). */
  addAdminToken(tokenHash: string): Promise<void>;
  /** Whether any admin token exists (first start generates one when none does). */
  hasAdminToken(): Promise<boolean>;
  findToken(tokenHash: string): Promise<TokenSubject | undefined>;
  /** Stores the events not stored yet (by eventID), their lines and the daily totals, and the job, atomically.
   * @returns how many events were new. */
  capture(record: CaptureRecord): Promise<number>;
  /** A job, only for the store that captured it. */
  captureJob(captureId: string, storeGln: string): Promise<CaptureJob | undefined>;
  sales(query: SalesQuery): Promise<SalesRow[]>;
  /** Every notice, ordered by id. */
  notices(): Promise<RuleNotice[]>;
  /** The stored notices with these ids (unknown ids are left out). */
  noticesWithIds(ids: readonly string[]): Promise<RuleNotice[]>;
  /** Inserts or replaces notices by id. */
  putNotices(notices: readonly RuleNotice[]): Promise<void>;
  /** The stored store policy, or undefined before one is set. */
  policy(): Promise<StorePolicy | undefined>;
  setPolicy(policy: StorePolicy): Promise<void>;
  close(): Promise<void>;
}
