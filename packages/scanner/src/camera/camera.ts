// camera(): a phone or webcam as a scan source. The thin binding over the pure parts: it opens the camera through an
// injected `mediaDevices`, feeds video frames through the frame loop (rate cap, busy drop, region of interest) to a
// decoder, and turns what the decoder finds into Scans. Device trouble goes to `status$`; `scans$` never errors.
import { asyncScheduler, BehaviorSubject, Observable, type SchedulerLike, share } from "rxjs";
import type { Scan, ScannerStatus, ScanSource } from "../types.js";
import { type Session, type Settings, startSession } from "./camera-session.js";
import { type CameraDecoder, type CameraFormat, TILL_FORMATS } from "./decoder.js";
import { CENTRE_REGION, type RegionOfInterest } from "./frame-loop.js";

/** The parts of `navigator.mediaDevices` the camera uses. */
export interface MediaDevicesLike {
  getUserMedia(constraints: MediaStreamConstraints): Promise<MediaStream>;
  /** `devicechange` lets a disconnected camera source reopen when a camera is plugged back in. */
  addEventListener?(type: "devicechange", listener: () => void): void;
  removeEventListener?(type: "devicechange", listener: () => void): void;
}

/** Where the chosen camera is remembered: `localStorage`, or anything with the same two methods. */
export interface CameraStorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
}

/** Options of {@link camera}. */
export interface CameraOptions {
  /** Opens the camera: pass `navigator.mediaDevices`. */
  readonly mediaDevices: MediaDevicesLike;
  /**
   * The decoder, or a function that loads one on the first subscription (and whose decoder is disposed at the
   * last unsubscribe). A decoder object you pass stays yours to dispose.
   * @default zxing-wasm in a Worker, loaded by dynamic import on the first subscription
   */
  readonly decoder?: CameraDecoder | (() => Promise<CameraDecoder>);
  /**
   * Where the app serves `zxing_reader.wasm` (copied from `node_modules/zxing-wasm/dist/reader/`), for the default
   * decoder only. Relative URLs resolve against the video's document.
   * @default "zxing_reader.wasm" next to the page
   */
  readonly wasmUrl?: string | URL;
  /** @default TILL_FORMATS (QR, DataMatrix, EAN/UPC, Code 128, DataBar) */
  readonly formats?: readonly CameraFormat[];
  /** Which way the camera should face when none was chosen with `useCamera()`. @default "environment" (rear) */
  readonly facingMode?: "environment" | "user";
  /** Remembers the camera chosen with `useCamera()` across page loads. @default nothing is remembered */
  readonly storage?: CameraStorageLike;
  /** @default "scangate.camera.deviceId" */
  readonly storageKey?: string;
  /**
   * The part of the frame most decodes look at, as fractions of the frame; `null` for the whole frame.
   * @default CENTRE_REGION, the centre 70 % × 50 %
   */
  readonly regionOfInterest?: RegionOfInterest | null;
  /** Every this many decodes, one covers the whole frame and tries harder; 0 never. @default 4 */
  readonly fullFrameEvery?: number;
  /** At most this many decodes start per second, in decodes per second. @default 15 */
  readonly maxDecodesPerSecond?: number;
  /** The clock: `Scan.at` and the rate cap read `scheduler.now()`. @default asyncScheduler */
  readonly scheduler?: SchedulerLike;
  /** Makes the hidden video of `camera(constraints, …)`, where it is required; unused with a video element. */
  readonly document?: Document;
}

/** A camera scan source, with the controls a till's camera screen has. */
export interface CameraSource extends ScanSource {
  readonly kind: "camera";
  /** Stops decoding but keeps the camera open, so the preview stays live. */
  pause(): void;
  resume(): void;
  /** Switches to a camera (a `deviceId` from `enumerateDevices()`) and remembers it in `storage`. */
  useCamera(deviceId: string): void;
  /** Whether the open camera has a torch (false while no camera is open). */
  hasTorch(): boolean;
  /** Turns the torch on or off; resolves to whether that worked (false without a torch or an open camera). */
  setTorch(on: boolean): Promise<boolean>;
}

const IDLE: ScannerStatus = { state: "idle" };

/**
 * A camera as a scan source. Subscribing to `scans$` opens the camera (rear-facing unless one was chosen) and
 * starts decoding; the last unsubscribe stops every track. Each decoded frame emits a Scan: pipe through `dedupe()`.
 * Pass your preview `<video>`, or constraints and a `document` to scan without a preview.
 * @example
 * const source = camera(document.querySelector("video")!, {
 *   mediaDevices: navigator.mediaDevices,
 *   wasmUrl: "/assets/zxing_reader.wasm",
 *   storage: localStorage,
 * });
 * source.status$.subscribe(showCameraStatus);
 * source.scans$.pipe(dedupe()).subscribe((scan) => addToBasket(parse(scanData(scan))));
 */
export function camera(video: HTMLVideoElement, options: CameraOptions): CameraSource;
export function camera(
  constraints: MediaTrackConstraints,
  options: CameraOptions & { readonly document: Document },
): CameraSource;
export function camera(target: HTMLVideoElement | MediaTrackConstraints, options: CameraOptions): CameraSource {
  const videoElement = isVideo(target) ? () => target : hiddenVideo(options.document);
  const settings = readSettings(options);
  const status = new BehaviorSubject<ScannerStatus>(IDLE);
  const paused = new BehaviorSubject(false);
  const storageKey = options.storageKey ?? "scangate.camera.deviceId";
  let chosenDeviceId = options.storage?.getItem(storageKey) ?? undefined;
  let session: Session | undefined;

  const scans$ = new Observable<Scan>((subscriber) => {
    const current = startSession({
      video: videoElement(),
      options,
      settings,
      status,
      paused,
      emit: (scan) => subscriber.next(scan),
      preference: () => ({
        facingMode: options.facingMode ?? "environment",
        ...(chosenDeviceId === undefined ? {} : { deviceId: chosenDeviceId }),
        ...(isVideo(target) ? {} : { extra: target }),
      }),
    });
    session = current;
    return () => {
      current.close();
      if (session === current) session = undefined;
      status.next(IDLE);
    };
  }).pipe(share());

  return {
    kind: "camera",
    scans$,
    status$: status.asObservable(),
    pause: () => paused.next(true),
    resume: () => paused.next(false),
    useCamera(deviceId) {
      chosenDeviceId = deviceId;
      options.storage?.setItem(storageKey, deviceId);
      session?.reopen();
    },
    hasTorch: () => session?.hasTorch() ?? false,
    setTorch: (on) => session?.setTorch(on) ?? Promise.resolve(false),
  };
}

function readSettings(options: CameraOptions): Settings {
  const maxDecodesPerSecond = options.maxDecodesPerSecond ?? 15;
  const fullFrameEvery = options.fullFrameEvery ?? 4;
  if (!(maxDecodesPerSecond > 0)) throw new RangeError("camera: maxDecodesPerSecond must be above 0");
  if (!Number.isInteger(fullFrameEvery) || fullFrameEvery < 0) {
    throw new RangeError("camera: fullFrameEvery must be a whole number ≥ 0");
  }
  return {
    formats: options.formats ?? TILL_FORMATS,
    region: options.regionOfInterest === undefined ? CENTRE_REGION : options.regionOfInterest,
    fullFrameEvery,
    maxDecodesPerSecond,
    scheduler: options.scheduler ?? asyncScheduler,
  };
}

// The video element camera(constraints, …) decodes from: never attached to the page, made once, reused.
function hiddenVideo(document: Document | undefined): () => HTMLVideoElement {
  if (document === undefined) {
    throw new TypeError("camera(constraints, options) needs options.document to make its video element");
  }
  let video: HTMLVideoElement | undefined;
  return () => {
    video ??= document.createElement("video");
    return video;
  };
}

function isVideo(target: HTMLVideoElement | MediaTrackConstraints): target is HTMLVideoElement {
  return typeof (target as HTMLVideoElement).play === "function";
}
