// The real servers a docs sample talks to: a hub (SQLite in a fresh temp folder, 127.0.0.1, a free port) with one
// store, one producer and one published recall, and the payment gateway simulator. Their addresses and tokens reach
// the sample as environment variables, the way a deployed till or script reads its configuration.
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { startHub } from "@scangate/hub";
import { startGatewaySimulator } from "@scangate/payments/simulator";

/** The store the samples sell for. */
export const SAMPLE_STORE_GLN = "6901234000016";
const ADMIN_TOKEN = "docs-sample-admin-token-0001";

/** A recall of milk batch LOT-A, as a regulator would publish it. */
export const SAMPLE_RECALL = {
  id: "docs-recall-lot-a",
  kind: "recall",
  status: "active",
  source: { authority: "ZJ_AMR", ref: "docs-recall-lot-a" },
  severity: { scheme: "CN_RECALL", level: "一级", normalized: "critical" },
  reasons: [{ text: { "zh-CN": "批次召回", en: "Batch recalled" } }],
  effective: { from: "2026-01-01" },
  action: { atTill: "block", ifAttributeUnknown: "warn" },
  products: [{ gtin: "06901234567892", batches: ["LOT-A"] }],
};

/** Running servers and the environment variables that describe them. */
export interface SampleWorld {
  readonly env: Record<string, string>;
  close(): Promise<void>;
}

async function post(url: string, token: string, body: unknown): Promise<Record<string, unknown>> {
  const reply = await fetch(url, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!reply.ok) throw new Error(`${url}: ${reply.status} ${await reply.text()}`);
  return (await reply.json()) as Record<string, unknown>;
}

/** Starts a hub and the gateway simulator for one sample. */
export async function startSampleWorld(): Promise<SampleWorld> {
  const dataDir = await mkdtemp(join(tmpdir(), "scangate-docs-"));
  const hub = await startHub({ dataDir, port: 0, adminToken: ADMIN_TOKEN, logger: false });
  const simulator = await startGatewaySimulator({ seed: 2027 });
  const store = await post(`${hub.url}admin/stores`, ADMIN_TOKEN, { gln: SAMPLE_STORE_GLN, name: "Stall 7" });
  const producer = await post(`${hub.url}admin/producers`, ADMIN_TOKEN, {
    name: "Docs Dairy",
    companyPrefixes: ["6901234"],
  });
  await post(`${hub.url}admin/notices`, ADMIN_TOKEN, [SAMPLE_RECALL]);
  const keys = (await (await fetch(`${hub.url}feed/keys.json`)).json()) as { trustedKeys: unknown[] };
  return {
    env: {
      HUB_URL: hub.url,
      HUB_ADMIN_TOKEN: ADMIN_TOKEN,
      STORE_TOKEN: String(store.token),
      STORE_GLN: SAMPLE_STORE_GLN,
      PRODUCER_TOKEN: String(producer.token),
      TRUSTED_KEYS: JSON.stringify(keys.trustedKeys),
      GATEWAY_URL: simulator.url,
      GATEWAY_MERCHANT_ID: simulator.merchantId,
      GATEWAY_SECRET: simulator.secret,
    },
    async close() {
      await hub.close();
      await simulator.close();
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
