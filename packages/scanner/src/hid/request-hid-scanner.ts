// The WebHID permission prompt for a barcode scanner. `requestDevice` only works from a user gesture in a secure
// context, and without a gesture it neither resolves nor rejects (measured: research/scanners.md §4.4), so call
// this from a click handler.
import type { Result } from "@scangate/gs1";
import type { HidDeviceFilter, HidDeviceLike, HidRequestLike } from "./hid-device-like.js";
import { hidPosReportLayout } from "./report-layout.js";

/**
 * The chooser's filters (research/scanners.md §9.3): any HID POS scanner (0x8C / 0x02), Honeywell's REM interface
 * (vendor page 0xFF8C), and the scanner vendors Honeywell (0x0C2E), Symbol/Zebra (0x05E0) and Datalogic (0x05F9),
 * so that one of their scanners left in keyboard mode still shows up and `webHid` can say which setting to change.
 */
export const HID_SCANNER_FILTERS: readonly HidDeviceFilter[] = [
  { usagePage: 0x8c, usage: 0x02 },
  { usagePage: 0xff8c },
  { vendorId: 0x0c2e },
  { vendorId: 0x05e0 },
  { vendorId: 0x05f9 },
];

/** Options of {@link requestHidScanner}. */
export interface RequestHidScannerOptions {
  /**
   * The chooser's filters; extend the defaults to list another vendor, e.g.
   * `[...HID_SCANNER_FILTERS, { vendorId: 0x1eab }]` for Newland.
   * @default HID_SCANNER_FILTERS
   */
  readonly filters?: readonly HidDeviceFilter[];
}

/** Why no scanner came back from the chooser. */
export interface HidRequestError {
  /** `NO_DEVICE_CHOSEN`: the user closed the chooser. `REQUEST_FAILED`: the browser refused (no gesture, policy). */
  readonly code: "NO_DEVICE_CHOSEN" | "REQUEST_FAILED";
  readonly message: string;
}

/**
 * Shows the browser's HID device chooser for barcode scanners and returns the chosen one. When the browser
 * returns several devices (one per interface of a composite scanner), the one with a HID POS collection wins.
 *
 * @example
 * button.addEventListener("click", async () => {
 *   const result = await requestHidScanner(navigator.hid);
 *   if (result.ok) startScanning(webHid(result.value, { hid: navigator.hid }));
 * });
 */
export async function requestHidScanner(
  hid: HidRequestLike,
  options: RequestHidScannerOptions = {},
): Promise<Result<HidDeviceLike, HidRequestError>> {
  let devices: readonly HidDeviceLike[];
  try {
    devices = await hid.requestDevice({ filters: [...(options.filters ?? HID_SCANNER_FILTERS)] });
  } catch (error) {
    return {
      ok: false,
      error: { code: "REQUEST_FAILED", message: `the browser refused the request: ${String(error)}` },
    };
  }
  const chosen = devices.find((device) => hidPosReportLayout(device.collections).ok) ?? devices[0];
  if (!chosen) return { ok: false, error: { code: "NO_DEVICE_CHOSEN", message: "no scanner was chosen" } };
  return { ok: true, value: chosen };
}
