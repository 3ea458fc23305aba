// Feature detection for Web Serial without touching globals: the caller passes its `navigator`.
import type { SerialLike } from "./serial-port-like.js";

/**
 * `navigator.serial` when the browser has Web Serial (Chromium desktop, secure context), else undefined. Never
 * throws, so it is safe in Firefox, Safari, workers and Node.
 *
 * @example
 * const serial = findWebSerial(navigator);
 * serialButton.hidden = serial === undefined;
 */
export function findWebSerial(navigatorLike: unknown): SerialLike | undefined {
  try {
    const serial = (navigatorLike as { serial?: unknown } | null | undefined)?.serial;
    if (typeof serial !== "object" || serial === null) return undefined;
    return typeof (serial as Partial<SerialLike>).getPorts === "function" ? (serial as SerialLike) : undefined;
  } catch {
    return undefined;
  }
}
