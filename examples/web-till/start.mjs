#!/usr/bin/env node
// `pnpm start`: builds the till, then runs the hub (with its demo data, in .scangate-data/ at the repository root),
// the payment gateway simulator and the till on 127.0.0.1, and prints the URLs and the demo tokens. A second run
// reuses the data. Ctrl+C stops everything gracefully.
//   TILL_PORT, HUB_PORT, GATEWAY_PORT   ports (defaults 5173, 8787, 8788; 0 = any free port)
//   SCANGATE_DATA_DIR                   the data folder (default <repo>/.scangate-data)
//   TILL_SKIP_BUILD=1                   serve the dist/ built before
import { fileURLToPath } from "node:url";
import { buildTill, startDemo } from "./server/demo.mjs";

const repoRoot = fileURLToPath(new URL("../../", import.meta.url));
const dataDir = process.env.SCANGATE_DATA_DIR || `${repoRoot}.scangate-data`;
const port = (name, fallback) => {
  const value = Number(process.env[name] ?? fallback);
  return Number.isInteger(value) && value >= 0 && value < 65536 ? value : fallback;
};

if (process.env.TILL_SKIP_BUILD !== "1") await buildTill({ quiet: true });
const demo = await startDemo({
  dataDir,
  tillPort: port("TILL_PORT", 5173),
  hubPort: port("HUB_PORT", 8787),
  gatewayPort: port("GATEWAY_PORT", 8788),
  log: (line) => console.log(line),
}).catch((error) => {
  const busy = error?.code === "EADDRINUSE";
  console.error(
    busy
      ? `✗ port ${error.port ?? ""} is in use: stop what runs there, or pick others (TILL_PORT, HUB_PORT, GATEWAY_PORT; 0 = any free port)`
      : `✗ the demo did not start: ${error?.stack ?? error}`,
  );
  process.exit(1);
});

const sprouts = demo.goods.find((product) => product.gtin.slice(8, 13) === "00035");
const expired = demo.goods.flatMap((product) => product.batches.filter((batch) => batch.expired));
console.log(`
ScanGate demo is running (data in ${dataDir})

  Till (open on a phone or laptop):  ${demo.tillUrl}
  Hub:                               ${demo.hubUrl}
  Producer view:                     ${demo.hubUrl}producer?token=${demo.tokens.producerToken}
  Payment gateway simulator:         ${demo.gateway.url}

  Store ${demo.store.gln} token:  ${demo.store.token}
  Producer token:                 ${demo.tokens.producerToken}
  Admin token:                    ${demo.tokens.adminToken}

Try these codes in the till's "type or paste a code" field (or print them as QR codes):
  failed inspection: ${sprouts?.batches.find((batch) => batch.batch === "LD2411F")?.scan ?? "—"}
  expired:           ${expired[0]?.scan ?? "—"}
  wallet code that pays at once: 134567890123456780   asks for a password first: 134567890123456789

Ctrl+C stops everything.`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"])
  process.on(signal, () => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping the till, the simulator and the hub…`);
    demo.close().then(
      () => process.exit(0),
      (error) => {
        console.error(error);
        process.exit(1);
      },
    );
  });
