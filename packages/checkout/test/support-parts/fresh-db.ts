// Database names no other test uses: fake-indexeddb is shared by every test in a file.
let counter = 0;

/** A new IndexedDB database name starting with `prefix`. */
export function freshDbName(prefix: string): string {
  counter += 1;
  return `${prefix}-${counter}-${Math.random().toString(36).slice(2)}`;
}
