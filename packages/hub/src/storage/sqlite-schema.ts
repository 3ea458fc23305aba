// The SQLite tables. `batch` and `uom` are "" rather than NULL where they are part of a key, because SQL treats
// NULLs as distinct in unique keys and a retry would then add a second total.

/** DDL run at every open; idempotent. */
export const SQLITE_SCHEMA = `
CREATE TABLE IF NOT EXISTS tokens (hash TEXT PRIMARY KEY, kind TEXT NOT NULL, subject TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS stores (gln TEXT PRIMARY KEY, name TEXT NOT NULL, created_at TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS producers (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, company_prefixes TEXT NOT NULL, created_at TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS events (
  event_id TEXT PRIMARY KEY, capture_id TEXT, store_gln TEXT NOT NULL, event_time TEXT NOT NULL, day TEXT NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS sale_lines (
  event_id TEXT NOT NULL, gtin TEXT NOT NULL, batch TEXT NOT NULL, day TEXT NOT NULL, store_gln TEXT NOT NULL,
  quantity REAL NOT NULL, uom TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS sales_daily (
  gtin TEXT NOT NULL, batch TEXT NOT NULL, day TEXT NOT NULL, store_gln TEXT NOT NULL, uom TEXT NOT NULL,
  quantity REAL NOT NULL, events INTEGER NOT NULL,
  PRIMARY KEY (gtin, batch, day, store_gln, uom)
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS capture_jobs (
  capture_id TEXT PRIMARY KEY, store_gln TEXT NOT NULL, received_at TEXT NOT NULL,
  event_count INTEGER NOT NULL, new_event_count INTEGER NOT NULL
) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS notices (id TEXT PRIMARY KEY, json TEXT NOT NULL) WITHOUT ROWID;
CREATE TABLE IF NOT EXISTS settings (key TEXT PRIMARY KEY, value TEXT NOT NULL) WITHOUT ROWID;
`;
