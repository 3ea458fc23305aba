// The demo's data folder: seeds the hub once with `scangate-hub seed-demo` (keeping the tokens it prints, which the
// hub shows only once), and turns the hub's demo catalogue into the stall's price list.
import { execFile } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";

const hubCli = fileURLToPath(new URL("../../../packages/hub/bin/scangate-hub.mjs", import.meta.url));

/** Prices of the demo goods, fen (per kg for weighed goods), by the GTIN's item reference. */
const PRICES = {
  "00011": 450,
  "00028": 350,
  "00035": 300,
  "00042": 500,
  "00059": 1800,
  "00066": 3600,
  "00073": 4500,
  "00080": 1280,
  "00097": 1250,
  "00103": 3200,
  "00110": 250,
};
const CATEGORIES = { "00066": "fresh_meat", "00097": "dairy", "00011": "tofu", "00028": "tofu" };

/** Reads the tokens printed by seed-demo. */
export function parseSeedOutput(text) {
  const admin = /admin token:\s+(\S+)/.exec(text)?.[1];
  const producer = /producer token:\s+(\S+)/.exec(text)?.[1];
  const stores = [...text.matchAll(/store (\d{13}):\s+(\S+)\s+(.+)/g)].map((match) => ({
    gln: match[1],
    token: match[2],
    name: match[3].trim(),
  }));
  if (!admin || !producer || stores.length === 0) return undefined;
  return { adminToken: admin, producerToken: producer, stores };
}

/**
 * The demo's tokens: read from `<dataDir>/web-till-demo.json`, or made by seeding `<dataDir>/hub` on the first run.
 * @returns `{ adminToken, producerToken, stores: [{ gln, token, name }] }`
 */
export async function demoTokens(dataDir, log) {
  const file = join(dataDir, "web-till-demo.json");
  if (existsSync(file)) return JSON.parse(await readFile(file, "utf8"));
  const hubDir = join(dataDir, "hub");
  await mkdir(hubDir, { recursive: true });
  log(`Seeding the demo hub in ${hubDir} (first run)…`);
  const { stdout } = await promisify(execFile)(process.execPath, [hubCli, "seed-demo", "--data", hubDir], {
    env: { ...process.env, HUB_DATA_DIR: "" },
  }).catch((error) => ({ stdout: `${error.stdout ?? ""}`, error }));
  const tokens = parseSeedOutput(stdout);
  if (tokens === undefined)
    throw new Error(
      `seed-demo printed no tokens (is ${hubDir} seeded already without ${file}? delete ${dataDir} to start over):\n${stdout}`,
    );
  await writeFile(file, `${JSON.stringify(tokens, null, 2)}\n`, { mode: 0o600 });
  return tokens;
}

/** The stall's catalogue (ScanGate catalogue JSON) from the hub's demo catalogue, and a version of its content. */
export async function demoCatalogue(dataDir) {
  const goods = JSON.parse(await readFile(join(dataDir, "hub", "demo-catalogue.json"), "utf8"));
  const items = goods.map((product) => {
    const reference = product.gtin.slice(8, 13);
    return {
      gtin: product.gtin,
      name: product.name["zh-CN"],
      names: { en: product.name.en },
      priceMinor: PRICES[reference] ?? 1000,
      unit: product.byWeight ? "kg" : "each",
      ...(CATEGORIES[reference] ? { category: CATEGORIES[reference] } : {}),
      taxRatePercent: 9,
    };
  });
  const text = JSON.stringify(items);
  return { items, goods, version: createHash("sha256").update(text).digest("hex").slice(0, 12) };
}

/** The public keys the till trusts: the hub's trusted-keys file, read from disk (not over the network). */
export async function trustedKeys(dataDir) {
  return JSON.parse(await readFile(join(dataDir, "hub", "keys", "trusted-keys.json"), "utf8"));
}
