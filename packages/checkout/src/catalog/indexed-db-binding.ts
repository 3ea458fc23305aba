// Where Dexie finds IndexedDB. Injected (STYLE.md: everything platform-shaped comes in from outside) so Node tests
// pass fake-indexeddb and browsers pass nothing and get their own.
import type { DexieOptions } from "dexie";

/** The IndexedDB factory and key-range class a store opens its database with. */
export interface IndexedDbBinding {
  /** @default the global `indexedDB` */
  readonly indexedDB?: IDBFactory;
  /** @default the global `IDBKeyRange` */
  readonly IDBKeyRange?: typeof IDBKeyRange;
}

/** The Dexie options for `binding`, leaving out what it does not set. */
export function dexieOptions(binding: IndexedDbBinding): DexieOptions {
  return {
    ...(binding.indexedDB ? { indexedDB: binding.indexedDB } : {}),
    ...(binding.IDBKeyRange ? { IDBKeyRange: binding.IDBKeyRange } : {}),
  };
}
