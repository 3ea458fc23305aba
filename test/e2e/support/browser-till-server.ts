// The fault suite's browser till's static server: the web till (examples/web-till, built with Vite when its sources
// changed) with a config.json and catalogue.json for the suite's world. The till reaches the hub on its own origin
// at /hub/, which the server forwards to the fault proxy, so cuts and tampering hit it as they hit the Node tills.
import { createHash } from "node:crypto";
import { existsSync, readdirSync, statSync } from "node:fs";
import { cp, mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import type { GatewaySimulator } from "@scangate/payments/simulator";
import type { TrustedKey } from "@scangate/rules";

const webTill = fileURLToPath(new URL("../../../examples/web-till/", import.meta.url));
const builtDist = join(webTill, "dist");

/** What the browser till is pointed at: the fault suite's hub (through its proxy), store, keys, gateway, goods. */
export interface BrowserTillWorld {
  /** The fault proxy's base URL; the till server forwards /hub/ to it. */
  readonly proxyUrl: string;
  /** Trusted feed keys (the hub's feed/keys.json). */
  readonly keys: readonly TrustedKey[];
  readonly storeToken: string;
  readonly storeGln: string;
  readonly simulator: Pick<GatewaySimulator, "url" | "merchantId" | "secret">;
  readonly catalog: readonly { readonly gtin: string; readonly name: string; readonly priceMinor: number }[];
  /** How often the till asks for a newer rule feed (config.json `ruleSyncIntervalMs`). @default 1_000 */
  readonly ruleSyncIntervalMs?: number;
  /** Longest wait before a failed sales upload is retried (config.json `salesRetryMaxMs`). @default 1_000 */
  readonly salesRetryMaxMs?: number;
}

/** The till's static server for one world. Keep it for the whole run: IndexedDB belongs to its origin (its port). */
export interface BrowserTillServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Newest modification time under `path` (a file or a folder), ms. */
function newestMs(path: string): number {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return readdirSync(path).reduce((newest, name) => Math.max(newest, newestMs(join(path, name))), 0);
}

/** Builds the till unless dist/ is newer than everything it is built from (the till's files and the packages'). */
async function ensureBuilt(): Promise<void> {
  const root = join(webTill, "..", "..");
  const inputs = [
    join(webTill, "src"),
    join(webTill, "public"),
    join(webTill, "index.html"),
    join(webTill, "vite.config.ts"),
    ...["checkout", "gs1", "payments", "rules", "sales", "scanner"].map((name) => join(root, "packages", name, "src")),
  ];
  const sw = join(builtDist, "sw.js");
  if (
    existsSync(sw) &&
    existsSync(join(builtDist, "index.html")) &&
    statSync(sw).mtimeMs > Math.max(...inputs.map(newestMs))
  )
    return;
  const { buildTill } = await import("../../../examples/web-till/server/demo.mjs");
  await buildTill({ quiet: true });
}

/**
 * Starts the till's static server for `world` (building the till first if its sources changed). It serves a private
 * copy of dist/, so a build by another test (which empties dist/) cannot pull files from under a running till.
 */
export async function startBrowserTillServer(world: BrowserTillWorld): Promise<BrowserTillServer> {
  await ensureBuilt();
  const copy = await mkdtemp(join(tmpdir(), "scangate-browser-till-dist-"));
  await cp(builtDist, copy, { recursive: true });
  if (!existsSync(join(copy, "index.html")) || !existsSync(join(copy, "sw.js"))) {
    // Copied while another test was building: build once more and copy again.
    const { buildTill } = await import("../../../examples/web-till/server/demo.mjs");
    await buildTill({ quiet: true });
    await cp(builtDist, copy, { recursive: true });
  }
  const catalogue = world.catalog.map((item) => ({ ...item, unit: "each", taxRatePercent: 9 }));
  const catalogueVersion = createHash("sha256").update(JSON.stringify(catalogue)).digest("hex").slice(0, 12);
  const config = (origin: string) => ({
    hubUrl: `${origin}/hub/`,
    feedUrl: `${origin}/hub/feed/`,
    trustedKeys: world.keys,
    storeToken: world.storeToken,
    storeGln: world.storeGln,
    storeName: "browser till",
    region: "CN-ZJ",
    timeZone: "Asia/Shanghai",
    gateway: { url: world.simulator.url, merchantId: world.simulator.merchantId, secret: world.simulator.secret },
    catalogueUrl: "/catalogue.json",
    catalogueVersion,
    ruleSyncIntervalMs: world.ruleSyncIntervalMs ?? 1_000,
    salesRetryMaxMs: world.salesRetryMaxMs ?? 1_000,
  });
  // till-server.mjs has no type declarations: its one function, typed here.
  const { startTillServer } = (await import(pathToFileURL(join(webTill, "server", "till-server.mjs")).href)) as {
    startTillServer(options: {
      distDir: string;
      hubUrl: string;
      config: (origin: string) => unknown;
      catalogue: unknown;
    }): Promise<BrowserTillServer>;
  };
  const server = await startTillServer({ distDir: copy, hubUrl: world.proxyUrl, config, catalogue });
  return {
    url: server.url,
    close: async () => {
      await server.close();
      await rm(copy, { recursive: true, force: true });
    },
  };
}
