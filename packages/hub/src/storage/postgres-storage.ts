// PostgreSQL storage, for deployments with many stores. Same tables and semantics as SQLite; concurrency comes
// from the server instead of a single writer: "INSERT … ON CONFLICT DO NOTHING RETURNING" on eventID decides
// which events are new even when two retries of one document commit at the same time (the second waits on the
// first's row lock, then sees the conflict), and the daily totals are upserted in key order so two captures never
// deadlock on them. A deadlock or serialization failure is retried anyway.
import type { RuleNotice, StorePolicy } from "@scangate/rules";
import pg from "pg";
import type { CapturedEvent } from "../epcis/sale-events.js";
import { gtinRangesFor } from "./gtin-ranges.js";
import type { HubStorage, SalesRow } from "./hub-storage.js";
import { rollupOf } from "./rollup.js";
import { captureJobOf, salesFilter, salesRowOf, tokenSubjectOf } from "./stored-rows.js";

/** Options of {@link postgresStorage}. */
export interface PostgresStorageOptions {
  /** e.g. "postgres://hub:secret@127.0.0.1:5432/hub". */
  readonly url: string;
  /** Connections in the pool. @default 10 */
  readonly poolSize?: number;
}

const SCHEMA = `
CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, kind TEXT NOT NULL, subject TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS stores (gln TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS producers (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, company_prefixes TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS events (
  event_id TEXT PRIMARY KEY, capture_id TEXT, store_gln TEXT NOT NULL, event_time TEXT NOT NULL, day TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sale_lines (
  event_id TEXT NOT NULL, gtin TEXT NOT NULL, batch TEXT NOT NULL, day TEXT NOT NULL, store_gln TEXT NOT NULL,
  quantity DOUBLE PRECISION NOT NULL, uom TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS sales_daily (
  gtin TEXT COLLATE "C" NOT NULL, batch TEXT COLLATE "C" NOT NULL, day TEXT COLLATE "C" NOT NULL,
  store_gln TEXT COLLATE "C" NOT NULL, uom TEXT COLLATE "C" NOT NULL,
  quantity DOUBLE PRECISION NOT NULL, events INTEGER NOT NULL, PRIMARY KEY (gtin, batch, day, store_gln, uom));
CREATE TABLE IF NOT EXISTS capture_jobs (
  capture_id TEXT PRIMARY KEY, store_gln TEXT NOT NULL, received_at TEXT NOT NULL,
  event_count INTEGER NOT NULL, new_event_count INTEGER NOT NULL);
CREATE TABLE IF NOT EXISTS notices (id TEXT PRIMARY KEY, json TEXT NOT NULL);
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL);
`;

// 40P01 deadlock_detected, 40001 serialization_failure: both mean "nothing happened, run it again".
const RETRYABLE = new Set(["40P01", "40001"]);

/**
 * Connects to PostgreSQL and creates the hub's tables when missing.
 * @example const storage = await postgresStorage({ url: process.env.HUB_POSTGRES_URL });
 */
export async function postgresStorage(options: PostgresStorageOptions): Promise<HubStorage> {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
  // An idle client's connection error must not crash the hub; the next query reports it.
  pool.on("error", () => undefined);
  // Concurrent first starts race on CREATE TABLE IF NOT EXISTS; the advisory lock lines them up.
  await inTransaction(pool, async (client) => {
    await client.query("SELECT pg_advisory_xact_lock(8787)");
    await client.query(SCHEMA);
  });

  async function insertWithToken(insert: string, values: unknown[], hash: string, kind: string, subject: string) {
    return inTransaction(pool, async (client) => {
      const inserted = await client.query(insert, values);
      if (inserted.rowCount === 0) return false;
      await client.query("INSERT INTO tokens (hash, kind, subject) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING", [
        hash,
        kind,
        subject,
      ]);
      return true;
    });
  }

  return {
    kind: "postgres",
    addStore: (store) =>
      insertWithToken(
        "INSERT INTO stores (gln, name, created_at) VALUES ($1, $2, $3) ON CONFLICT DO NOTHING",
        [store.gln, store.name, store.createdAt],
        store.tokenHash,
        "store",
        store.gln,
      ),
    addProducer: (producer) =>
      insertWithToken(
        "INSERT INTO producers (id, name, company_prefixes, created_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING",
        [producer.id, producer.name, JSON.stringify(producer.companyPrefixes), producer.createdAt],
        producer.tokenHash,
        "producer",
        producer.id,
      ),
    async addAdminToken(tokenHash) {
      await pool.query(
        "INSERT INTO tokens (hash, kind, subject) VALUES ($1, 'admin', 'admin') ON CONFLICT DO NOTHING",
        [tokenHash],
      );
    },
    async hasAdminToken() {
      return (await pool.query("SELECT 1 FROM tokens WHERE kind = 'admin' LIMIT 1")).rowCount !== 0;
    },
    async findToken(tokenHash) {
      const result = await pool.query(
        "SELECT t.kind, t.subject, p.company_prefixes FROM tokens t LEFT JOIN producers p ON t.kind = 'producer' AND p.id = t.subject WHERE t.hash = $1",
        [tokenHash],
      );
      const row = result.rows[0] as Record<string, unknown> | undefined;
      return row === undefined ? undefined : tokenSubjectOf(row);
    },
    capture: (record) =>
      inTransaction(pool, async (client) => {
        // The first of two events with one eventID in a document wins, as with SQLite's row-by-row inserts.
        const byId = new Map<string, CapturedEvent>();
        for (const event of record.events) if (!byId.has(event.eventId)) byId.set(event.eventId, event);
        const sorted = [...byId.values()].sort((a, b) => (a.eventId < b.eventId ? -1 : 1));
        const inserted = await client.query(
          `INSERT INTO events (event_id, capture_id, store_gln, event_time, day)
           SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[])
           ON CONFLICT DO NOTHING RETURNING event_id`,
          [
            sorted.map((event) => event.eventId),
            sorted.map(() => record.captureId ?? null),
            sorted.map((event) => event.storeGln),
            sorted.map((event) => event.eventTime),
            sorted.map((event) => event.day),
          ],
        );
        const freshIds = new Set(inserted.rows.map((row: { event_id: string }) => row.event_id));
        const fresh = sorted.filter((event) => freshIds.has(event.eventId));
        const lines = fresh.flatMap((event) => event.lines.map((line) => ({ event, line })));
        if (lines.length > 0)
          await client.query(
            `INSERT INTO sale_lines (event_id, gtin, batch, day, store_gln, quantity, uom)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::text[])`,
            [
              lines.map(({ event }) => event.eventId),
              lines.map(({ line }) => line.gtin),
              lines.map(({ line }) => line.batch ?? ""),
              lines.map(({ event }) => event.day),
              lines.map(({ event }) => event.storeGln),
              lines.map(({ line }) => line.quantity),
              lines.map(({ line }) => line.uom ?? ""),
            ],
          );
        const totals = rollupOf(fresh);
        if (totals.length > 0)
          await client.query(
            `INSERT INTO sales_daily AS s (gtin, batch, day, store_gln, uom, quantity, events)
             SELECT * FROM unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::float8[], $7::int[])
             ON CONFLICT (gtin, batch, day, store_gln, uom)
             DO UPDATE SET quantity = s.quantity + excluded.quantity, events = s.events + excluded.events`,
            [
              totals.map((total) => total.gtin),
              totals.map((total) => total.batch),
              totals.map((total) => total.day),
              totals.map((total) => total.store),
              totals.map((total) => total.uom),
              totals.map((total) => total.quantity),
              totals.map((total) => total.events),
            ],
          );
        if (record.captureId !== undefined)
          await client.query(
            "INSERT INTO capture_jobs (capture_id, store_gln, received_at, event_count, new_event_count) VALUES ($1, $2, $3, $4, $5)",
            [record.captureId, record.storeGln, record.receivedAt, record.events.length, fresh.length],
          );
        return fresh.length;
      }),
    async captureJob(captureId, storeGln) {
      const result = await pool.query("SELECT * FROM capture_jobs WHERE capture_id = $1 AND store_gln = $2", [
        captureId,
        storeGln,
      ]);
      const row = result.rows[0] as Record<string, unknown> | undefined;
      return row === undefined ? undefined : captureJobOf(row);
    },
    async sales(query) {
      const rows: SalesRow[] = [];
      for (const range of gtinRangesFor(query.companyPrefixes)) {
        if (rows.length >= query.limit) break;
        const { where, parameters } = salesFilter(query, range.low, range.high);
        let index = 0;
        const numbered = where.replace(/\?/g, () => `$${++index}`);
        const result = await pool.query(
          `SELECT gtin, batch, day, store_gln, uom, quantity, events FROM sales_daily WHERE ${numbered}
           ORDER BY gtin, batch, day, store_gln, uom LIMIT $${index + 1}`,
          [...parameters, query.limit - rows.length],
        );
        for (const row of result.rows) rows.push(salesRowOf(row as Record<string, unknown>));
      }
      return rows;
    },
    async notices() {
      const result = await pool.query("SELECT json FROM notices ORDER BY id");
      return result.rows.map((row: { json: string }) => JSON.parse(row.json) as RuleNotice);
    },
    async noticesWithIds(ids) {
      const result = await pool.query("SELECT json FROM notices WHERE id = ANY($1::text[])", [ids]);
      return result.rows.map((row: { json: string }) => JSON.parse(row.json) as RuleNotice);
    },
    async putNotices(notices) {
      await inTransaction(pool, async (client) => {
        for (let start = 0; start < notices.length; start += 5000) {
          const chunk = notices.slice(start, start + 5000);
          await client.query(
            `INSERT INTO notices (id, json) SELECT * FROM unnest($1::text[], $2::text[])
             ON CONFLICT (id) DO UPDATE SET json = excluded.json`,
            [chunk.map((notice) => notice.id), chunk.map((notice) => JSON.stringify(notice))],
          );
        }
      });
    },
    async policy() {
      const result = await pool.query("SELECT value FROM settings WHERE key = 'policy'");
      const row = result.rows[0] as { value: string } | undefined;
      return row === undefined ? undefined : (JSON.parse(row.value) as StorePolicy);
    },
    async setPolicy(policy) {
      await pool.query(
        "INSERT INTO settings (key, value) VALUES ('policy', $1) ON CONFLICT (key) DO UPDATE SET value = excluded.value",
        [JSON.stringify(policy)],
      );
    },
    async close() {
      await pool.end();
    },
  };
}

async function inTransaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    const client = await pool.connect();
    try {
      await client.query("BEGIN");
      const result = await work(client);
      await client.query("COMMIT");
      return result;
    } catch (error) {
      await client.query("ROLLBACK").catch(() => undefined);
      const code = (error as { code?: string }).code;
      if (attempt >= 5 || code === undefined || !RETRYABLE.has(code)) throw error;
    } finally {
      client.release();
    }
  }
}
