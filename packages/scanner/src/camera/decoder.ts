// The one interface every camera decoder implements (zxing-wasm, @zxing/library, BarcodeDetector, or an app's
// own): a frame in, the symbols on it out, already normalised to what a till needs (AIM id, GS kept). The camera
// binding never knows which engine it drives, so engines are swapped without touching the frame loop.
import type { Scan } from "../types.js";

/**
 * The barcode formats a camera looks for, named as in the W3C Shape Detection API (`BarcodeDetector`), so the
 * same names work for every decoder.
 */
export type CameraFormat =
  | "qr_code"
  | "data_matrix"
  | "ean_13"
  | "ean_8"
  | "upc_a"
  | "upc_e"
  | "code_128"
  | "databar"
  | "databar_expanded"
  | "databar_limited";

/** Every format a till meets: QR, DataMatrix, EAN/UPC, (GS1-)128 and DataBar. The default of `camera()`. */
export const TILL_FORMATS: readonly CameraFormat[] = [
  "qr_code",
  "data_matrix",
  "ean_13",
  "ean_8",
  "upc_a",
  "upc_e",
  "code_128",
  "databar",
  "databar_expanded",
  "databar_limited",
];

/**
 * RGBA pixels, as `CanvasRenderingContext2D.getImageData()` returns them. Structural, so tests in Node (which has
 * no `ImageData`) pass plain objects; in a browser it is a real `ImageData`.
 */
export interface CameraFrame {
  readonly width: number;
  readonly height: number;
  /** `width × height × 4` bytes, RGBA, row by row. */
  readonly data: Uint8ClampedArray;
}

/** What one call to {@link CameraDecoder.decode} should do. */
export interface DecodeOptions {
  /** The formats to look for; a decoder ignores the ones it cannot read. */
  readonly formats: readonly CameraFormat[];
  /**
   * Spend more time on this frame (zxing-wasm: `tryHarder`). The frame loop asks for it on every few full frames
   * only: it costs 2–10× on the frames that carry no code, which are most frames.
   */
  readonly tryHarder: boolean;
  /** When the frame was grabbed, epoch milliseconds from the camera's scheduler: decoders that keep state age it. */
  readonly at: number;
}

/** A point in frame pixels. */
export interface FramePoint {
  readonly x: number;
  readonly y: number;
}

/** One symbol found on a frame, normalised to a {@link Scan}'s fields. */
export interface DecodedSymbol extends Pick<Scan, "text" | "symbology" | "raw" | "symbologySource" | "normalizations"> {
  readonly format: CameraFormat;
  /** The symbol's corners in the decoded frame's pixels, clockwise from top-left, where the decoder reports them. */
  readonly corners?: readonly [FramePoint, FramePoint, FramePoint, FramePoint];
}

/**
 * A barcode decoder the camera drives. `decode` may be slow (the camera drops frames while it runs) and may keep
 * state between calls; it rejects only when the decoder itself is broken (its wasm failed to load), never for a
 * frame without a code.
 */
export interface CameraDecoder {
  /** A short name for logs and benchmarks, e.g. "zxing-wasm". */
  readonly name: string;
  /** The symbols on the frame; `[]` when there are none. The frame's pixels may be transferred (detached). */
  decode(frame: CameraFrame, options: DecodeOptions): Promise<DecodedSymbol[]>;
  /** Releases what the decoder holds (a Worker, a wasm instance). The decoder is unusable afterwards. */
  dispose?(): void;
}
