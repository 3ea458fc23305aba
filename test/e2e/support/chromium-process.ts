// Debian's Chromium as a child process of its own (its own process group) on a profile folder, with a DevTools
// port for playwright-core to connect to: a SIGKILL of the group is a real crash, and the folder keeps IndexedDB.
import { type ChildProcess, spawn } from "node:child_process";
import { readdirSync, readFileSync } from "node:fs";
import { mkdir } from "node:fs/promises";
import { chromiumArgs, chromiumPath } from "../../support/chromium.js";

/** Chromium processes still running, killed if the test process exits without closing them. */
const running = new Set<ChildProcess>();
process.once("exit", () => {
  for (const child of running) if (child.pid !== undefined) killGroup(child.pid);
});

/** SIGKILLs Chromium's whole process group (renderers and the storage service too). */
export function killGroup(pid: number): void {
  try {
    process.kill(-pid, "SIGKILL");
  } catch {
    // already gone
  }
}

/** How many live (not zombie) processes process group `groupId` still has, from /proc. */
function liveProcessesInGroup(groupId: number): number {
  let live = 0;
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      // After "pid (comm) ": state, ppid, pgrp, …; comm may hold spaces and parentheses, hence the last ")".
      const [state, , group] = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(group) === groupId && state !== "Z") live++;
    } catch {
      // exited between the listing and the read
    }
  }
  return live;
}

/**
 * Resolves once Chromium's whole group is gone, or after 10 s. The browser process exits before its helpers (the
 * storage service among them), and a Chromium started at once on the same profile could meet their locks on
 * IndexedDB's files.
 */
async function groupGone(groupId: number): Promise<void> {
  for (const deadline = Date.now() + 10_000; liveProcessesInGroup(groupId) > 0 && Date.now() < deadline; )
    await new Promise((resolve) => setTimeout(resolve, 50));
}

/** Spawns Chromium on `profileDir` with a DevTools port, and returns it with its DevTools WebSocket URL. */
export async function launchChromium(
  profileDir: string,
): Promise<{ child: ChildProcess; exited: Promise<void>; ws: string }> {
  await mkdir(profileDir, { recursive: true });
  const child = spawn(
    chromiumPath(),
    [
      ...chromiumArgs,
      `--user-data-dir=${profileDir}`,
      "--remote-debugging-port=0",
      "--no-default-browser-check",
      "--password-store=basic",
      "--disable-background-timer-throttling",
      "--disable-renderer-backgrounding",
      "--disable-backgrounding-occluded-windows",
      "--window-size=1100,900",
      "about:blank",
    ],
    // Its own process group: kill() takes the renderers and the storage service down with the browser.
    { detached: true, stdio: ["ignore", "ignore", "pipe"] },
  );
  running.add(child);
  /** The browser process and every helper it started have exited. */
  const exited = new Promise<void>((resolve) =>
    child.once("exit", () => {
      running.delete(child);
      resolve(child.pid === undefined ? undefined : groupGone(child.pid));
    }),
  );
  const ws = await new Promise<string>((resolve, reject) => {
    let output = "";
    const timer = setTimeout(() => reject(new Error(`chromium gave no DevTools URL in 30 s:\n${output}`)), 30_000);
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const match = /DevTools listening on (ws:\/\/\S+)/.exec(output);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once("exit", () => {
      clearTimeout(timer);
      reject(new Error(`chromium exited before listening:\n${output}`));
    });
  });
  child.stderr?.resume();
  return { child, exited, ws };
}
