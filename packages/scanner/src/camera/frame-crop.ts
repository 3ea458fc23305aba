// Cutting a symbol's neighbourhood out of a frame, for a second decoder to look at only that (the BarcodeDetector
// decoder re-reads DataMatrix and QR regions with zxing-wasm to learn their AIM id).
import type { CameraFrame } from "./decoder.js";
import type { PixelRect } from "./frame-loop.js";

/**
 * The box grown by `margin` × its longer side on every side (a 2D symbol needs its quiet zone to be found again),
 * rounded out to whole pixels and clamped to the frame.
 */
export function grownRect(
  box: { readonly x: number; readonly y: number; readonly width: number; readonly height: number },
  margin: number,
  frameWidth: number,
  frameHeight: number,
): PixelRect {
  const grow = Math.max(box.width, box.height) * margin;
  const left = Math.max(0, Math.floor(box.x - grow));
  const top = Math.max(0, Math.floor(box.y - grow));
  const right = Math.min(frameWidth, Math.ceil(box.x + box.width + grow));
  const bottom = Math.min(frameHeight, Math.ceil(box.y + box.height + grow));
  return { x: left, y: top, width: Math.max(1, right - left), height: Math.max(1, bottom - top) };
}

/** A copy of the rectangle's pixels as a frame of its own. The rectangle must lie inside the frame. */
export function cropFrame(frame: CameraFrame, rect: PixelRect): CameraFrame {
  const data = new Uint8ClampedArray(rect.width * rect.height * 4);
  const rowBytes = rect.width * 4;
  for (let row = 0; row < rect.height; row++) {
    const from = ((rect.y + row) * frame.width + rect.x) * 4;
    data.set(frame.data.subarray(from, from + rowBytes), row * rowBytes);
  }
  return { width: rect.width, height: rect.height, data };
}
