// Test pages in real Chromium: esbuild bundles a page script from the packages' TypeScript sources (the
// "@scangate/source" condition), and node:http serves it on 127.0.0.1 beside an index.html that loads it.
import { mkdtemp, readFile, rm, writeFile } from "node:fs/promises";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { build } from "esbuild";

/** A bundled page, served until `close()`. */
export interface TestPage {
  /** The page's URL (its origin is its own: IndexedDB opened there outlives a reload). */
  readonly url: string;
  /** Stops the server and deletes the bundle. */
  close(): Promise<void>;
}

/** Bundles `entry` (a page script, .ts) and serves it at `/` on an OS-chosen port. */
export async function serveTestPage(entry: string): Promise<TestPage> {
  const folder = await mkdtemp(join(tmpdir(), "scangate-test-page-"));
  await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    target: "es2022",
    platform: "browser",
    conditions: ["@scangate/source"],
    outfile: join(folder, "page.js"),
    logLevel: "warning",
  });
  await writeFile(
    join(folder, "index.html"),
    '<!doctype html><meta charset="utf-8"><title>test page</title><script type="module" src="/page.js"></script>\n',
  );
  const files: Readonly<Record<string, [string, string]>> = {
    "/": ["index.html", "text/html; charset=utf-8"],
    "/page.js": ["page.js", "text/javascript; charset=utf-8"],
  };
  const server = createServer((request, response) => {
    const file = files[new URL(request.url ?? "/", "http://127.0.0.1").pathname];
    if (file === undefined) return void response.writeHead(404).end();
    readFile(join(folder, file[0])).then(
      (body) => response.writeHead(200, { "content-type": file[1] }).end(body),
      () => response.writeHead(500).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("test page server: no port");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await rm(folder, { recursive: true, force: true });
    },
  };
}
