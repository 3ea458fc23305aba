// The main job until the web till lands (issue #10): load every built @scangate package the way a user's
// plain Node program would, once as ESM (import) and once as CJS (require), and print what each exports.
// Run `pnpm run build` first (`pnpm start` does).
import { readFileSync } from "node:fs";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const manifest = JSON.parse(readFileSync(new URL("package.json", import.meta.url), "utf8"));
const packageNames = Object.keys(manifest.dependencies).sort();

const rows = [];
for (const name of packageNames) {
  const esm = await import(name);
  const cjs = require(name);
  const { version, description } = require(`${name}/package.json`);
  rows.push({
    package: `${name}@${version}`,
    esmExports: Object.keys(esm).filter((key) => key !== "default").length,
    cjsExports: Object.keys(cjs).length,
    description,
  });
}

if (process.argv.includes("--json")) {
  console.log(JSON.stringify(rows));
} else {
  console.log("ScanGate workspace: every package built and loadable from plain Node (ESM and CJS).\n");
  console.table(rows);
}
