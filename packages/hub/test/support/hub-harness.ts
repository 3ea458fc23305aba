// Starting a real hub on 127.0.0.1 for a test, and talking to it over real HTTP.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Hub, type StartHubOptions, startHub } from "../../src/index.js";
import { createTestDatabase } from "./postgres-database.js";

/** The storages every storage-backed suite runs against. */
export const STORAGE_KINDS = ["sqlite", "postgres"] as const;
export type StorageKind = (typeof STORAGE_KINDS)[number];

/** 2027-03-15T02:00:00Z: the fixed time of every test hub. */
export const FIXED_NOW_MS = Date.UTC(2027, 2, 15, 2, 0, 0);

/** A running hub with its admin token and data folder. */
export interface TestHub {
  readonly hub: Hub;
  readonly url: string;
  readonly dataDir: string;
  readonly adminToken: string;
  close(): Promise<void>;
}

/** Starts a hub with a fixed clock on a free port, SQLite in a temp dir or a fresh PostgreSQL database. */
export async function startTestHub(
  kind: StorageKind = "sqlite",
  options: Partial<StartHubOptions> = {},
): Promise<TestHub> {
  const dataDir = options.dataDir ?? (await mkdtemp(join(tmpdir(), "scangate-hub-test-")));
  const adminToken = "test-admin-token-0123456789";
  const storage = kind === "postgres" ? { kind, url: await createTestDatabase() } : { kind };
  const hub = await startHub({
    port: 0,
    // Only failures are logged (to stdout), so an unexpected 500 in a test shows its cause.
    logger: { level: "error" },
    adminToken,
    storage,
    clock: { nowMs: () => FIXED_NOW_MS },
    ...options,
    dataDir,
  });
  return {
    hub,
    url: hub.url,
    dataDir,
    adminToken,
    async close() {
      await hub.close();
      if (options.dataDir === undefined) await rm(dataDir, { recursive: true, force: true });
    },
  };
}

/** What came back from the hub. */
export interface Reply {
  readonly status: number;
  readonly headers: Headers;
  /** Parsed JSON, or undefined for an empty or non-JSON body. */
  // biome-ignore lint/suspicious/noExplicitAny: tests read many reply shapes; each assertion checks its own.
  readonly json: any;
  readonly text: string;
}

/** Options of {@link call}. */
export interface CallOptions {
  readonly token?: string;
  /** Sent as JSON unless `raw` is given. */
  readonly body?: unknown;
  /** A body sent as-is. */
  readonly raw?: string | Uint8Array;
  /** @default "application/json" when there is a body */
  readonly contentType?: string;
  readonly headers?: Record<string, string>;
}

/** One HTTP request to the hub. */
export async function call(baseUrl: string, method: string, path: string, options: CallOptions = {}): Promise<Reply> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token !== undefined) headers.authorization = `Bearer ${options.token}`;
  let body: string | Uint8Array | undefined = options.raw;
  if (options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers["content-type"] = options.contentType ?? "application/json";
  const init: RequestInit = { method, headers, ...(body === undefined ? {} : { body: body as BodyInit }) };
  const response = await fetch(new URL(path.replace(/^\//, ""), baseUrl), init);
  const text = await response.text();
  let json: unknown;
  try {
    json = text === "" ? undefined : JSON.parse(text);
  } catch {
    json = undefined;
  }
  return { status: response.status, headers: response.headers, json, text };
}

/** Registers a store; returns its token. */
export async function registerStore(hub: TestHub, gln: string, name = `Store ${gln}`): Promise<string> {
  const reply = await call(hub.url, "POST", "/admin/stores", { token: hub.adminToken, body: { gln, name } });
  if (reply.status !== 201) throw new Error(`registering store ${gln}: ${reply.status} ${reply.text}`);
  return reply.json.token as string;
}

/** Registers a producer; returns its token. */
export async function registerProducer(hub: TestHub, companyPrefixes: string[], name = "Producer"): Promise<string> {
  const reply = await call(hub.url, "POST", "/admin/producers", {
    token: hub.adminToken,
    body: { name, companyPrefixes },
  });
  if (reply.status !== 201) throw new Error(`registering producer: ${reply.status} ${reply.text}`);
  return reply.json.token as string;
}

/** A hub with store A registered and a producer of company prefix 6901234: what most suites start from. */
export interface HubWithParties {
  readonly hub: TestHub;
  /** Capture token of store A (GLN STORE_A of epcis-fixtures). */
  readonly store: string;
  /** Token of the producer of company prefix 6901234. */
  readonly producer: string;
}

/** Starts a hub and registers store `storeGln` and a producer of prefix 6901234. */
export async function startHubWithParties(
  kind: StorageKind,
  storeGln: string,
  options: Partial<StartHubOptions> = {},
): Promise<HubWithParties> {
  const hub = await startTestHub(kind, options);
  return { hub, store: await registerStore(hub, storeGln), producer: await registerProducer(hub, ["6901234"]) };
}
