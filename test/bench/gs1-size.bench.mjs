// What @scangate/gs1 adds to a till's web bundle, against the budget "≤ 15 kB min+gzip" and the peers: each is
// bundled by esbuild (minified ESM, as an app bundler would ship it) and gzipped at level 9.
import { fileURLToPath } from "node:url";
import { gzipSync } from "node:zlib";
import { build } from "esbuild";

const root = fileURLToPath(new URL("../..", import.meta.url));
const BUDGET_KB = 15;

/**
 * Bundles one entry (a file, or module text given as stdin) and measures it.
 * @param {{ file?: string, contents?: string, platform: "neutral" | "browser" | "node" }} entry
 * @returns {Promise<{ minKb: number, gzipKb: number }>}
 */
async function measure({ file, contents, platform }) {
  const result = await build({
    ...(file ? { entryPoints: [file] } : { stdin: { contents, resolveDir: root, loader: "js" } }),
    absWorkingDir: root,
    bundle: true,
    minify: true,
    format: "esm",
    platform,
    // The peers are CommonJS packages found through "main", which platform "neutral" does not read by default.
    mainFields: ["module", "main"],
    write: false,
    logLevel: "silent",
  });
  const code = result.outputFiles[0].contents;
  return { minKb: code.length / 1000, gzipKb: gzipSync(code, { level: 9 }).length / 1000 };
}

// "The package with its full table" is the main entry "@scangate/gs1" with everything it exports: parse() for
// every input shape (with the Digital Link reader, the default scale-label decoder, all 34 linters and the whole
// AI table with titles), the formatters, the GTIN helpers and lookupAi. That row is held to the budget. The
// optional "@scangate/gs1/rcn" subpath and the Node-only CLI are reported beside it.
const MAIN = "@scangate/gs1 (main entry, full AI table)";
const PARSE_ONLY = "@scangate/gs1 parse only";
const ROWS = [
  [MAIN, { file: "packages/gs1/dist/index.js", platform: "neutral" }],
  [PARSE_ONLY, { contents: 'export { parse } from "./packages/gs1/dist/index.js";', platform: "neutral" }],
  [
    "@scangate/gs1 + @scangate/gs1/rcn",
    {
      contents: 'export * from "./packages/gs1/dist/index.js"; export * from "./packages/gs1/dist/rcn.js";',
      platform: "neutral",
    },
  ],
  ["@scangate/gs1/rcn alone", { file: "packages/gs1/dist/rcn.js", platform: "neutral" }],
  ["scangate-gs1 CLI (Node)", { file: "packages/gs1/dist/cli-main.js", platform: "node" }],
  ["bark-js", { contents: 'export { default } from "bark-js";', platform: "browser" }],
  ["gs1-barcode-parser-mod", { contents: 'export { default } from "gs1-barcode-parser-mod";', platform: "browser" }],
  [
    "@point-of-sale/barcode-parser",
    { contents: 'export * from "@point-of-sale/barcode-parser";', platform: "browser" },
  ],
  ["digital-link.js", { contents: 'export { default } from "digital-link.js";', platform: "browser" }],
];

const table = {};
const sizes = new Map();
for (const [name, entry] of ROWS) {
  try {
    const size = await measure(entry);
    sizes.set(name, size);
    table[name] = { "min kB": size.minKb.toFixed(1), "min+gzip kB": size.gzipKb.toFixed(1) };
  } catch (error) {
    table[name] = { "min kB": "bundle failed", "min+gzip kB": String(error.message).split("\n")[0] };
  }
}
console.log("### Bundle size (esbuild --bundle --minify --format=esm, gzip -9)");
console.table(table);
for (const name of [MAIN, PARSE_ONLY]) {
  const size = sizes.get(name);
  const verdict = size && size.gzipKb <= BUDGET_KB ? "PASS" : "MISS";
  console.log(`  ${name}: ${size ? size.gzipKb.toFixed(1) : "?"} kB min+gzip, budget ≤ ${BUDGET_KB} kB: ${verdict}`);
}
