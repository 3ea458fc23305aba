// A fault-suite till as its own Node process (started by till-process.ts): argv[2] is its TillConfig as JSON.
// Every database is durable through the write-ahead log, so a SIGKILL loses nothing the till had committed.
import { join } from "node:path";
import { Dexie } from "dexie";
import { durableIndexedDb } from "./durable-indexeddb.js";
import { serveCustomer, startSale, startWalletPayment } from "./shop.js";
import { startTill, type TillConfig } from "./till.js";
import type { TillMessage, TillReplies, TillRequest } from "./till-messages.js";

const config = JSON.parse(process.argv[2] ?? "{}") as TillConfig;
const tillNumber = Number(config.name.replace(/\D/g, "")) || 0;
const send = (message: TillMessage) => process.send?.(message);

// Before any database is made: every Dexie of this process gets its log in the till's own folder.
Dexie.addons.push(durableIndexedDb(join(config.dataDir, config.name)));
process.on("disconnect", () => process.exit(0)); // the suite is gone: so is the till

const till = await startTill(config, (code) => send({ type: "feedError", code }));

function answer(request: TillRequest): Promise<TillReplies[TillRequest["type"]]> {
  switch (request.type) {
    case "serve":
      return serveCustomer(till.checkout, tillNumber, request.customer).then((blocked) => ({ blocked }));
    case "startSale":
      return startSale(till.checkout).then(() => null);
    case "startWalletPayment":
      return startWalletPayment(till.checkout, tillNumber).then(() => null);
    case "settle":
      return till.settle();
    case "pendingUploads":
      return Promise.resolve(till.pendingUploads());
    case "feedVersion":
      return Promise.resolve(till.feedVersion() ?? null);
  }
}

process.on("message", async (request: TillRequest) => {
  try {
    send({ type: "reply", id: request.id, ok: true, value: await answer(request) });
  } catch (error) {
    send({ type: "reply", id: request.id, ok: false, error: String(error) });
  }
});
send({ type: "ready", resumedLines: till.checkout.snapshot().lines.length });
