// Starting and stopping a hub: open storage, make sure an admin token and a signed feed exist, listen. `close`
// stops accepting connections, lets in-flight requests finish (Fastify's close), then closes storage, so a
// capture that was answered 202 is always committed first.
import { mkdir, readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { hashToken, newToken } from "./auth/tokens.js";
import { systemClock } from "./clock.js";
import { createEpcisValidator } from "./epcis/epcis-validator.js";
import { createHubFeed } from "./feed/hub-feed.js";
import { createHubApp } from "./http/create-app.js";
import { type HubConfig, parseHubOptions, type StartHubOptions } from "./hub-options.js";
import type { HubStorage } from "./storage/hub-storage.js";
import { openStorage } from "./storage/open-storage.js";

/** A running hub. */
export interface Hub {
  /** Base URL, always ending in "/", e.g. "http://127.0.0.1:8787/". */
  readonly url: string;
  /** The folder of the published feed files. */
  readonly feedDir: string;
  /** Stops accepting connections, finishes in-flight requests, closes storage. Idempotent. */
  close(): Promise<void>;
}

/**
 * Starts a hub.
 * @throws TypeError when the options are invalid (a caller's bug; the CLI validates with `parseHubOptions` first).
 * @example
 * const hub = await startHub({ dataDir: "./hub-data", port: 0, logger: false });
 * console.log(hub.url); // http://127.0.0.1:41234/
 * await hub.close();
 */
export async function startHub(options: StartHubOptions): Promise<Hub> {
  const parsed = parseHubOptions(options);
  if (!parsed.ok) throw new TypeError(`${parsed.error.code}: ${parsed.error.message}`);
  const config = parsed.value;
  const clock = config.clock ?? systemClock;
  await mkdir(config.dataDir, { recursive: true });
  // The folder holds the signing key and token hashes: if it sits inside a repository, git must never pick it up.
  await writeFile(join(config.dataDir, ".gitignore"), "*\n", { flag: "wx" }).catch(() => undefined);
  const storage = await openStorage(config.storage, config.dataDir);
  try {
    await ensureAdminToken(storage, config);
    const feed = createHubFeed({ dataDir: config.dataDir, storage, clock, manifestTtlMs: config.manifestTtlMs });
    const first = await feed.publishIfMissing();
    if (!first.ok) throw new Error(`${first.error.code}: ${first.error.message}`);
    const app = createHubApp({
      storage,
      feed,
      clock,
      validator: createEpcisValidator(),
      maxBodyBytes: config.maxBodyBytes,
      maxEventsPerCapture: config.maxEventsPerCapture,
      logger: config.logger ?? true,
    });
    // The manifest expires (manifestTtlMs); re-publishing every quarter of it keeps a till that polls hourly
    // from ever seeing MANIFEST_EXPIRED while the hub runs. The timer is the server's, not a library's.
    const renew = setInterval(() => void feed.publish(), Math.floor(config.manifestTtlMs / 4));
    renew.unref();
    await app.listen({ port: config.port, host: config.host });
    const address = app.server.address();
    const port = typeof address === "object" && address !== null ? address.port : config.port;
    const host = config.host.includes(":") ? `[${config.host}]` : config.host;
    let closing: Promise<void> | undefined;
    return {
      url: `http://${host}:${port}/`,
      feedDir: feed.dir,
      close() {
        closing ??= (async () => {
          clearInterval(renew);
          await app.close();
          await storage.close();
        })();
        return closing;
      },
    };
  } catch (error) {
    await storage.close();
    throw error;
  }
}

async function ensureAdminToken(storage: HubStorage, config: HubConfig): Promise<void> {
  if (config.adminToken !== undefined) {
    await storage.addAdminToken(hashToken(config.adminToken));
    return;
  }
  if (await storage.hasAdminToken()) return;
  const file = join(config.dataDir, "admin-token");
  const existing = await readFile(file, "utf8").catch(() => undefined);
  const token = existing?.trim() || newToken("admin");
  if (existing === undefined) await writeFile(file, `${token}\n`, { mode: 0o600 });
  await storage.addAdminToken(hashToken(token));
}
