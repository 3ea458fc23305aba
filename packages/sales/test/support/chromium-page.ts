// Serves a bundled test page from a real HTTP origin on 127.0.0.1 and drives Debian's Chromium with
// playwright-core (test/support/chromium.ts has the path and flags; no browser is ever downloaded).
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { chromiumArgs, chromiumPath } from "../../../../test/support/chromium.js";

/** Bundles `entry` (a .ts file next to this one) for the browser, from source (the @scangate/source condition). */
export async function bundlePage(entry: string): Promise<string> {
  const result = await build({
    entryPoints: [fileURLToPath(new URL(entry, import.meta.url))],
    bundle: true,
    format: "esm",
    target: "es2022",
    platform: "browser",
    conditions: ["@scangate/source"],
    write: false,
    logLevel: "warning",
  });
  return result.outputFiles[0]?.text ?? "";
}

/** The HTML shell that loads the bundle at /page.js. */
export const PAGE_HTML =
  '<!doctype html><meta charset="utf-8"><title>till</title><script type="module" src="/page.js"></script>\n';

/** Launches headless Chromium. */
export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: chromiumPath(), args: [...chromiumArgs] });
}
