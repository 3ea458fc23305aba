// How ScanGate's tests launch Chromium: Debian's build, never one downloaded by a test tool.
import { readFileSync } from "node:fs";

/** The Chromium binary the tests drive; `CHROMIUM_PATH` overrides Debian's default. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/**
 * Flags for a root, offline, headless run (test/support/chromium-flags.json, which the plain-JS benches read too).
 * The background-networking flags matter here: without them Chromium keeps dialling Google's hosts, which this
 * loopback-only machine refuses.
 */
export const chromiumArgs: readonly string[] = JSON.parse(
  readFileSync(new URL("./chromium-flags.json", import.meta.url), "utf8"),
);

/** Flags that give the page a fake camera playing `video` (a y4m file) and grant it without asking. */
export function fakeCameraArgs(video: string): string[] {
  return [
    "--use-fake-device-for-media-stream",
    "--use-fake-ui-for-media-stream",
    `--use-file-for-fake-video-capture=${video}`,
  ];
}
