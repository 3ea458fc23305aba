// The hub as a separate OS process (the built CLI, as `scangate-hub start` runs it), so a test can SIGKILL it.
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";

const bin = fileURLToPath(new URL("../../bin/scangate-hub.mjs", import.meta.url));
const builtCli = fileURLToPath(new URL("../../dist/cli-main.js", import.meta.url));

/** A running hub process. */
export interface HubProcess {
  readonly url: string;
  readonly child: ChildProcess;
  /** Resolves with the exit code or signal once the process is gone. */
  readonly exited: Promise<number | NodeJS.Signals | null>;
}

/** Spawns `scangate-hub start` on a free port and waits for its "listening on" line. */
export async function spawnHub(dataDir: string, adminToken: string): Promise<HubProcess> {
  if (!existsSync(builtCli))
    throw new Error("packages/hub/dist/cli-main.js is missing: build first (pnpm --filter @scangate/hub build)");
  const child = spawn(process.execPath, [bin, "start", "--data", dataDir, "--port", "0", "--admin-token", adminToken], {
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | NodeJS.Signals | null>((resolve) =>
    child.once("exit", (code, signal) => resolve(signal ?? code)),
  );
  const url = await new Promise<string>((resolve, reject) => {
    let output = "";
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /listening on (http:\/\/\S+\/)/.exec(output);
      if (match?.[1] !== undefined) {
        child.stdout?.off("data", onData);
        resolve(match[1]);
      }
    };
    child.stdout?.on("data", onData);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", () => reject(new Error(`the hub exited before listening:\n${output}`)));
  });
  // Keep draining the pipes so the child never blocks on a full stdout.
  child.stdout?.resume();
  child.stderr?.resume();
  return { url, child, exited };
}
