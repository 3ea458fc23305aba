// Fuzz run for @scangate/gs1: a million mutated scans through parse(), and every accepted one through the
// three writers and back. Checks the package's promises on outside input: parse never throws, an accepted scan
// never carries a GTIN with a wrong check digit, and what the writers produce reads back as the same elements.
// Deterministic: the seed is printed, and GS1_FUZZ_SEED / GS1_FUZZ_COUNT reproduce or shorten a run.
import { isMainThread, Worker } from "node:worker_threads";
import { isValidGtin, parse, toDigitalLink, toElementString, toHri } from "../../packages/gs1/dist/index.js";
import { GS, TODAY, validScans } from "./gs1-corpus.mjs";

const SEED = Number(process.env.GS1_FUZZ_SEED ?? 20261129);
const COUNT = Number(process.env.GS1_FUZZ_COUNT ?? 1_000_000);
const options = { today: TODAY };
const SHOWN = 5;

/**
 * mulberry32: a small seeded PRNG, good enough to pick mutations.
 * @param {number} seed
 * @returns {() => number} uniform in [0, 1)
 */
function mulberry32(seed) {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const SEEDS = validScans();
const random = mulberry32(SEED);
const below = (n) => Math.floor(random() * n);
const pick = (items) => items[below(items.length)];

// Characters a scanner, a keyboard wedge or a typing cashier really produce, and some that break naive code:
// lone surrogates, a BOM, NUL, full-width and Arabic-Indic digits (not \d in a non-unicode RegExp), emoji.
const ODD_CHARACTERS = ["\ud800", "\udfff", "\ufeff", "\0", "\u007f", "\u2028", "０", "１", "٣", "é", "😀", "\u0301"];
const CHARACTERS = [..."0123456789012345678901234567890123456789ABCXYZabcxyz", GS, GS, ..."()\\/?=&%#:.-_ ]|^\r\n\t"];
const AIM_IDS = [
  "]d2",
  "]C1",
  "]e0",
  "]Q3",
  "]J1",
  "]d1",
  "]Q1",
  "]J0",
  "]E0",
  "]E4",
  "]I1",
  "]e1",
  "]C0",
  "]X9",
  "]d",
  "]",
];
const PERCENT_TOKENS = ["%", "%2", "%2F", "%ZZ", "%00", "%1D", "%C3%A9", "%FF", "%28", "%25"];

/** Each mutation takes a scan and returns a changed copy. */
const MUTATIONS = [
  function flipCharacter(text) {
    const at = below(text.length + 1);
    return text.slice(0, at) + pick(CHARACTERS) + text.slice(at + 1);
  },
  function changeDigit(text) {
    const at = below(text.length);
    return /\d/.test(text[at] ?? "") ? text.slice(0, at) + String(below(10)) + text.slice(at + 1) : text;
  },
  function insertCharacter(text) {
    const at = below(text.length + 1);
    return text.slice(0, at) + pick(CHARACTERS) + text.slice(at);
  },
  function deleteCharacters(text) {
    const at = below(text.length);
    return text.slice(0, at) + text.slice(at + 1 + below(3));
  },
  function insertGs(text) {
    const at = below(text.length + 1);
    return text.slice(0, at) + GS + text.slice(at);
  },
  function dropGs(text) {
    return text.replace(GS, random() < 0.5 ? "" : pick(["|", "{GS}", " "]));
  },
  function duplicateSegment(text) {
    const start = below(text.length);
    const segment = text.slice(start, start + 1 + below(20));
    const at = below(text.length + 1);
    return text.slice(0, at) + segment + text.slice(at);
  },
  function truncate(text) {
    return text.slice(0, below(text.length + 1));
  },
  function swapAimId(text) {
    const body = /^\][A-Za-z][0-9A-Za-z]/.test(text) ? text.slice(3) : text;
    return random() < 0.2 ? body : pick(AIM_IDS) + body;
  },
  function insertOddCharacter(text) {
    const at = below(text.length + 1);
    return text.slice(0, at) + pick(ODD_CHARACTERS) + text.slice(at);
  },
  function insertPercentOrUriToken(text) {
    const at = below(text.length + 1);
    return (
      text.slice(0, at) +
      pick([...PERCENT_TOKENS, "/", "//", "?", "&", "=", "#", "/01/", "?17=", "&&"]) +
      text.slice(at)
    );
  },
  function changeCase(text) {
    return random() < 0.5 ? text.toUpperCase() : text.toLowerCase();
  },
  function crossOver(text) {
    const other = pick(SEEDS).input;
    return text.slice(0, below(text.length + 1)) + other.slice(below(other.length + 1));
  },
];

/** Very long inputs (a wedge stuck in a loop, a pasted file): rare, since each costs as much as thousands of scans. */
function makeLong(text) {
  const body = text.length === 0 ? "01" : text;
  return random() < 0.5 ? body.repeat(1 + below(3000)) : body + pick(["9", "A", GS, "(10)"]).repeat(below(50_000));
}

/** @returns {string} a seed scan with 1–4 mutations (5% left as they are, so the accepting paths run too) */
function nextInput() {
  let text = pick(SEEDS).input;
  if (random() < 0.05) return text;
  if (random() < 0.001) return makeLong(text);
  const mutations = 1 + below(4);
  for (let i = 0; i < mutations; i++) text = pick(MUTATIONS)(text);
  return text;
}

const counts = {
  inputs: 0,
  ok: 0,
  throws: 0,
  offsetsOutside: 0,
  formatterThrows: 0,
  gtinViolations: 0,
  roundTripMismatches: 0,
};
const errorCodes = new Map();
const firstThrows = [];
const firstOffsetsOutside = [];
const firstFormatterThrows = [];
const firstGtinViolations = [];
const firstRoundTripMismatches = [];
/** The slowest parses as first timed; a GC pause can land on any scan, so they are timed again at the end. */
const slowestCandidates = [];

/** Invariant: an accepted scan never carries a GTIN (AI 01/02/03) whose check digit is wrong. */
function checkGtins(input, data) {
  const gtins = data.elements.filter(({ ai }) => ai === "01" || ai === "02" || ai === "03").map(({ raw }) => raw);
  if (data.gtin !== undefined) gtins.push(data.gtin);
  const wrong = gtins.find((gtin) => !isValidGtin(gtin));
  if (wrong === undefined) return;
  counts.gtinViolations++;
  if (firstGtinViolations.length < SHOWN) firstGtinViolations.push({ input, gtin: wrong });
}

/** The writers never throw on parse()'s output, and what they write reads back as the same elements. */
function checkWriters(input, data) {
  const expected = elementList(data.elements);
  let written;
  try {
    const digitalLink = toDigitalLink(data, { domain: "https://id.gs1.org" });
    written = [
      ["toHri", toHri(data), expected],
      ["toElementString", `]d2${toElementString(data)}`, expected],
    ];
    // A Digital Link puts the key qualifiers in the path, so its element order differs; it writes a repeat once.
    if (digitalLink.ok) written.push(["toDigitalLink", digitalLink.value, sortedUnique(expected)]);
  } catch (error) {
    counts.formatterThrows++;
    if (firstFormatterThrows.length < SHOWN) firstFormatterThrows.push({ input, error: describe(error) });
    return;
  }
  for (const [writer, text, wanted] of written) {
    const reread = parse(text, options);
    const got = reread.ok ? elementList(reread.value.elements) : [`${reread.error.code}: ${reread.error.message}`];
    const comparable = writer === "toDigitalLink" && reread.ok ? sortedUnique(got) : got;
    if (comparable.join("|") === wanted.join("|")) continue;
    counts.roundTripMismatches++;
    if (firstRoundTripMismatches.length < SHOWN) {
      firstRoundTripMismatches.push({
        input,
        writer,
        written: text,
        expected: wanted.join(" "),
        got: comparable.join(" "),
      });
    }
  }
}

/** The slowest candidate, each timed again as the best of 5 parses. */
function retimeSlowest() {
  const retimed = slowestCandidates.map(({ input }) => {
    let micros = Number.POSITIVE_INFINITY;
    for (let run = 0; run < 5; run++) {
      const before = performance.now();
      parse(input, options);
      micros = Math.min(micros, (performance.now() - before) * 1000);
    }
    return { micros, input };
  });
  return retimed.sort((a, b) => b.micros - a.micros)[0] ?? { micros: 0, input: "" };
}

function elementList(elements) {
  return elements.map(({ ai, raw }) => `(${ai})${raw}`);
}

function sortedUnique(list) {
  return [...new Set(list)].sort();
}

function describe(error) {
  return error instanceof Error ? `${error.name}: ${error.message}` : String(error);
}

function show(title, items) {
  if (items.length === 0) return;
  console.log(`${title} (first ${items.length}):`);
  for (const item of items) console.log(`  ${JSON.stringify(item)}`);
}

// A million malformed scans leave parse()'s type feedback megamorphic; run.mjs imports the other benchmarks into
// this same process afterwards, so the fuzz runs in a worker (its own V8 isolate) to leave their timings alone.
if (isMainThread) {
  await new Promise((resolve, reject) => {
    const worker = new Worker(new URL(import.meta.url));
    worker.on("error", reject);
    worker.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`the fuzz worker exited with ${code}`))));
  });
} else {
  runFuzz();
}

function runFuzz() {
  const seedFailures = SEEDS.filter(({ input }) => !parse(input, options).ok);
  console.log(
    `Corpus: ${SEEDS.length} valid scans in ${new Set(SEEDS.map((seed) => seed.shape)).size} shapes; ` +
      `${seedFailures.length} rejected${seedFailures.map((seed) => `\n  ${JSON.stringify(seed.input)}`).join("")}`,
  );
  console.log(`Seed ${SEED}, ${COUNT.toLocaleString("en")} mutated scans (GS1_FUZZ_SEED / GS1_FUZZ_COUNT to change)`);

  const started = performance.now();
  for (let i = 0; i < COUNT; i++) {
    const input = nextInput();
    counts.inputs++;
    const before = performance.now();
    let result;
    try {
      result = parse(input, options);
    } catch (error) {
      counts.throws++;
      if (firstThrows.length < SHOWN) firstThrows.push({ input, error: describe(error) });
      continue;
    }
    const micros = (performance.now() - before) * 1000;
    if (slowestCandidates.length < SHOWN || micros > slowestCandidates[SHOWN - 1].micros) {
      slowestCandidates.splice(SHOWN - 1, 1, { micros, input });
      slowestCandidates.sort((a, b) => b.micros - a.micros);
    }
    if (!result.ok) {
      const { code, offset } = result.error;
      errorCodes.set(code, (errorCodes.get(code) ?? 0) + 1);
      if (offset !== undefined && !(offset >= 0 && offset <= input.length)) {
        counts.offsetsOutside++;
        if (firstOffsetsOutside.length < SHOWN) firstOffsetsOutside.push({ input, error: result.error });
      }
      continue;
    }
    counts.ok++;
    checkGtins(input, result.value);
    checkWriters(input, result.value);
  }
  const seconds = (performance.now() - started) / 1000;
  const slowest = retimeSlowest();
  const histogram = [...errorCodes].sort((a, b) => b[1] - a[1]);
  console.log(`### Fuzz: @scangate/gs1 parse (seed ${SEED})`);
  console.table({
    "scans parsed": counts.inputs.toLocaleString("en"),
    "parse threw (must be 0)": counts.throws,
    "accepted (ok)": counts.ok.toLocaleString("en"),
    "rejected (typed error)": (counts.inputs - counts.ok - counts.throws).toLocaleString("en"),
    "error offset outside the input (must be 0)": counts.offsetsOutside,
    "accepted with a bad GTIN check digit (must be 0)": counts.gtinViolations,
    "a writer threw on an accepted scan (must be 0)": counts.formatterThrows,
    "writer output read back differently": counts.roundTripMismatches,
    "time, s": seconds.toFixed(1),
    "µs per scan (mutate, parse, writers on ok)": ((seconds * 1e6) / counts.inputs).toFixed(2),
  });
  console.log("Error codes:");
  console.table(Object.fromEntries(histogram.map(([code, count]) => [code, count.toLocaleString("en")])));
  console.log(
    `Slowest single parse: ${slowest.micros.toFixed(0)} µs (best of 5) on a ${slowest.input.length.toLocaleString("en")}-character ` +
      `input starting ${JSON.stringify(slowest.input.slice(0, 60))}`,
  );
  show("parse threw", firstThrows);
  show("error offset outside the input", firstOffsetsOutside);
  show("accepted with a bad GTIN check digit", firstGtinViolations);
  show("a writer threw", firstFormatterThrows);
  show("writer output read back differently", firstRoundTripMismatches);
}
