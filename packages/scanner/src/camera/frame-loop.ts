// The camera's decode loop as pure rxjs over an injected scheduler: which frames get decoded (a rate cap, none
// while the decoder is busy, none while paused) and which part of each frame (the region of interest, with a
// full-frame pass every few decodes). No video and no decoder here, so all of it runs on virtual time in Node.
import {
  defer,
  distinctUntilChanged,
  EMPTY,
  exhaustMap,
  filter,
  from,
  type Observable,
  type ObservableInput,
  type SchedulerLike,
  switchMap,
} from "rxjs";

/** Options of {@link decodeFrames}. */
export interface DecodeFramesOptions {
  /** At most this many decodes start per second (frames in between are dropped, not queued). */
  readonly maxDecodesPerSecond: number;
  /** `true` stops decoding (a decode in flight is abandoned and its result dropped); `false` resumes it. */
  readonly paused$: Observable<boolean>;
  /** The clock for the rate cap. */
  readonly scheduler: SchedulerLike;
}

// A frame this early (as a share of the gap) still counts. Camera frames and timers jitter by a few ms; without
// the slack a 30 fps camera capped at 15 decodes/s (a 66.7 ms gap, exactly two frames) would often miss its slot
// and be decoded at 10/s, adding a frame of latency to every scan.
const EARLY_FRAME_SLACK = 0.2;

/**
 * Decodes frames as they come, never more than one at a time and never faster than the cap: a frame that arrives
 * while a decode runs, or sooner than `1000 / maxDecodesPerSecond` ms (less a fifth, for jitter) after the last
 * decode started, is dropped. Camera frames are perishable, so a queue would only make every scan later
 * (research scanners.md §9.5). `decode` gets the frame and the number of decodes started before it.
 */
export function decodeFrames<F, R>(
  frames$: Observable<F>,
  decode: (frame: F, decodeIndex: number) => ObservableInput<R>,
  options: DecodeFramesOptions,
): Observable<R> {
  const { maxDecodesPerSecond, scheduler } = options;
  if (!(maxDecodesPerSecond > 0)) throw new RangeError("maxDecodesPerSecond must be a number above 0");
  const minGapMs = (1000 / maxDecodesPerSecond) * (1 - EARLY_FRAME_SLACK);
  return defer(() => {
    let decodeIndex = 0;
    let lastStartedAt = Number.NEGATIVE_INFINITY;
    // exhaustMap drops the frames that come while a decode runs; the filter drops those that come too soon.
    const decodeWhenFree = frames$.pipe(
      filter(() => scheduler.now() - lastStartedAt >= minGapMs),
      exhaustMap((frame) => {
        lastStartedAt = scheduler.now();
        return from(decode(frame, decodeIndex++));
      }),
    );
    return options.paused$.pipe(
      distinctUntilChanged(),
      switchMap((paused) => (paused ? EMPTY : decodeWhenFree)),
    );
  });
}

/** A part of the frame as fractions of its width and height (0–1), from the top-left corner. */
export interface RegionOfInterest {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/**
 * The centre 70 % × 50 % of the frame: where a cashier holds a pack when the screen shows a guide box. Cropping
 * to it cuts decode time and keeps codes at the edge of the view (another pack in the basket) out.
 */
export const CENTRE_REGION: RegionOfInterest = { x: 0.15, y: 0.25, width: 0.7, height: 0.5 };

/** A rectangle in whole pixels. */
export interface PixelRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

/** The region in pixels of a `frameWidth × frameHeight` frame, clamped to the frame and at least 1 × 1. */
export function regionRect(region: RegionOfInterest, frameWidth: number, frameHeight: number): PixelRect {
  const left = clamp(Math.round(region.x * frameWidth), 0, frameWidth - 1);
  const top = clamp(Math.round(region.y * frameHeight), 0, frameHeight - 1);
  const right = clamp(Math.round((region.x + region.width) * frameWidth), left + 1, frameWidth);
  const bottom = clamp(Math.round((region.y + region.height) * frameHeight), top + 1, frameHeight);
  return { x: left, y: top, width: right - left, height: bottom - top };
}

/** What one decode covers. */
export interface DecodePlan {
  readonly rect: PixelRect;
  readonly tryHarder: boolean;
}

/** Options of {@link planDecode}. */
export interface PlanDecodeOptions {
  /** The region most decodes cover; `null` for the whole frame. */
  readonly region: RegionOfInterest | null;
  /** Every this many decodes, one covers the whole frame with `tryHarder`; 0 never. */
  readonly fullFrameEvery: number;
}

/**
 * The part of the frame decode number `decodeIndex` (from 0) covers: the region of interest, except every
 * `fullFrameEvery`-th decode, which takes the whole frame and tries harder, so a code held off-centre or a blurred
 * 1D code is still read, a little later (research scanners.md §9.5).
 */
export function planDecode(
  decodeIndex: number,
  frameWidth: number,
  frameHeight: number,
  options: PlanDecodeOptions,
): DecodePlan {
  const fullFrame = { x: 0, y: 0, width: frameWidth, height: frameHeight };
  const isFullPass = options.fullFrameEvery > 0 && (decodeIndex + 1) % options.fullFrameEvery === 0;
  if (isFullPass) return { rect: fullFrame, tryHarder: true };
  if (options.region === null) return { rect: fullFrame, tryHarder: false };
  return { rect: regionRect(options.region, frameWidth, frameHeight), tryHarder: false };
}

function clamp(value: number, min: number, max: number): number {
  return Math.min(Math.max(value, min), max);
}
