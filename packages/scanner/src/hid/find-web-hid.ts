// Feature detection for WebHID without touching globals: the caller passes its `navigator`.
import type { HidLike, HidRequestLike } from "./hid-device-like.js";

/**
 * `navigator.hid` when the browser has WebHID (Chromium desktop, secure context), else undefined. Never throws,
 * so it is safe in Firefox, Safari, workers and Node.
 *
 * @example
 * const hid = findWebHid(navigator);
 * connectButton.hidden = hid === undefined;
 */
export function findWebHid(navigatorLike: unknown): (HidLike & HidRequestLike) | undefined {
  try {
    const hid = (navigatorLike as { hid?: unknown } | null | undefined)?.hid;
    if (typeof hid !== "object" || hid === null) return undefined;
    const candidate = hid as Partial<HidLike & HidRequestLike>;
    const complete =
      typeof candidate.getDevices === "function" &&
      typeof candidate.requestDevice === "function" &&
      typeof candidate.addEventListener === "function";
    return complete ? (hid as HidLike & HidRequestLike) : undefined;
  } catch {
    return undefined;
  }
}
