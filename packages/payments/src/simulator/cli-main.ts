// `scangate-gateway-sim`: runs the gateway simulator standalone (web-till demo, `pnpm start`) and prints its URL and
// credentials as one JSON line. Options: --port N, --host H, --seed N, --user-paying-ms N, --fault-rate R (0–1, random
// SYSTEMERROR / DROP_REPLY / TIMEOUT_AFTER_COMMIT for demos). Stops on SIGINT / SIGTERM. No top-level await: tsup also
// builds this entry as CommonJS.
import { parseArgs } from "node:util";
import { startGatewaySimulator } from "./sim-server.js";

const { values } = parseArgs({
  options: {
    port: { type: "string", default: "0" },
    host: { type: "string", default: "127.0.0.1" },
    seed: { type: "string", default: "1" },
    "user-paying-ms": { type: "string", default: "5000" },
    "fault-rate": { type: "string", default: "0" },
  },
});
const faultRate = Number(values["fault-rate"]);

startGatewaySimulator({
  port: Number(values.port),
  host: values.host,
  seed: Number(values.seed),
  userPayingMs: Number(values["user-paying-ms"]),
  ...(faultRate > 0
    ? { randomFaults: { rate: faultRate, kinds: ["SYSTEMERROR", "DROP_REPLY", "TIMEOUT_AFTER_COMMIT"] as const } }
    : {}),
}).then(
  (simulator) => {
    console.log(JSON.stringify({ url: simulator.url, merchantId: simulator.merchantId, secret: simulator.secret }));
    const stop = () => void simulator.close().then(() => process.exit(0));
    process.on("SIGINT", stop);
    process.on("SIGTERM", stop);
  },
  (error: unknown) => {
    console.error(`scangate-gateway-sim: ${(error as Error).message}`);
    process.exitCode = 1;
  },
);
