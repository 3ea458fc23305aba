// One subscription's camera, for camera(): open it (remembered camera first, then the facing mode), play it into
// the video, load the decoder, run the frame loop, and release everything on close. `generation` tells a late
// answer of an old getUserMedia (after close or reopen) to stop what it got instead of using it.
import {
  type BehaviorSubject,
  EMPTY,
  from,
  mergeMap,
  type Observable,
  type SchedulerLike,
  type Subscription,
} from "rxjs";
import type { Scan, ScannerStatus } from "../types.js";
import type { CameraOptions, MediaDevicesLike } from "./camera.js";
import { type CameraPreference, constraintAttempts, isMissingCamera } from "./camera-constraints.js";
import {
  type CameraDiagnostic,
  DISCONNECTED,
  decoderFailureDiagnostic,
  openFailureDiagnostic,
} from "./camera-diagnostics.js";
import type { CameraDecoder, CameraFormat, DecodedSymbol } from "./decoder.js";
import { decodeFrames, planDecode, type RegionOfInterest } from "./frame-loop.js";
import { frameGrabber, videoFrameTicks } from "./video-frames.js";

/** camera()'s options with their defaults filled in. */
export interface Settings {
  readonly formats: readonly CameraFormat[];
  readonly region: RegionOfInterest | null;
  readonly fullFrameEvery: number;
  readonly maxDecodesPerSecond: number;
  readonly scheduler: SchedulerLike;
}

/** What the source can do with the camera of the current subscription. */
export interface Session {
  close(): void;
  reopen(): void;
  hasTorch(): boolean;
  setTorch(on: boolean): Promise<boolean>;
}

/** What a session works with, owned by the source. */
export interface SessionContext {
  readonly video: HTMLVideoElement;
  readonly options: CameraOptions;
  readonly settings: Settings;
  readonly status: BehaviorSubject<ScannerStatus>;
  readonly paused: BehaviorSubject<boolean>;
  readonly emit: (scan: Scan) => void;
  readonly preference: () => CameraPreference;
}

/** Opens the camera and starts decoding; the returned session closes it. */
export function startSession(context: SessionContext): Session {
  const { video, options, status } = context;
  const ownsDecoder = typeof options.decoder !== "object";
  // Loaded while the person answers the permission prompt; a failure is reported when open() awaits it.
  const decoder = Promise.resolve().then(() => loadDecoder(options, video));
  decoder.catch(ignore);
  let generation = 0;
  let closed = false;
  let stream: MediaStream | undefined;
  let decoding: Subscription | undefined;

  const release = () => {
    generation++;
    decoding?.unsubscribe();
    decoding = undefined;
    if (stream !== undefined) stopTracks(stream);
    stream = undefined;
    video.srcObject = null;
  };
  const fail = (diagnostic: CameraDiagnostic) => {
    release();
    status.next({ state: "failed", diagnostic });
  };

  const open = async () => {
    const attempt = ++generation;
    const isCurrent = () => !closed && attempt === generation;
    status.next({ state: "connecting" });
    let opened: MediaStream;
    try {
      opened = await openStream(options.mediaDevices, constraintAttempts(context.preference()));
    } catch (error) {
      if (isCurrent()) status.next({ state: "failed", diagnostic: openFailureDiagnostic(error) });
      return;
    }
    if (!isCurrent()) {
      stopTracks(opened);
      return;
    }
    stream = opened;
    const track = opened.getVideoTracks()[0];
    const device = `camera:${track?.getSettings().deviceId ?? "unknown"}`;
    track?.addEventListener("ended", () => {
      if (stream !== opened) return;
      release();
      status.next({ state: "disconnected", device, diagnostic: DISCONNECTED });
    });
    video.muted = true; // autoplay policies let a muted video play without a gesture
    video.playsInline = true; // iOS Safari otherwise opens its full-screen player
    video.srcObject = opened;
    let active: CameraDecoder;
    try {
      await video.play();
    } catch (error) {
      if (isCurrent()) fail(openFailureDiagnostic(error));
      return;
    }
    try {
      active = await decoder;
    } catch (error) {
      if (isCurrent()) fail(decoderFailureDiagnostic(error));
      return;
    }
    if (!isCurrent()) return;
    status.next({ state: "ready", device });
    decoding = decodeLoop(context, active, device).subscribe({
      next: context.emit,
      error: (error: unknown) => fail(decoderFailureDiagnostic(error)),
    });
  };

  const onDeviceChange = () => {
    const state = status.value;
    if (state.state === "disconnected" || state.diagnostic?.code === "camera.not-found") void open();
  };
  options.mediaDevices.addEventListener?.("devicechange", onDeviceChange);
  void open();

  const videoTrack = () => stream?.getVideoTracks()[0];
  return {
    close() {
      closed = true;
      release();
      options.mediaDevices.removeEventListener?.("devicechange", onDeviceChange);
      if (ownsDecoder) void decoder.then((loaded) => loaded.dispose?.(), ignore);
    },
    reopen() {
      if (closed) return;
      release();
      void open();
    },
    hasTorch: () => torchCapable(videoTrack()),
    async setTorch(on) {
      const track = videoTrack();
      if (track === undefined || !torchCapable(track)) return false;
      try {
        // `torch` is in Media Capture Image (W3C), not yet in TypeScript's DOM types.
        await track.applyConstraints({ advanced: [{ torch: on } as MediaTrackConstraintSet] });
        return true;
      } catch {
        return false;
      }
    },
  };
}

function decodeLoop(context: SessionContext, decoder: CameraDecoder, device: string): Observable<Scan> {
  const { video, settings } = context;
  const grab = frameGrabber(video);
  const ticks$ = videoFrameTicks(video, 1000 / settings.maxDecodesPerSecond, settings.scheduler);
  return decodeFrames(
    ticks$,
    (_tick, decodeIndex) => {
      const { videoWidth: width, videoHeight: height } = video;
      if (width === 0 || height === 0) return EMPTY; // no frame decoded by the video yet
      const at = settings.scheduler.now();
      const plan = planDecode(decodeIndex, width, height, settings);
      const frame = grab(plan.rect);
      const symbols = decoder.decode(frame, { formats: settings.formats, tryHarder: plan.tryHarder, at });
      return from(symbols).pipe(mergeMap((found) => found.map((symbol) => toScan(symbol, device, at))));
    },
    { maxDecodesPerSecond: settings.maxDecodesPerSecond, paused$: context.paused, scheduler: settings.scheduler },
  );
}

function toScan(symbol: DecodedSymbol, device: string, at: number): Scan {
  const { format: _format, corners: _corners, ...fields } = symbol;
  return { ...fields, source: "camera", device, at };
}

function loadDecoder(options: CameraOptions, video: HTMLVideoElement): Promise<CameraDecoder> {
  const chosen = options.decoder;
  if (typeof chosen === "object") return Promise.resolve(chosen);
  if (chosen !== undefined) return chosen();
  // The default decoder's module (and, through its Worker, zxing-wasm) loads only now: a till that never
  // subscribes to a camera never downloads it.
  const wasmUrl = new URL(options.wasmUrl ?? "zxing_reader.wasm", video.ownerDocument.baseURI);
  return import("./decoders/zxing-wasm.js").then(({ zxingWasm }) => zxingWasm({ wasmUrl }));
}

async function openStream(mediaDevices: MediaDevicesLike, attempts: MediaTrackConstraints[]): Promise<MediaStream> {
  let lastError: unknown;
  for (const video of attempts) {
    try {
      return await mediaDevices.getUserMedia({ video, audio: false });
    } catch (error) {
      if (!isMissingCamera(error)) throw error;
      lastError = error;
    }
  }
  throw lastError;
}

function ignore(): void {}

function stopTracks(stream: MediaStream): void {
  for (const track of stream.getTracks()) track.stop();
}

function torchCapable(track: MediaStreamTrack | undefined): boolean {
  const capabilities = track?.getCapabilities?.() as { torch?: boolean } | undefined;
  return capabilities?.torch === true;
}
