// Durable IndexedDB for a till that runs as a plain Node process in the fault suite. Node has no IndexedDB and
// fake-indexeddb keeps everything in memory, so a SIGKILLed till would lose its sales, its payments in flight and
// its rules. This Dexie add-on gives every database a write-ahead log file: each committed read-write transaction
// appends its writes (as Dexie's DBCore saw them) to `<dir>/<database>.wal`, synchronously in the transaction's
// "complete" event — before Dexie resolves the transaction, so anything the till saw as committed is on disk (in
// the page cache, which a killed process does not take with it). When the database opens in the next process, the
// log is replayed into the fresh in-memory database before Dexie lets any other operation run.
//
// It is test support, not a product adapter: no compaction (a run is minutes long), no fsync (a power cut is not
// one of the suite's faults), and `Dexie.delete()` of a database does not truncate its log (nothing in a till
// deletes its databases while selling).
import { appendFileSync, existsSync, mkdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { deserialize, serialize } from "node:v8";
import type {
  DBCore,
  DBCoreKeyRange,
  DBCoreMutateRequest,
  DBCoreMutateResponse,
  DBCoreTable,
  DBCoreTransaction,
  Dexie,
} from "dexie";

/** One logged write: what a DBCore mutate request did, with the keys IndexedDB gave it. */
type LoggedWrite =
  | { readonly table: string; readonly type: "put"; readonly values: unknown[]; readonly keys: unknown[] }
  | { readonly table: string; readonly type: "delete"; readonly keys: unknown[] }
  | { readonly table: string; readonly type: "deleteRange"; readonly range: DBCoreKeyRange };

const HEADER_BYTES = 4;

/** Returns a Dexie add-on (for `Dexie.addons` or a Dexie's `addons` option) that logs every database to `dir`. */
export function durableIndexedDb(dir: string): (db: Dexie) => void {
  mkdirSync(dir, { recursive: true });
  return (db) => {
    const logFile = join(dir, `${encodeURIComponent(db.name)}.wal`);
    let down: DBCore | undefined;
    const pending = new WeakMap<DBCoreTransaction, LoggedWrite[]>();
    db.use({
      stack: "dbcore",
      name: "scangate-e2e-write-ahead-log",
      // Right above IndexedDB, below every Dexie middleware (theirs go down to -1): it sees the writes as they reach
      // the database, and the replay (straight to the core below) needs no Dexie transaction.
      level: -10,
      create(downCore) {
        down = downCore;
        return {
          ...downCore,
          transaction(stores, mode, options) {
            const trans = downCore.transaction(stores, mode, options);
            if (mode === "readwrite") {
              const writes: LoggedWrite[] = [];
              pending.set(trans, writes);
              // Registered before Dexie's own handler, so it runs before the transaction's promise resolves.
              (trans as unknown as IDBTransaction).addEventListener("complete", () => {
                if (writes.length > 0) appendRecord(logFile, writes);
              });
            }
            return trans;
          },
          table(name) {
            const table = downCore.table(name);
            return { ...table, mutate: (request) => logged(table, request, pending.get(request.trans)) };
          },
        };
      },
    });
    // Dexie holds every other operation until its "ready" subscribers are done. The replay writes to the core
    // below this layer, so it is not logged again.
    db.on("ready", async () => {
      if (down !== undefined && existsSync(logFile)) await replay(down, readRecords(logFile));
    });
  };
}

/** Runs the request, then notes what it wrote (the values as they were sent, the keys as IndexedDB returned them). */
async function logged(
  table: DBCoreTable,
  request: DBCoreMutateRequest,
  writes: LoggedWrite[] | undefined,
): Promise<DBCoreMutateResponse> {
  // Cloned now: the caller may change its objects once the request is sent, as IndexedDB itself clones on put.
  const values = writes && (request.type === "add" || request.type === "put") ? structuredClone(request.values) : [];
  const response = await table.mutate(request);
  if (writes === undefined) return response;
  const succeeded = (index: number) => response.failures[index] === undefined;
  if (request.type === "add" || request.type === "put") {
    const keys = response.results ?? [];
    const { keyPath, outbound } = table.schema.primaryKey;
    const kept = values.flatMap((value, index) => (succeeded(index) ? [[value, keys[index]] as const] : []));
    writes.push({
      table: table.name,
      type: "put",
      // An inbound auto-increment key lives in the stored value: put it there, so the replay needs no key.
      values: kept.map(([value, key]) =>
        !outbound && typeof keyPath === "string" ? withKey(value, keyPath, key) : value,
      ),
      keys: outbound ? kept.map(([, key]) => key) : [],
    });
  } else if (request.type === "delete") writes.push({ table: table.name, type: "delete", keys: request.keys });
  else writes.push({ table: table.name, type: "deleteRange", range: request.range });
  return response;
}

function withKey(value: unknown, keyPath: string, key: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  const path = keyPath.split(".");
  const copy: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  let target = copy;
  for (const part of path.slice(0, -1)) {
    const next = { ...(target[part] as Record<string, unknown>) };
    target[part] = next;
    target = next;
  }
  target[path[path.length - 1] as string] = key;
  return copy;
}

/** Appends one transaction's writes as one length-prefixed v8-serialised record, in one write call. */
function appendRecord(file: string, writes: readonly LoggedWrite[]): void {
  const body = serialize(writes);
  const record = Buffer.alloc(HEADER_BYTES + body.length);
  record.writeUInt32LE(body.length, 0);
  body.copy(record, HEADER_BYTES);
  appendFileSync(file, record);
}

/** Reads every whole record; a torn last record (the process was killed inside the write) is a commit never seen. */
function readRecords(file: string): LoggedWrite[][] {
  const bytes = readFileSync(file);
  const records: LoggedWrite[][] = [];
  for (let offset = 0; offset + HEADER_BYTES <= bytes.length; ) {
    const length = bytes.readUInt32LE(offset);
    const end = offset + HEADER_BYTES + length;
    if (end > bytes.length) break;
    records.push(deserialize(bytes.subarray(offset + HEADER_BYTES, end)) as LoggedWrite[]);
    offset = end;
  }
  return records;
}

/** Applies the log, one transaction per logged transaction, straight to the core below the logging layer. */
async function replay(core: DBCore, records: readonly LoggedWrite[][]): Promise<void> {
  for (const writes of records) {
    const tables = [...new Set(writes.map((write) => write.table))];
    const trans = core.transaction(tables, "readwrite");
    const done = new Promise<void>((resolve, reject) => {
      const idb = trans as unknown as IDBTransaction;
      idb.addEventListener("complete", () => resolve());
      idb.addEventListener("abort", () => reject(idb.error ?? new Error("replay transaction aborted")));
    });
    for (const write of writes) {
      const table = core.table(write.table);
      if (write.type === "put")
        await table.mutate({
          type: "put",
          trans,
          values: write.values,
          ...(write.keys.length > 0 ? { keys: write.keys } : {}),
        });
      else if (write.type === "delete") await table.mutate({ type: "delete", trans, keys: write.keys });
      else await table.mutate({ type: "deleteRange", trans, range: write.range });
    }
    await done;
  }
}
