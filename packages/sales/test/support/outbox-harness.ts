// Opens outboxes the way a till does, on fake-indexeddb (injected, never global; accepted as volatile because these
// are tests).
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { filter, firstValueFrom, type Observable, timeout } from "rxjs";
import { createSalesOutbox, type SalesOutbox } from "../../src/create-sales-outbox.js";
import type { SalesOutboxOptions } from "../../src/outbox-options.js";
import type { SalesOutboxStatus } from "../../src/outbox-status.js";

export { expectedRows, PRODUCTS, T0, testSale } from "./test-sales.js";

/** The store every test till is (the hub knows it as a store with a capture token). */
export const STORE_GLN = "9521234000013";

let dbCounter = 0;
/** A database name no other test uses (fake-indexeddb is shared by the whole test file). */
export function freshDbName(): string {
  dbCounter += 1;
  return `sales-test-${dbCounter}-${Math.random().toString(36).slice(2)}`;
}

/** An outbox on fake-indexeddb with quick timeouts. */
export function openTestOutbox(
  endpoint: string,
  token: string,
  overrides: Partial<SalesOutboxOptions> = {},
): SalesOutbox {
  return createSalesOutbox({
    dbName: freshDbName(),
    endpoint,
    token,
    storeGln: STORE_GLN,
    indexedDB,
    IDBKeyRange,
    acceptVolatileStorage: true,
    timeoutMs: 2_000,
    backoffBaseMs: 20,
    backoffMaxMs: 200,
    ...overrides,
  });
}

/** The first status matching `predicate` (fails after `ms`). */
export function statusWhere(
  status$: Observable<SalesOutboxStatus>,
  predicate: (status: SalesOutboxStatus) => boolean,
  ms = 10_000,
): Promise<SalesOutboxStatus> {
  return firstValueFrom(status$.pipe(filter(predicate), timeout(ms)));
}
