// `pnpm bench`: runs every benchmark file in this folder (`*.bench.mjs`) one after another, against the
// built packages (run `pnpm run build` first; `pnpm bench` does). Benchmarks never run inside `pnpm test`:
// speed is measured and reported, never asserted.
import { readdirSync } from "node:fs";
import { fileURLToPath, pathToFileURL } from "node:url";

const folder = fileURLToPath(new URL(".", import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((file) => file.endsWith(".bench.mjs"))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

if (files.length === 0) console.log("No benchmarks matched.");
for (const file of files) {
  console.log(`\n## ${file}\n`);
  await import(pathToFileURL(`${folder}/${file}`).href);
}
