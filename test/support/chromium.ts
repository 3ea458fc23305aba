// How ScanGate's tests launch Chromium: Debian's build, never one downloaded by a test tool.

/** The Chromium binary the tests drive; `CHROMIUM_PATH` overrides Debian's default. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
}

/**
 * Flags for a root, offline, headless run. The background-networking flags matter here: without them
 * Chromium keeps dialling Google's hosts, which this loopback-only machine refuses.
 */
export const chromiumArgs: readonly string[] = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];
