// `pnpm bench`: runs every benchmark file in this folder (`*.bench.mjs`) one after another, each in a Node process of
// its own (so a 1,000,000-notice heap does not weigh on the next one), against the built packages (`pnpm bench`
// builds first). Prints each bench as it runs and, when every bench ran, writes docs/benchmarks.md: the machine,
// the versions, and each bench's tables (ScanGate beside its peers, measured in the same run, with ratios).
// `pnpm bench <fragment>…` runs only the matching files and leaves docs/benchmarks.md alone.
// Benchmarks never run inside `pnpm test`: speed is measured and reported, never asserted.
import { execFileSync, spawn } from "node:child_process";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { cpus, totalmem } from "node:os";
import { fileURLToPath } from "node:url";

const folder = fileURLToPath(new URL(".", import.meta.url));
const reportPath = fileURLToPath(new URL("../../docs/benchmarks.md", import.meta.url));
const only = process.argv.slice(2);
const files = readdirSync(folder)
  .filter((file) => file.endsWith(".bench.mjs"))
  .filter((file) => only.length === 0 || only.some((name) => file.includes(name)))
  .sort();

/** Runs one bench file, echoing its output; resolves with the output and the exit code. */
function runBench(file) {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ["--expose-gc", `${folder}/${file}`], { stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    const keep = (chunk) => {
      output += chunk;
      process.stdout.write(chunk);
    };
    child.stdout.on("data", keep);
    child.stderr.on("data", keep);
    child.on("close", (code) => resolve({ output, code: code ?? 1 }));
  });
}

/** The first line a command prints, or "unknown". */
function versionOf(command, args) {
  try {
    return execFileSync(command, args, { encoding: "utf8", stdio: ["ignore", "pipe", "ignore"] })
      .trim()
      .split("\n")[0];
  } catch {
    return "unknown";
  }
}

function machineDescription() {
  const cpu = cpus();
  const chromium = versionOf(process.env.CHROMIUM_PATH ?? "/usr/bin/chromium", ["--version"]);
  const packageVersion = (name) => {
    try {
      return JSON.parse(
        readFileSync(fileURLToPath(new URL(`../../node_modules/${name}/package.json`, import.meta.url)), "utf8"),
      ).version;
    } catch {
      return "not installed";
    }
  };
  return [
    `- CPU: ${cpu[0]?.model ?? "unknown"}, ${cpu.length} cores; memory ${(totalmem() / 2 ** 30).toFixed(0)} GiB`,
    `- Node ${process.versions.node} (V8 ${process.versions.v8}); ${chromium}`,
    `- peers: bark-js ${packageVersion("bark-js")}, gs1-barcode-parser-mod ${packageVersion("gs1-barcode-parser-mod")}, ` +
      `@point-of-sale/barcode-parser ${packageVersion("@point-of-sale/barcode-parser")}, digital-link.js ${packageVersion("digital-link.js")}`,
  ].join("\n");
}

if (files.length === 0) console.log("No benchmarks matched.");
const sections = [];
let failed = 0;
for (const file of files) {
  console.log(`\n## ${file}\n`);
  const { output, code } = await runBench(file);
  if (code !== 0) failed++;
  sections.push(`## ${file}${code === 0 ? "" : ` (exited ${code})`}\n\n\`\`\`text\n${output.trimEnd()}\n\`\`\`\n`);
}

if (only.length === 0 && files.length > 0) {
  const report = [
    "# Benchmarks",
    "",
    "Written by `pnpm bench` (test/bench/run.mjs) — do not edit by hand; run it again. Each table puts ScanGate beside",
    "the peer libraries measured in the same run; a ratio `N×` is the peer's time over ScanGate's (above 1: ScanGate",
    "is faster). Goals come from the issues; they are reported, never asserted in tests.",
    "",
    `Run on ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC:`,
    "",
    machineDescription(),
    "",
    "Reproduce: `npx --yes pnpm@10.34.9 install --frozen-lockfile && npx --yes pnpm@10.34.9 bench` (a few minutes on two",
    "cores; the Chromium benches need Debian's /usr/bin/chromium).",
    "",
    ...sections,
  ].join("\n");
  writeFileSync(reportPath, report);
  console.log(`\nWrote ${reportPath}`);
}
process.exitCode = failed === 0 ? 0 : 1;
