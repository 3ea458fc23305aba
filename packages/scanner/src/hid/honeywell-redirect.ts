// Honeywell scanners in HID POS mode send scans on their input report only after the host asks for it: feature
// report 0xFE = 1, "output redirection" (Honeywell's AndroidHidPos.cpp, and @point-of-sale/webhid-barcode-scanner
// does the same; research/scanners.md §4.2, §8 item 14). The report lives in a collection on Honeywell's vendor page
// 0xFF66, which other vendors do not use, so declaring it is the test; the vendor id covers descriptors that hide it.
import type { HidDeviceLike } from "./hid-device-like.js";
import { allCollections } from "./report-fields.js";

const HONEYWELL_VENDOR_PAGE = 0xff66;
const HONEYWELL_VENDOR_ID = 0x0c2e;
const OUTPUT_REDIRECTION_REPORT = 0xfe;

/** Whether the device wants Honeywell's output-redirection feature report before it sends scans. */
export function wantsHoneywellRedirect(device: Pick<HidDeviceLike, "vendorId" | "collections">): boolean {
  if (device.vendorId === HONEYWELL_VENDOR_ID) return true;
  return allCollections(device.collections).some(
    (collection) =>
      collection.usagePage === HONEYWELL_VENDOR_PAGE &&
      (collection.featureReports ?? []).some((report) => report.reportId === OUTPUT_REDIRECTION_REPORT),
  );
}

/**
 * Sends the output-redirection request to an open device that wants it. A refusal is not an error: scanners
 * configured to send on the HID POS report anyway keep working, and one that does not shows no scans.
 */
export async function redirectHoneywellOutput(device: HidDeviceLike): Promise<void> {
  if (!wantsHoneywellRedirect(device)) return;
  try {
    await device.sendFeatureReport(OUTPUT_REDIRECTION_REPORT, Uint8Array.of(1));
  } catch {
    // See above: nothing to repair from here.
  }
}
