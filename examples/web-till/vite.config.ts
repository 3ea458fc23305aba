// Builds the till: Preact over the ScanGate packages from their TypeScript sources ("@scangate/source"), the
// camera's zxing-wasm binary copied next to the bundle (the decoder never fetches from a CDN), and the hand-written
// service worker given the list of built files to precache.
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { defaultClientConditions, defineConfig, type Plugin } from "vite";

const here = fileURLToPath(new URL(".", import.meta.url));
const scannerRequire = createRequire(createRequire(import.meta.url).resolve("@scangate/scanner/package.json"));

/** zxing_reader.wasm of the zxing-wasm the scanner package depends on. */
function zxingWasm(): Plugin {
  return {
    name: "web-till:zxing-wasm",
    generateBundle() {
      const path = scannerRequire.resolve("zxing-wasm/reader/zxing_reader.wasm");
      this.emitFile({ type: "asset", fileName: "zxing_reader.wasm", source: readFileSync(path) });
    },
  };
}

/** sw.js from src/service-worker.js with the names of every built file to precache. */
function serviceWorker(): Plugin {
  return {
    name: "web-till:service-worker",
    apply: "build",
    generateBundle(_options, bundle) {
      const files = [
        "/",
        ...Object.keys(bundle).map((name) => `/${name}`),
        "/manifest.webmanifest",
        "/icon.svg",
        "/icon-192.png",
        "/icon-512.png",
      ];
      const template = readFileSync(`${here}src/service-worker.js`, "utf8");
      const version = String(files.join("|").length) + Object.keys(bundle).sort().join("").length;
      const source = template
        .replace("self.__PRECACHE__", JSON.stringify(files))
        .replace("self.__VERSION__", JSON.stringify(`till-${version}-${Date.now().toString(36)}`));
      this.emitFile({ type: "asset", fileName: "sw.js", source });
    },
  };
}

export default defineConfig({
  root: here,
  resolve: { conditions: ["@scangate/source", ...defaultClientConditions] },
  oxc: { jsx: { runtime: "automatic", importSource: "preact" } },
  worker: { format: "es" },
  build: { target: "es2022", outDir: "dist", emptyOutDir: true, chunkSizeWarningLimit: 2000 },
  plugins: [zxingWasm(), serviceWorker()],
});
