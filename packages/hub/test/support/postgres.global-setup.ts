// vitest globalSetup (node project): a throwaway PostgreSQL cluster for the hub's PostgreSQL suites, started once
// per run in a temp dir on 127.0.0.1 with a free port, and removed at the end. Tests get its URL via inject()
// and each test file creates its own database (test/support/postgres-database.ts), so files run in parallel.
// Postgres refuses to run as root; when the run is root, initdb and postgres run as the `postgres` OS user.
import { execFileSync, spawnSync } from "node:child_process";
import { chmodSync, chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    /** postgres:// URL of the throwaway cluster's `postgres` database (superuser, trust auth on 127.0.0.1). */
    hubPostgresUrl: string;
  }
}

function postgresBin(): string {
  const root = "/usr/lib/postgresql";
  const versions = existsSync(root) ? readdirSync(root).sort((a, b) => Number(b) - Number(a)) : [];
  const found = versions.map((version) => join(root, version, "bin")).find((bin) => existsSync(join(bin, "initdb")));
  if (found === undefined)
    throw new Error("PostgreSQL is not installed: run test/support/ensure-postgres.sh (Debian's postgresql package)");
  return found;
}

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const bin = postgresBin();
  const asRoot = process.getuid?.() === 0;
  const run = (command: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", join(bin, command), ...args], { stdio: "pipe" })
      : execFileSync(join(bin, command), args, { stdio: "pipe" });
  const dir = mkdtempSync(join(tmpdir(), "scangate-hub-pg-"));
  if (asRoot) {
    const ids = execFileSync("id", ["-u", "postgres"]).toString().trim();
    const gid = execFileSync("id", ["-g", "postgres"]).toString().trim();
    chownSync(dir, Number(ids), Number(gid));
  }
  chmodSync(dir, 0o700);
  const data = join(dir, "data");
  run("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "--no-sync", "-E", "UTF8", "--locale=C"]);
  const port = await freePort();
  // fsync off: a throwaway test cluster; the hub's own durability is tested on SQLite with kill -9.
  const serverOptions = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`;
  run("pg_ctl", ["-D", data, "-o", serverOptions, "-l", join(dir, "server.log"), "-w", "-t", "60", "start"]);
  project.provide("hubPostgresUrl", `postgres://postgres@127.0.0.1:${port}/postgres`);
  return async () => {
    const stop = asRoot
      ? spawnSync("runuser", ["-u", "postgres", "--", join(bin, "pg_ctl"), "-D", data, "-m", "immediate", "-w", "stop"])
      : spawnSync(join(bin, "pg_ctl"), ["-D", data, "-m", "immediate", "-w", "stop"]);
    if (stop.status !== 0) process.stderr.write(`pg_ctl stop failed: ${stop.stderr}\n`);
    rmSync(dir, { recursive: true, force: true });
  };
}
