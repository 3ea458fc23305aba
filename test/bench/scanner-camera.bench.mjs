// Camera scanning in headless Chromium with a fake camera (research scanners.md §10, §11.5): how long from a code
// entering the picture to the Scan, per decoder, at 640 × 480 and 1280 × 720, on clean and degraded (blur + noise)
// frames; and what each decoder makes of the GS1 symbols (AIM id, who said so, GS kept). Reported, never asserted;
// the goal is under 50 ms for a clean frame with the default decoder (zxing-wasm).
//
// Runs on the TypeScript sources: Vite's module runner loads the test support (symbol rendering, y4m writer, page
// build and server), and Vite bundles the test page. Videos are written to a temporary folder and deleted.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";
import { runnerImport } from "vite";

const root = fileURLToPath(new URL("../../", import.meta.url));
const load = async (path) => (await runnerImport(join(root, path), { configFile: false, logLevel: "warn" })).module;
const { buildCameraPage, servePage } = await load("packages/scanner/test/support-camera/page-server.ts");
const { cameraFrame, degraded, renderSymbol, SYMBOLS } = await load("packages/scanner/test/support-camera/symbols.ts");
const { writeY4m } = await load("packages/scanner/test/support-camera/y4m.ts");
const { chromiumArgs, chromiumPath } = await load("test/support/chromium.ts");

const DECODERS = ["zxing-wasm", "zxing-js", "barcode-detector"];
const LABELS = {
  "zxing-wasm": "zxing-wasm (default)",
  "zxing-js": "@zxing/browser engine",
  "barcode-detector": "BarcodeDetector polyfill",
};
const SAMPLES = 7;
const workDir = mkdtempSync(join(tmpdir(), "scangate-camera-bench-"));

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.floor((sorted.length - 1) / 2)];
};
const p90 = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted.length === 0 ? Number.NaN : sorted[Math.min(sorted.length - 1, Math.ceil(sorted.length * 0.9) - 1)];
};
const ms = (value) => (Number.isNaN(value) ? "—" : value.toFixed(1));

/** A 1 s loop: half a second of empty picture, then half a second of the symbol. */
async function video(id, width, height, { blurred }) {
  const path = join(workDir, `${id}-${width}-${blurred ? "degraded" : "clean"}.y4m`);
  const symbol = renderSymbol(id, width / 640);
  const look = (picture) => (blurred ? degraded(picture) : picture);
  const empty = look(cameraFrame(width, height));
  const withCode = look(cameraFrame(width, height, symbol));
  await writeY4m(path, [...Array(15).fill(empty), ...Array(15).fill(withCode)]);
  return path;
}

async function withFakeCamera(path, run) {
  const browser = await chromium.launch({
    executablePath: chromiumPath(),
    args: [
      ...chromiumArgs,
      "--use-fake-device-for-media-stream",
      "--use-fake-ui-for-media-stream",
      `--use-file-for-fake-video-capture=${path}`,
    ],
  });
  try {
    const page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => "cameraTest" in window);
    return await run(page);
  } finally {
    await browser.close();
    rmSync(path, { force: true });
  }
}

const gsOffsets = (text) => [...(text ?? "")].flatMap((character, index) => (character === "\u001d" ? [index] : []));
const keepsGs = (scan, expected) =>
  scan === undefined
    ? "—"
    : JSON.stringify(gsOffsets(scan.text)) === JSON.stringify(gsOffsets(expected.text))
      ? "yes"
      : "NO";

await buildCameraPage(join(workDir, "page"));
const server = await servePage(join(workDir, "page"));
const startedAt = performance.now();

try {
  console.log(
    "### Code entering the picture → Scan (GS1 DataMatrix; ms; camera() defaults: 15 decodes/s, ROI + full frame every 4th)",
  );
  const latencyRows = {};
  for (const [width, height] of [
    [640, 480],
    [1280, 720],
  ]) {
    for (const blurred of [false, true]) {
      const path = await video("gs1-datamatrix", width, height, { blurred });
      const results = await withFakeCamera(path, async (page) => {
        const byDecoder = {};
        for (const decoder of DECODERS) {
          byDecoder[decoder] = await page.evaluate((config) => window.cameraTest.measureLatency(config), {
            decoder,
            timed: true,
            samples: SAMPLES,
            timeoutMs: 7000,
          });
        }
        return byDecoder;
      });
      const baseline = median(results["zxing-wasm"].latencyMs);
      for (const decoder of DECODERS) {
        const { latencyMs, decodeMs, scan, videoSize } = results[decoder];
        const latency = median(latencyMs);
        latencyRows[`${videoSize} ${blurred ? "degraded" : "clean"} · ${LABELS[decoder]}`] = {
          "median ms": ms(latency),
          "p90 ms": ms(p90(latencyMs)),
          found: `${latencyMs.length}/${SAMPLES}`,
          "× zxing-wasm": Number.isNaN(latency) || Number.isNaN(baseline) ? "—" : `${(latency / baseline).toFixed(2)}×`,
          "decode ms (median)": ms(median(decodeMs)),
          AIM: scan?.symbology ?? "—",
          "GS kept": keepsGs(scan, SYMBOLS["gs1-datamatrix"].expected),
        };
      }
    }
  }
  console.table(latencyRows);

  console.log("### GS1 fidelity per decoder (640 × 480, clean): AIM id read (decoder) or guessed (inferred), GS kept");
  const fidelityRows = {};
  for (const id of ["gs1-datamatrix", "gs1-qr", "digital-link-qr", "gs1-128", "ean-13", "databar-expanded"]) {
    const path = await video(id, 640, 480, { blurred: false });
    const expected = SYMBOLS[id].expected;
    const row = { expected: expected.symbology };
    await withFakeCamera(path, async (page) => {
      for (const decoder of DECODERS) {
        const { scan } = await page.evaluate((config) => window.cameraTest.scanOnce(config), {
          decoder,
          timeoutMs: 4000,
        });
        const right = scan !== undefined && scan.text === expected.text && scan.symbology === expected.symbology;
        row[LABELS[decoder]] =
          scan === undefined
            ? "not read"
            : `${scan.symbology ?? "none"} (${scan.symbologySource ?? "?"}), GS ${keepsGs(scan, expected)}${right ? "" : " ✘"}`;
      }
    });
    fidelityRows[id] = row;
  }
  console.table(fidelityRows);
  console.log(`(bench took ${((performance.now() - startedAt) / 1000).toFixed(0)} s)`);
} finally {
  await server.close();
  rmSync(workDir, { recursive: true, force: true });
}
