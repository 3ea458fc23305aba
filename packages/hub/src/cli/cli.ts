// scangate-hub: runs the hub, seeds a demo, rotates the feed key, and manages notices on a running hub.
import { readFile } from "node:fs/promises";
import { join } from "node:path";
import type { Clock } from "../clock.js";
import type { HubError } from "../errors.js";
import type { StartHubOptions } from "../hub-options.js";
import { startHub } from "../start-hub.js";
import { runAdminCommand } from "./admin-command.js";
import { type ServerArguments, serverArguments, splitArguments } from "./cli-arguments.js";
import { rotateKey } from "./rotate-key-command.js";
import { seedDemo } from "./seed-demo.js";

/** Where the CLI writes, its environment, and how it learns to stop; injected so tests can drive it. */
export interface HubCliIo {
  out(text: string): void;
  err(text: string): void;
  readonly env: Readonly<Record<string, string | undefined>>;
  /** Resolves when the process is asked to stop (SIGINT / SIGTERM). */
  untilStopped(): Promise<void>;
  readonly clock: Clock;
}

const USAGE = `Usage: scangate-hub <command> [options]

Commands:
  start [--data <dir>] [--port <n>] [--host <h>] [--postgres <url>] [--admin-token <t>]
      runs the hub until SIGINT/SIGTERM (defaults: ./hub-data, 8787, 127.0.0.1, SQLite in the data dir)
  seed-demo [--data <dir>] [--postgres <url>]
      a demo producer, two stores, a catalogue of wet-market and supermarket goods, expired batches, a
      failed-inspection batch and a recall; prints the tokens
  rotate-key [--data <dir>] [--activate] [--postgres <url>]
      step 1 prepares the next signing key (give keys/trusted-keys.json to the tills), step 2 (--activate)
      signs with it and re-publishes the feed
  notice list|add <notices.json>|close <id> [--status closed|cancelled] [--hub <url>] [--token <admin token>]
      manages the notices of a running hub (token: --token, HUB_ADMIN_TOKEN or <data>/admin-token)
  policy show|set <policy.json> [--hub <url>] [--token <admin token>]
      reads or replaces the store policy of a running hub (published beside the feed as policy.json)

Environment: HUB_DATA_DIR, HUB_PORT, HUB_HOST, HUB_POSTGRES_URL, HUB_ADMIN_TOKEN, HUB_URL.
Exit codes: 0 done, 1 refused or failed, 2 usage.`;

/** Runs the CLI; resolves to the exit code (0 done, 1 failed, 2 usage). */
export async function runHubCli(args: readonly string[], io: HubCliIo): Promise<number> {
  const [command, ...rest] = args;
  if (command === undefined || command === "--help" || command === "-h") {
    (command === undefined ? io.err : io.out)(USAGE);
    return command === undefined ? 2 : 0;
  }
  const parsed = splitArguments(rest);
  if (!parsed.ok) return usage(io, parsed.error);
  if (command === "notice" || command === "policy") return runAdminCommand(command, parsed.value, io);
  const options = serverArguments(parsed.value.flags, io.env);
  if (!options.ok) return usage(io, options.error);
  if (command === "start") return start(options.value, io);
  if (command === "seed-demo") return seedDemo(hubOptions(options.value, io), io);
  if (command === "rotate-key") return rotateKey(options.value, parsed.value.flags.activate === true, io);
  return usage(io, { code: "INVALID_CONFIG", message: `unknown command ${command}` });
}

/** startHub options from CLI options. */
export function hubOptions(options: ServerArguments, io: HubCliIo): StartHubOptions {
  return {
    dataDir: options.dataDir,
    port: options.port,
    host: options.host,
    clock: io.clock,
    ...(options.postgres === undefined ? {} : { storage: { kind: "postgres", url: options.postgres } }),
    ...(options.adminToken === undefined ? {} : { adminToken: options.adminToken }),
  };
}

async function start(options: ServerArguments, io: HubCliIo): Promise<number> {
  const hub = await startHub({ ...hubOptions(options, io), logger: true });
  io.out(`scangate-hub listening on ${hub.url} (data: ${options.dataDir})`);
  const tokenFile = join(options.dataDir, "admin-token");
  if (options.adminToken === undefined && (await readFile(tokenFile, "utf8").catch(() => undefined)) !== undefined)
    io.out(`admin token: ${tokenFile}`);
  await io.untilStopped();
  await hub.close();
  io.out("scangate-hub stopped");
  return 0;
}

function usage(io: HubCliIo, error: HubError): number {
  io.err(`✗ ${error.code}: ${error.message}\n\n${USAGE}`);
  return 2;
}
