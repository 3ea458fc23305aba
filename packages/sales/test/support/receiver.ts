// Every hub interaction of the sales tests goes through here: the real @scangate/hub on 127.0.0.1 (SQLite in a
// temporary folder), a store token for the outbox, a producer token to count what the hub holds through its
// producer view, and stop()/restart() on the same port and data folder (the till sees its receiver go down and
// come back, with everything it committed).
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Hub, startHub } from "@scangate/hub";
import { STORE_GLN } from "./outbox-harness.js";

/** What the hub holds for one GTIN + batch, summed over days and stores. */
export interface SoldRow {
  readonly gtin: string;
  readonly batch: string;
  readonly quantity: number;
  readonly events: number;
}

/** A running (or stopped) hub. */
export interface Receiver {
  /** Base URL, ending with "/": the outbox's `endpoint`. */
  readonly url: string;
  readonly port: number;
  /** Capture token of the store `STORE_GLN`. */
  readonly storeToken: string;
  /** What the hub holds for the test producer (company prefix 9521234), per GTIN + batch. */
  soldRows(): Promise<SoldRow[]>;
  /** Goes down: the hub closes (in-flight captures finish first, as the contract says). */
  stop(): Promise<void>;
  /** Comes back on the same port with the same data folder. */
  restart(): Promise<void>;
  /** Stops and deletes the data folder. */
  dispose(): Promise<void>;
}

/** The test producer's company prefix: the GTINs of outbox-harness.ts PRODUCTS. */
export const PRODUCER_PREFIX = "9521234";

async function post(url: string, token: string, body: unknown): Promise<Record<string, unknown>> {
  const response = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  const json = (await response.json()) as Record<string, unknown>;
  if (response.status !== 201)
    throw new Error(`hub setup: POST ${url} answered ${response.status} ${JSON.stringify(json)}`);
  return json;
}

/** Starts a hub on an ephemeral port, with one store and one producer. */
export async function startReceiver(): Promise<Receiver> {
  const dataDir = mkdtempSync(join(tmpdir(), "scangate-sales-hub-"));
  const adminToken = `admin-${Math.random().toString(36).slice(2)}-${Date.now()}`;
  let hub: Hub | undefined = await startHub({ dataDir, port: 0, logger: false, adminToken });
  const url = hub.url;
  const port = Number(new URL(url).port);
  const store = await post(new URL("admin/stores", url).href, adminToken, { gln: STORE_GLN, name: "Test stall" });
  const producer = await post(new URL("admin/producers", url).href, adminToken, {
    name: "Test producer",
    companyPrefixes: [PRODUCER_PREFIX],
  });
  const producerToken = String(producer.token);
  const stop = async () => {
    await hub?.close();
    hub = undefined;
  };
  return {
    url,
    port,
    storeToken: String(store.token),
    async soldRows() {
      const response = await fetch(new URL("producer/sales?from=2000-01-01&to=2100-12-31", url), {
        headers: { authorization: `Bearer ${producerToken}` },
      });
      if (response.status !== 200)
        throw new Error(`GET /producer/sales answered ${response.status} ${await response.text()}`);
      const { rows } = (await response.json()) as { rows: Array<SoldRow & { day: string; store: string }> };
      const summed = new Map<string, SoldRow>();
      for (const row of rows) {
        const key = `${row.gtin}|${row.batch}`;
        const held = summed.get(key);
        summed.set(key, {
          gtin: row.gtin,
          batch: row.batch,
          quantity: (held?.quantity ?? 0) + row.quantity,
          events: (held?.events ?? 0) + row.events,
        });
      }
      return [...summed.values()];
    },
    stop,
    async restart() {
      await stop();
      hub = await startHub({ dataDir, port, logger: false, adminToken });
    },
    async dispose() {
      await stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
