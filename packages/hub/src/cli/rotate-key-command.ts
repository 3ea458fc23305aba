// `scangate-hub rotate-key [--activate]`: the two steps of a signing-key rotation, on the data directory. After
// activation the feed is re-published with the new key right away (through the same storage the hub uses), so
// tills that already trust the new key see it signed by it on their next poll.
import { join } from "node:path";
import { createHubFeed } from "../feed/hub-feed.js";
import { activateKeyRotation, type KeyStatus, prepareKeyRotation } from "../feed/signing-keys.js";
import { openStorage } from "../storage/open-storage.js";
import type { HubCliIo } from "./cli.js";
import type { ServerArguments } from "./cli-arguments.js";

const TTL_MS = 24 * 3_600_000;

/** Runs one rotation step; 0 done, 1 nothing to activate or publish failed. */
export async function rotateKey(options: ServerArguments, activate: boolean, io: HubCliIo): Promise<number> {
  const keysDir = join(options.dataDir, "keys");
  if (!activate) {
    const status = await prepareKeyRotation(keysDir);
    io.out(`next key ${status.nextKeyId} prepared; tills must trust ${join(keysDir, "trusted-keys.json")}`);
    io.out("then run: scangate-hub rotate-key --activate");
    print(status, io);
    return 0;
  }
  const status = await activateKeyRotation(keysDir);
  if (status === undefined) {
    io.err("✗ NOT_FOUND: no prepared key; run scangate-hub rotate-key first");
    return 1;
  }
  const storage = await openStorage(
    options.postgres === undefined ? { kind: "sqlite" } : { kind: "postgres", url: options.postgres },
    options.dataDir,
  );
  try {
    const feed = createHubFeed({ dataDir: options.dataDir, storage, clock: io.clock, manifestTtlMs: TTL_MS });
    const published = await feed.publish();
    if (!published.ok) {
      io.err(`✗ ${published.error.code}: ${published.error.message}`);
      return 1;
    }
    io.out(`feed version ${published.value.version} signed by ${status.activeKeyId}`);
  } finally {
    await storage.close();
  }
  print(status, io);
  return 0;
}

function print(status: KeyStatus, io: HubCliIo): void {
  io.out(JSON.stringify(status, null, 2));
}
