// The camera test page, driven from Node through Playwright (camera.e2e.test.ts, the camera benchmark): it runs
// camera() on Chromium's fake camera and reports scans, statuses, track states and timings as plain JSON.
import { type CameraDecoder, type CameraOptions, camera } from "../../../src/camera/index.js";
import type { ScannerStatus } from "../../../src/types.js";

/** Which decoder a run uses. */
export type DecoderName = "zxing-wasm" | "zxing-js" | "barcode-detector";

/** What a run does. */
export interface RunConfig {
  readonly decoder: DecoderName;
  /** "video": the page's <video> is the preview; "constraints": camera() makes a hidden one. */
  readonly mode?: "video" | "constraints";
  /** Make getUserMedia refuse, as when the person denies the camera. */
  readonly refusePermission?: boolean;
  /** Keep the source paused this long after subscribing, counting the scans that still arrive. */
  readonly pausedMs?: number;
  /** Wrap the decoder to time each decode (the default zxing-wasm decoder is then made here, not by camera()). */
  readonly timed?: boolean;
  /** Point the default decoder at a wasm URL that answers 404. */
  readonly missingWasm?: boolean;
  /** After the first scan, end the track as an unplugged camera does, announce a device change, scan again. */
  readonly replug?: boolean;
  readonly timeoutMs: number;
}

/** A Scan as JSON. */
export interface ScanJson {
  readonly text: string;
  readonly symbology?: string;
  readonly symbologySource?: string;
  readonly normalizations?: readonly string[];
  readonly device?: string;
  readonly rawLength?: number;
  readonly atIsNumber: boolean;
}

/** What a run saw. */
export interface RunResult {
  readonly scan?: ScanJson;
  readonly scansWhilePaused: number;
  /** Each status, as "state" or "state:diagnostic-code". */
  readonly statuses: string[];
  /** `readyState` of every track getUserMedia handed out, read after the unsubscribe. */
  readonly trackStates: string[];
  readonly scansErrored: boolean;
  readonly videoSize: string;
  /** Milliseconds per decode call. */
  readonly decodeMs: number[];
  /** The `video` constraints of each getUserMedia call. */
  readonly constraints: MediaTrackConstraints[];
  /** `hasTorch()` and what `setTorch(true)` resolved to, at the first scan. */
  readonly torch?: { readonly available: boolean; readonly switchedOn: boolean };
  /** The first scan after the replug (`replug: true`). */
  readonly scanAfterReplug?: ScanJson;
}

const video = document.querySelector<HTMLVideoElement>("#preview") as HTMLVideoElement;
const wasmUrl = new URL("/zxing_reader.wasm", location.href);

/** Records how long each decode takes. */
function timed(decoder: CameraDecoder, durations: number[]): CameraDecoder {
  return {
    name: decoder.name,
    async decode(frame, options) {
      const startedAt = performance.now();
      try {
        return await decoder.decode(frame, options);
      } finally {
        durations.push(performance.now() - startedAt);
      }
    },
    dispose: () => decoder.dispose?.(),
  };
}

// Decoders load as an app would load them: by dynamic import of their subpath module.
async function makeDecoder(name: DecoderName): Promise<CameraDecoder> {
  const { zxingWasm } = await import("../../../src/camera/decoders/zxing-wasm.js");
  if (name === "zxing-wasm") return zxingWasm({ wasmUrl });
  if (name === "zxing-js") return (await import("../../../src/camera/decoders/zxing-js.js")).zxingJs();
  const { barcodeDetector } = await import("../../../src/camera/decoders/barcode-detector.js");
  // Linux Chromium has no native BarcodeDetector (pitfall 27): the polyfill stands in for it, its own
  // zxing-wasm build served locally instead of from jsDelivr.
  const polyfill = await import("barcode-detector/ponyfill");
  polyfill.prepareZXingModule({
    overrides: {
      locateFile: (path: string, prefix: string) =>
        path.endsWith(".wasm") ? "/polyfill_zxing_reader.wasm" : prefix + path,
    },
  });
  return barcodeDetector({ BarcodeDetector: polyfill.BarcodeDetector, refineWith: zxingWasm({ wasmUrl }) });
}

/** navigator.mediaDevices behind a wrapper that records what was asked and handed out, and can refuse. */
function recordingMediaDevices(config: RunConfig, opened: MediaStream[], constraints: MediaTrackConstraints[]) {
  return Object.assign(new EventTarget(), {
    async getUserMedia(request: MediaStreamConstraints) {
      constraints.push(request.video as MediaTrackConstraints);
      if (config.refusePermission) throw new DOMException("Permission denied", "NotAllowedError");
      const stream = await navigator.mediaDevices.getUserMedia(request);
      opened.push(stream);
      return stream;
    },
  });
}

function decoderOptions(config: RunConfig, durations: number[]): Pick<CameraOptions, "decoder" | "wasmUrl"> {
  // Untimed zxing-wasm runs take camera()'s own default: its dynamic import, Worker and wasmUrl handling.
  if (config.decoder === "zxing-wasm" && !config.timed)
    return { wasmUrl: config.missingWasm ? "/missing.wasm" : wasmUrl };
  return { decoder: async () => timed(await makeDecoder(config.decoder), durations) };
}

function scanJson(scan: {
  text: string;
  symbology?: string;
  symbologySource?: string;
  normalizations?: readonly string[];
  device?: string;
  raw?: Uint8Array;
  at: number;
}): ScanJson {
  return {
    text: scan.text,
    ...(scan.symbology === undefined ? {} : { symbology: scan.symbology }),
    ...(scan.symbologySource === undefined ? {} : { symbologySource: scan.symbologySource }),
    ...(scan.normalizations === undefined ? {} : { normalizations: scan.normalizations }),
    ...(scan.device === undefined ? {} : { device: scan.device }),
    ...(scan.raw === undefined ? {} : { rawLength: scan.raw.length }),
    atIsNumber: Number.isFinite(scan.at),
  };
}

function describeStatus(status: ScannerStatus): string {
  return status.diagnostic ? `${status.state}:${status.diagnostic.code}` : status.state;
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

const nextScan = (scans: ScanJson[], timeoutMs: number, after = 0): Promise<ScanJson | undefined> =>
  until(() => scans.length > after, timeoutMs).then(() => scans[after]);

async function until(condition: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = performance.now() + timeoutMs;
  while (!condition() && performance.now() < deadline) await sleep(20);
}

/** Subscribes, waits for the first scan (or the timeout), unsubscribes, and reports. */
async function scanOnce(config: RunConfig): Promise<RunResult> {
  const opened: MediaStream[] = [];
  const constraints: MediaTrackConstraints[] = [];
  const durations: number[] = [];
  const mediaDevices = recordingMediaDevices(config, opened, constraints);
  const options: CameraOptions = { mediaDevices, ...decoderOptions(config, durations) };
  const source =
    config.mode === "constraints"
      ? camera({ width: { ideal: 640 } }, { ...options, document })
      : camera(video, options);
  const statuses: string[] = [];
  const statusSubscription = source.status$.subscribe((status) => statuses.push(describeStatus(status)));
  let scansErrored = false;
  let scansWhilePaused = 0;
  let paused = config.pausedMs !== undefined;
  if (paused) source.pause();
  const scans: ScanJson[] = [];
  const subscription = source.scans$.subscribe({
    next: (scan) => {
      if (paused) scansWhilePaused++;
      else scans.push(scanJson(scan));
    },
    error: () => {
      scansErrored = true;
    },
  });
  if (config.pausedMs !== undefined) {
    await sleep(config.pausedMs);
    paused = false;
    source.resume();
  }
  const scan = await nextScan(scans, config.timeoutMs);
  const torch =
    scan === undefined ? undefined : { available: source.hasTorch(), switchedOn: await source.setTorch(true) };
  let scanAfterReplug: ScanJson | undefined;
  if (config.replug && scan !== undefined) {
    opened.at(-1)?.getVideoTracks()[0]?.dispatchEvent(new Event("ended"));
    await until(() => statuses.at(-1)?.startsWith("disconnected") === true, 2000);
    const scansBefore = scans.length;
    mediaDevices.dispatchEvent(new Event("devicechange"));
    scanAfterReplug = await nextScan(scans, config.timeoutMs, scansBefore);
  }
  const videoSize = `${video.videoWidth}x${video.videoHeight}`;
  subscription.unsubscribe();
  statusSubscription.unsubscribe();
  return {
    ...(scan === undefined ? {} : { scan }),
    ...(torch === undefined ? {} : { torch }),
    ...(scanAfterReplug === undefined ? {} : { scanAfterReplug }),
    scansWhilePaused,
    statuses,
    trackStates: opened.flatMap((stream) => stream.getTracks().map((track) => track.readyState)),
    scansErrored,
    videoSize,
    decodeMs: durations,
    constraints,
  };
}

/** `useCamera()` with a storage: what it stores, and what a new source then asks getUserMedia for. */
async function chooseCamera(): Promise<{
  stored: string | null;
  deviceId: string;
  statuses: string[];
  nextConstraints: MediaTrackConstraints[];
}> {
  const memory = new Map<string, string>();
  const storage = {
    getItem: (key: string) => memory.get(key) ?? null,
    setItem: (key: string, value: string) => void memory.set(key, value),
  };
  const devices = await navigator.mediaDevices.enumerateDevices();
  const deviceId = devices.find((device) => device.kind === "videoinput")?.deviceId ?? "";
  const first = camera(video, { mediaDevices: navigator.mediaDevices, wasmUrl, storage });
  const statuses: string[] = [];
  const statusSubscription = first.status$.subscribe((status) => statuses.push(describeStatus(status)));
  const subscription = first.scans$.subscribe();
  await until(() => statuses.includes("ready"), 5000);
  first.useCamera(deviceId);
  await until(() => statuses.filter((state) => state === "ready").length === 2, 5000);
  subscription.unsubscribe();
  statusSubscription.unsubscribe();
  const opened: MediaStream[] = [];
  const nextConstraints: MediaTrackConstraints[] = [];
  const second = camera(video, {
    mediaDevices: recordingMediaDevices({ decoder: "zxing-wasm", timeoutMs: 0 }, opened, nextConstraints),
    wasmUrl,
    storage,
  });
  const secondReady = second.status$.subscribe();
  const secondSubscription = second.scans$.subscribe();
  await until(() => opened.length > 0, 5000);
  secondSubscription.unsubscribe();
  secondReady.unsubscribe();
  return { stored: memory.get("scangate.camera.deviceId") ?? null, deviceId, statuses, nextConstraints };
}

/** Code-entry-to-scan latency samples: the centre of the picture turning dark marks the code's arrival. */
async function measureLatency(config: RunConfig & { readonly samples: number }): Promise<{
  latencyMs: number[];
  decodeMs: number[];
  scan?: ScanJson;
  videoSize: string;
}> {
  const opened: MediaStream[] = [];
  const durations: number[] = [];
  const source = camera(video, {
    mediaDevices: recordingMediaDevices(config, opened, []),
    ...decoderOptions(config, durations),
  });
  const probe = document.createElement("canvas").getContext("2d", { willReadFrequently: true });
  if (probe === null) throw new Error("no 2D canvas");
  const latencyMs: number[] = [];
  let codeSince: number | undefined;
  let waitingForScan = false;
  let lastScan: ScanJson | undefined;
  let baseline: number | undefined;
  // Watches every presented frame: mean luma of a 64 × 64 centre patch, against the first (empty) frame's.
  const watch = (now: number) => {
    if (video.videoWidth > 0) {
      probe.canvas.width = 64;
      probe.canvas.height = 64;
      probe.drawImage(video, video.videoWidth / 2 - 32, video.videoHeight / 2 - 32, 64, 64, 0, 0, 64, 64);
      const pixels = probe.getImageData(0, 0, 64, 64).data;
      let sum = 0;
      for (let index = 0; index < pixels.length; index += 4) sum += pixels[index] ?? 0;
      const mean = sum / (pixels.length / 4);
      baseline ??= mean;
      const codeVisible = baseline - mean > 20;
      if (codeVisible && codeSince === undefined && !waitingForScan) {
        codeSince = now;
        waitingForScan = true;
      }
      if (!codeVisible && !waitingForScan) codeSince = undefined;
    }
    if (latencyMs.length < config.samples) video.requestVideoFrameCallback(watch);
  };
  const subscription = source.scans$.subscribe((scan) => {
    lastScan = scanJson(scan);
    if (waitingForScan && codeSince !== undefined) {
      latencyMs.push(performance.now() - codeSince);
      waitingForScan = false;
    }
  });
  video.requestVideoFrameCallback(watch);
  const deadline = performance.now() + config.timeoutMs;
  while (latencyMs.length < config.samples && performance.now() < deadline) await sleep(50);
  const videoSize = `${video.videoWidth}x${video.videoHeight}`;
  subscription.unsubscribe();
  return { latencyMs, decodeMs: durations, ...(lastScan === undefined ? {} : { scan: lastScan }), videoSize };
}

declare global {
  interface Window {
    cameraTest: { scanOnce: typeof scanOnce; chooseCamera: typeof chooseCamera; measureLatency: typeof measureLatency };
  }
}

window.cameraTest = { scanOnce, chooseCamera, measureLatency };
