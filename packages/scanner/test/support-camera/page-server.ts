// The camera test page, built and served on 127.0.0.1: Vite bundles page/main.ts (the camera module from source,
// its zxing-wasm Worker as a file of its own) into a temporary folder; node:http serves it with the wasm binaries
// from node_modules, so the browser never needs the network (zxing-wasm would fetch them from jsDelivr).
import { readFile } from "node:fs/promises";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { extname, join, normalize } from "node:path";
import { fileURLToPath } from "node:url";
import { build, defaultClientConditions } from "vite";

const pageDir = fileURLToPath(new URL("./page/", import.meta.url));
const require = createRequire(import.meta.url);

/** The zxing-wasm reader binary the camera's default decoder loads (zxing-wasm 3.1.6). */
export const ZXING_WASM_PATH = require.resolve("zxing-wasm/reader/zxing_reader.wasm");
/** The binary of the zxing-wasm version the `barcode-detector` polyfill pins (3.1.3). */
export const POLYFILL_WASM_PATH = createRequire(require.resolve("barcode-detector")).resolve(
  "zxing-wasm/reader/zxing_reader.wasm",
);

/** Bundles the test page into `outDir`. */
export async function buildCameraPage(outDir: string): Promise<void> {
  await build({
    configFile: false,
    root: pageDir,
    logLevel: "warn",
    resolve: { conditions: ["@scangate/source", ...defaultClientConditions] },
    build: { outDir, emptyOutDir: true, target: "es2022", minify: false, chunkSizeWarningLimit: 2000 },
    worker: { format: "es" },
  });
}

const TYPES: Readonly<Record<string, string>> = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  // instantiateStreaming needs the exact type.
  ".wasm": "application/wasm",
};

/** A running page server. */
export interface PageServer {
  readonly url: string;
  close(): Promise<void>;
}

/** Serves `root` and the two wasm binaries (/zxing_reader.wasm, /polyfill_zxing_reader.wasm) on 127.0.0.1. */
export async function servePage(root: string): Promise<PageServer> {
  const extra: Readonly<Record<string, string>> = {
    "/zxing_reader.wasm": ZXING_WASM_PATH,
    "/polyfill_zxing_reader.wasm": POLYFILL_WASM_PATH,
  };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? "/", "http://127.0.0.1").pathname;
    const file = extra[path] ?? join(root, normalize(path === "/" ? "/index.html" : path));
    if (!file.startsWith(root) && extra[path] === undefined) {
      response.writeHead(403).end();
      return;
    }
    readFile(file).then(
      (body) =>
        response.writeHead(200, { "content-type": TYPES[extname(file)] ?? "application/octet-stream" }).end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (address === null || typeof address === "string") throw new Error("page server: no port");
  return {
    url: `http://127.0.0.1:${address.port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
