// The whole demo in one call: seeds the hub's data folder on the first run, starts the hub, the payment gateway
// simulator and the till's static server on 127.0.0.1, and answers /config.json with what the till needs.
// start.mjs runs it from the shell; the end-to-end tests run it on free ports in a scratch folder.
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { startHub } from "@scangate/hub";
import { startGatewaySimulator } from "@scangate/payments/simulator";
import { demoCatalogue, demoTokens, trustedKeys } from "./demo-data.mjs";
import { startTillServer } from "./till-server.mjs";

const here = fileURLToPath(new URL("..", import.meta.url));

/** Builds the till with Vite into dist/ (one command does everything; a second build takes ~2 s). */
export async function buildTill({ quiet = false } = {}) {
  const { build } = await import("vite");
  await build({ configFile: join(here, "vite.config.ts"), logLevel: quiet ? "warn" : "info" });
}

/**
 * Starts the demo. Ports 0 pick free ones.
 * @returns `{ tillUrl, hubUrl, gatewayUrl, tokens, store, close() }`
 */
export async function startDemo({
  dataDir,
  hubPort = 8787,
  gatewayPort = 8788,
  tillPort = 5173,
  userPayingMs = 3000,
  log = () => undefined,
}) {
  const tokens = await demoTokens(dataDir, log);
  const store = tokens.stores[0];
  const hub = await startHub({
    dataDir: join(dataDir, "hub"),
    port: hubPort,
    adminToken: tokens.adminToken,
    logger: false,
  });
  const closers = [() => hub.close()];
  try {
    const gateway = await startGatewaySimulator({ port: gatewayPort, userPayingMs });
    closers.unshift(() => gateway.close());
    const catalogue = await demoCatalogue(dataDir);
    const keys = await trustedKeys(dataDir);
    const config = (origin) => ({
      hubUrl: `${origin}/hub/`,
      feedUrl: `${origin}/hub/feed/`,
      trustedKeys: keys,
      storeToken: store.token,
      storeGln: store.gln,
      storeName: store.name,
      region: "CN-ZJ",
      timeZone: "Asia/Shanghai",
      // A demo hands the simulator's secret to the browser; a real till asks its own server to sign (README).
      gateway: { url: gateway.url, merchantId: gateway.merchantId, secret: gateway.secret },
      catalogueUrl: "/catalogue.json",
      catalogueVersion: catalogue.version,
    });
    const till = await startTillServer({
      distDir: join(here, "dist"),
      port: tillPort,
      hubUrl: hub.url,
      config,
      catalogue: catalogue.items,
    });
    closers.unshift(() => till.close());
    return {
      tillUrl: till.url,
      hubUrl: hub.url,
      gateway,
      tokens,
      store,
      goods: catalogue.goods,
      close: async () => {
        for (const close of closers) await close();
      },
    };
  } catch (error) {
    for (const close of closers) await close();
    throw error;
  }
}
