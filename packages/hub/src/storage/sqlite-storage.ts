// The default storage: one SQLite file. Writes are synchronous (better-sqlite3), so transactions never interleave
// within the hub's process; the single writer is what makes "INSERT … ON CONFLICT DO NOTHING" on eventID enough
// for idempotency.

import type { RuleNotice, StorePolicy } from "@scangate/rules";
import Database from "better-sqlite3";
import { gtinRangesFor } from "./gtin-ranges.js";
import type { CaptureRecord, HubStorage, SalesQuery, SalesRow } from "./hub-storage.js";
import { rollupOf } from "./rollup.js";
import { SQLITE_SCHEMA } from "./sqlite-schema.js";
import { captureJobOf, salesFilter, salesRowOf, tokenSubjectOf } from "./stored-rows.js";

/** Options of {@link sqliteStorage}. */
export interface SqliteStorageOptions {
  /** The database file; created when missing. */
  readonly file: string;
}

type Row = Record<string, unknown>;

/**
 * Opens (or creates) the hub's SQLite database.
 * @example const storage = sqliteStorage({ file: join(dataDir, "hub.sqlite") });
 */
export function sqliteStorage(options: SqliteStorageOptions): HubStorage {
  const db = new Database(options.file);
  // WAL with synchronous=FULL: every commit is fsynced to the WAL before `capture` resolves, so a 202 survives
  // kill -9 and a power cut. (NORMAL would survive kill -9 too, since the WAL sits in the OS page cache, but could
  // lose the last commits on power loss.) The fsync costs ~3 ms here, so captures are group-committed (below).
  db.pragma("journal_mode = WAL");
  db.pragma("synchronous = FULL");
  db.pragma("busy_timeout = 5000");
  db.exec(SQLITE_SCHEMA);

  const statements = {
    insertToken: db.prepare("INSERT OR IGNORE INTO tokens (hash, kind, subject) VALUES (?, ?, ?)"),
    anyAdmin: db.prepare("SELECT 1 FROM tokens WHERE kind = 'admin' LIMIT 1"),
    findToken: db.prepare(
      "SELECT t.kind, t.subject, p.company_prefixes FROM tokens t LEFT JOIN producers p ON t.kind = 'producer' AND p.id = t.subject WHERE t.hash = ?",
    ),
    insertStore: db.prepare("INSERT INTO stores (gln, name, created_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING"),
    insertProducer: db.prepare(
      "INSERT INTO producers (id, name, company_prefixes, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING",
    ),
    insertEvent: db.prepare(
      "INSERT INTO events (event_id, capture_id, store_gln, event_time, day) VALUES (?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
    ),
    insertLine: db.prepare(
      "INSERT INTO sale_lines (event_id, gtin, batch, day, store_gln, quantity, uom) VALUES (?, ?, ?, ?, ?, ?, ?)",
    ),
    addTotal: db.prepare(
      `INSERT INTO sales_daily (gtin, batch, day, store_gln, uom, quantity, events) VALUES (?, ?, ?, ?, ?, ?, ?)
       ON CONFLICT (gtin, batch, day, store_gln, uom)
       DO UPDATE SET quantity = quantity + excluded.quantity, events = events + excluded.events`,
    ),
    insertJob: db.prepare(
      "INSERT INTO capture_jobs (capture_id, store_gln, received_at, event_count, new_event_count) VALUES (?, ?, ?, ?, ?)",
    ),
    job: db.prepare("SELECT * FROM capture_jobs WHERE capture_id = ? AND store_gln = ?"),
    notices: db.prepare("SELECT json FROM notices ORDER BY id"),
    putNotice: db.prepare(
      "INSERT INTO notices (id, json) VALUES (?, ?) ON CONFLICT (id) DO UPDATE SET json = excluded.json",
    ),
    setting: db.prepare("SELECT value FROM settings WHERE key = ?"),
    putSetting: db.prepare(
      "INSERT INTO settings (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    ),
  };

  const captureOne = (record: CaptureRecord): number => {
    const fresh = record.events.filter(
      (event) =>
        statements.insertEvent.run(event.eventId, record.captureId ?? null, event.storeGln, event.eventTime, event.day)
          .changes === 1,
    );
    for (const event of fresh)
      for (const line of event.lines)
        statements.insertLine.run(
          event.eventId,
          line.gtin,
          line.batch ?? "",
          event.day,
          event.storeGln,
          line.quantity,
          line.uom ?? "",
        );
    for (const total of rollupOf(fresh))
      statements.addTotal.run(total.gtin, total.batch, total.day, total.store, total.uom, total.quantity, total.events);
    if (record.captureId !== undefined)
      statements.insertJob.run(
        record.captureId,
        record.storeGln,
        record.receivedAt,
        record.events.length,
        fresh.length,
      );
    return fresh.length;
  };
  // Group commit: captures that arrive while one commit is running wait for the next turn of the event loop and are
  // committed together, one fsync for all. Each document is still all-or-nothing (the group is one transaction, so
  // a failure refuses every document in it), and each caller learns its own count of new events.
  const captureGroup = db.transaction((records: readonly CaptureRecord[]) => records.map(captureOne));
  let waiting: { record: CaptureRecord; resolve(count: number): void; reject(error: unknown): void }[] = [];
  const commitWaiting = () => {
    const group = waiting;
    waiting = [];
    try {
      const counts = captureGroup.immediate(group.map((entry) => entry.record));
      for (const [index, entry] of group.entries()) entry.resolve(counts[index] ?? 0);
    } catch (error) {
      for (const entry of group) entry.reject(error);
    }
  };

  const addWithToken = db.transaction((insert: () => number, tokenHash: string, kind: string, subject: string) => {
    if (insert() === 0) return false;
    statements.insertToken.run(tokenHash, kind, subject);
    return true;
  });

  const readSales = salesReader(db);

  const putNotices = db.transaction((notices: readonly RuleNotice[]) => {
    for (const notice of notices) statements.putNotice.run(notice.id, JSON.stringify(notice));
  });
  // This process is the database's only writer of notices, so after the first read they are kept in memory: every
  // publish needs all of them, and parsing 100,000 stored notices again costs about a second.
  let noticeCache: Map<string, RuleNotice> | undefined;
  const cachedNotices = () => {
    noticeCache ??= new Map(
      (statements.notices.all() as Row[]).map((row) => {
        const notice = JSON.parse(String(row.json)) as RuleNotice;
        return [notice.id, notice];
      }),
    );
    return noticeCache;
  };

  return {
    kind: "sqlite",
    async addStore(store) {
      const insert = () => statements.insertStore.run(store.gln, store.name, store.createdAt).changes;
      return addWithToken(insert, store.tokenHash, "store", store.gln);
    },
    async addProducer(producer) {
      const prefixes = JSON.stringify(producer.companyPrefixes);
      const insert = () =>
        statements.insertProducer.run(producer.id, producer.name, prefixes, producer.createdAt).changes;
      return addWithToken(insert, producer.tokenHash, "producer", producer.id);
    },
    async addAdminToken(tokenHash) {
      statements.insertToken.run(tokenHash, "admin", "admin");
    },
    async hasAdminToken() {
      return statements.anyAdmin.get() !== undefined;
    },
    async findToken(tokenHash) {
      const row = statements.findToken.get(tokenHash) as Row | undefined;
      return row === undefined ? undefined : tokenSubjectOf(row);
    },
    capture(record) {
      return new Promise<number>((resolve, reject) => {
        waiting.push({ record, resolve, reject });
        if (waiting.length === 1) setImmediate(commitWaiting);
      });
    },
    async captureJob(captureId, storeGln) {
      const row = statements.job.get(captureId, storeGln) as Row | undefined;
      return row === undefined ? undefined : captureJobOf(row);
    },
    async sales(query) {
      return readSales(query);
    },
    async notices() {
      return [...cachedNotices().values()].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    },
    async noticesWithIds(ids) {
      const cache = cachedNotices();
      return ids.flatMap((id) => cache.get(id) ?? []);
    },
    async putNotices(notices) {
      putNotices.immediate(notices);
      const cache = cachedNotices();
      for (const notice of notices) cache.set(notice.id, notice);
    },
    async policy() {
      const row = statements.setting.get("policy") as Row | undefined;
      return row === undefined ? undefined : (JSON.parse(String(row.value)) as StorePolicy);
    },
    async setPolicy(policy) {
      statements.putSetting.run("policy", JSON.stringify(policy));
    },
    async close() {
      db.close();
    },
  };
}

function salesReader(db: Database.Database): (query: SalesQuery) => SalesRow[] {
  // One prepared statement per filter combination (at most 32), read as arrays: at 100,000 rows, object rows
  // from the driver and a fresh prepare per range cost more than the query itself.
  const statements = new Map<string, Database.Statement>();
  const statementFor = (where: string) => {
    let statement = statements.get(where);
    if (statement === undefined) {
      statement = db
        .prepare(
          `SELECT gtin, batch, day, store_gln, uom, quantity, events FROM sales_daily WHERE ${where}
           ORDER BY gtin, batch, day, store_gln, uom LIMIT ?`,
        )
        .raw(true);
      statements.set(where, statement);
    }
    return statement;
  };
  return (query) => {
    const rows: SalesRow[] = [];
    for (const range of gtinRangesFor(query.companyPrefixes)) {
      if (rows.length >= query.limit) break;
      const { where, parameters } = salesFilter(query, range.low, range.high);
      for (const row of statementFor(where).iterate(...parameters, query.limit - rows.length)) {
        const [gtin, batch, day, store_gln, uom, quantity, events] = row as unknown[];
        rows.push(salesRowOf({ gtin, batch, day, store_gln, uom, quantity, events }));
      }
    }
    return rows;
  };
}
