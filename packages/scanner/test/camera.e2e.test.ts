// camera() in real headless Chromium with a fake camera: Chromium plays a y4m video (written here, at test time) as
// the webcam; the test page runs camera() from source and reports the Scan, the statuses and the tracks' states.
// One browser per video, since the video file is a launch flag.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type Browser, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { chromiumArgs, chromiumPath, fakeCameraArgs } from "../../../test/support/chromium.js";
import type { RunConfig, RunResult } from "./support-camera/page/main.js";
import { buildCameraPage, type PageServer, servePage } from "./support-camera/page-server.js";
import { cameraFrame, renderSymbol, SYMBOLS, type SymbolId } from "./support-camera/symbols.js";
import { writeY4m } from "./support-camera/y4m.js";

const workDir = mkdtempSync(join(tmpdir(), "scangate-camera-e2e-"));
let server: PageServer;

beforeAll(async () => {
  await buildCameraPage(join(workDir, "page"));
  server = await servePage(join(workDir, "page"));
}, 60_000);

afterAll(async () => {
  await server?.close();
  rmSync(workDir, { recursive: true, force: true });
});

/** A 1 s loop at 30 fps: a third of a second of empty picture, then the symbol. */
async function fakeCameraVideo(id: SymbolId): Promise<string> {
  const path = join(workDir, `${id}.y4m`);
  const empty = cameraFrame(640, 480);
  const withCode = cameraFrame(640, 480, renderSymbol(id));
  await writeY4m(path, [...Array<typeof empty>(10).fill(empty), ...Array<typeof withCode>(20).fill(withCode)]);
  return path;
}

/** A browser whose camera shows the symbol, with the test page open; closed (and its video deleted) afterwards. */
function withCameraShowing(id: SymbolId): { page: () => Page } {
  let browser: Browser | undefined;
  let page: Page | undefined;
  let video = "";
  beforeAll(async () => {
    video = await fakeCameraVideo(id);
    browser = await chromium.launch({
      executablePath: chromiumPath(),
      args: [...chromiumArgs, ...fakeCameraArgs(video)],
    });
    page = await browser.newPage();
    await page.goto(server.url);
    await page.waitForFunction(() => "cameraTest" in window);
  }, 30_000);
  afterAll(async () => {
    await browser?.close();
    rmSync(video, { force: true });
  });
  return {
    page: () => {
      if (page === undefined) throw new Error("no page");
      return page;
    },
  };
}

function scanOnce(page: Page, config: RunConfig): Promise<RunResult> {
  return page.evaluate((runConfig) => window.cameraTest.scanOnce(runConfig), config);
}

function gsOffsets(text: string | undefined): number[] {
  return [...(text ?? "")].flatMap((character, index) => (character === "\u001d" ? [index] : []));
}

describe("a GS1 DataMatrix in front of the camera", () => {
  const browser = withCameraShowing("gs1-datamatrix");
  const expected = SYMBOLS["gs1-datamatrix"].expected;

  it("scans as ]d2 with its GS (zxing-wasm in a Worker), then stops every track on unsubscribe", async () => {
    const result = await scanOnce(browser.page(), { decoder: "zxing-wasm", timeoutMs: 15_000 });
    expect(result.scan).toMatchObject({ text: expected.text, symbology: "]d2", symbologySource: "decoder" });
    expect(result.scan?.rawLength).toBe(expected.text.length);
    expect(result.scan?.device).toMatch(/^camera:.+/);
    expect(result.scan?.atIsNumber).toBe(true);
    expect(gsOffsets(result.scan?.text)).toEqual([32]);
    expect(result.trackStates).toEqual(["ended"]);
    expect(result.statuses).toEqual(["idle", "connecting", "ready", "idle"]);
    expect(result.scansErrored).toBe(false);
    expect(result.constraints[0]).toMatchObject({ facingMode: { ideal: "environment" } });
    expect(result.torch).toEqual({ available: false, switchedOn: false }); // the fake camera has no torch
  }, 30_000);

  it("scans as ]d2 with @zxing/library after the leading-GS repair", async () => {
    const result = await scanOnce(browser.page(), { decoder: "zxing-js", timeoutMs: 15_000 });
    expect(result.scan).toMatchObject({ text: expected.text, symbology: "]d2", normalizations: ["aim:leading-gs"] });
    expect(result.trackStates).toEqual(["ended"]);
  }, 30_000);

  it("emits nothing while paused and scans once resumed", async () => {
    const result = await scanOnce(browser.page(), { decoder: "zxing-wasm", pausedMs: 1500, timeoutMs: 15_000 });
    expect(result.scansWhilePaused).toBe(0);
    expect(result.scan).toMatchObject({ symbology: "]d2", text: expected.text });
  }, 30_000);

  it("shows a refused permission on status$ and keeps scans$ open", async () => {
    const result = await scanOnce(browser.page(), { decoder: "zxing-wasm", refusePermission: true, timeoutMs: 1000 });
    expect(result.scan).toBeUndefined();
    expect(result.statuses).toEqual(["idle", "connecting", "failed:camera.permission-denied", "idle"]);
    expect(result.scansErrored).toBe(false);
    expect(result.trackStates).toEqual([]);
  }, 30_000);
});

describe("the camera's life around the scans", () => {
  const browser = withCameraShowing("gs1-datamatrix");

  it("shows an unplugged camera as disconnected, reopens on devicechange and scans again", async () => {
    const result = await scanOnce(browser.page(), { decoder: "zxing-wasm", replug: true, timeoutMs: 15_000 });
    expect(result.scanAfterReplug).toMatchObject(SYMBOLS["gs1-datamatrix"].expected);
    expect(result.statuses).toEqual([
      "idle",
      "connecting",
      "ready",
      "disconnected:camera.disconnected",
      "connecting",
      "ready",
      "idle",
    ]);
    expect(result.trackStates).toEqual(["ended", "ended"]);
  }, 30_000);

  it("reports a decoder whose wasm is missing on status$ and releases the camera", async () => {
    const result = await scanOnce(browser.page(), { decoder: "zxing-wasm", missingWasm: true, timeoutMs: 2500 });
    expect(result.scan).toBeUndefined();
    expect(result.statuses).toEqual(["idle", "connecting", "ready", "failed:camera.decoder-failed", "idle"]);
    expect(result.trackStates).toEqual(["ended"]);
    expect(result.scansErrored).toBe(false);
  }, 30_000);

  it("remembers the camera chosen with useCamera() and asks for exactly it next time", async () => {
    const result = await browser.page().evaluate(() => window.cameraTest.chooseCamera());
    expect(result.deviceId).not.toBe("");
    expect(result.stored).toBe(result.deviceId);
    expect(result.statuses).toEqual(["idle", "connecting", "ready", "connecting", "ready", "idle"]);
    expect(result.nextConstraints[0]).toMatchObject({ deviceId: { exact: result.deviceId } });
  }, 30_000);
});

describe("a QR code carrying a GS1 Digital Link in front of the camera", () => {
  const browser = withCameraShowing("digital-link-qr");

  it("scans as plain QR ]Q1 with the URI as text, and stops the track", async () => {
    const result = await scanOnce(browser.page(), { decoder: "zxing-wasm", timeoutMs: 15_000 });
    expect(result.scan).toMatchObject({ ...SYMBOLS["digital-link-qr"].expected, symbologySource: "decoder" });
    expect(gsOffsets(result.scan?.text)).toEqual([]);
    expect(result.trackStates).toEqual(["ended"]);
    expect(result.videoSize).toBe("640x480");
  }, 30_000);

  it("scans without a preview, through a hidden video made from constraints", async () => {
    const result = await scanOnce(browser.page(), { decoder: "zxing-wasm", mode: "constraints", timeoutMs: 15_000 });
    expect(result.scan).toMatchObject(SYMBOLS["digital-link-qr"].expected);
    expect(result.trackStates).toEqual(["ended"]);
  }, 30_000);
});

describe("an EAN-13 in front of the camera", () => {
  const browser = withCameraShowing("ean-13");

  it("scans as ]E0 with zxing-wasm, and stops the track", async () => {
    const result = await scanOnce(browser.page(), { decoder: "zxing-wasm", timeoutMs: 15_000 });
    expect(result.scan).toMatchObject({ ...SYMBOLS["ean-13"].expected, symbologySource: "decoder" });
    expect(result.trackStates).toEqual(["ended"]);
  }, 30_000);

  it("scans as ]E0 through the BarcodeDetector polyfill, the AIM id taken from the format", async () => {
    const result = await scanOnce(browser.page(), { decoder: "barcode-detector", timeoutMs: 15_000 });
    expect(result.scan).toMatchObject({ ...SYMBOLS["ean-13"].expected, symbologySource: "decoder" });
    expect(result.trackStates).toEqual(["ended"]);
  }, 30_000);
});
