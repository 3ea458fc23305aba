// @scangate/rules: evaluate() against 1,000,000 indexed notices (it sits between the scanner and the screen, so
// its p99 matters), and buildIndex() over them (time and heap). Scans are parsed once, outside the timing.
// Speed is reported, never asserted.
import { parse } from "../../packages/gs1/dist/index.js";
import { buildIndex, evaluate } from "../../packages/rules/dist/index.js";
import { benchNotices } from "./bench-notices.mjs";
import { compare } from "./compare.mjs";

const TODAY = "2026-11-29";
const NOTICES = 1_000_000;
const PER_GTIN = 5; // a GTIN with several batch recalls is the slow path

const { gtins, notices } = benchNotices(NOTICES, PER_GTIN);

globalThis.gc?.();
const heapBefore = process.memoryUsage().heapUsed;
const started = performance.now();
const index = buildIndex(notices);
const buildMs = performance.now() - started;
globalThis.gc?.();
const heapAfter = process.memoryUsage().heapUsed;
console.log("### buildIndex, 1,000,000 notices");
console.table({
  buildIndex: {
    ms: buildMs.toFixed(0),
    "heap Δ MB": ((heapAfter - heapBefore) / 1_048_576).toFixed(0),
    gc: globalThis.gc ? "forced" : "not exposed (run with --expose-gc for a steady figure)",
  },
});

const hot = gtins[1234];
const scans = {
  "recalled batch (block)": `(01)${hot}(10)L6170(17)271231`,
  "other batch, same GTIN (allow)": `(01)${hot}(10)X99(17)271231`,
  "EAN-13 of a notified GTIN (warn)": hot.slice(1),
  "GTIN with no notice (allow)": "(01)09506000134352(10)ABC(17)271231",
};
const tasks = Object.entries(scans).map(([name, text]) => {
  const parsed = parse(text, { today: TODAY });
  if (!parsed.ok) throw new Error(`${name}: ${parsed.error.code}`);
  const context = { today: TODAY, index, feedVersion: 42, feedAgeMs: 60_000 };
  return [name, () => evaluate(parsed.value, context)];
});
await compare("evaluate, 1,000,000 notices indexed (parse excluded)", tasks);
