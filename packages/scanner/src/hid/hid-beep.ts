// Sounding the scanner's own beeper from the till, so a blocked item is announced where the cashier is looking.
// Only the HID POS feedback usages are used (Sound Error Beep 0x8C:0x85, Sound Good Read Beep 0x8C:0x86), and only
// when the device's descriptor declares them in an output or feature report. Vendor command channels are not
// used: Honeywell's output report 0xFD ("[SYN][BEL][CR]" beeps) rests on one author's experiment and gives no
// error/ok distinction (research/scanners.md §4.2), and Newland's output report 0x04 speaks a command protocol.
import type { Result } from "@scangate/gs1";
import type { HidCollectionInfoLike, HidDeviceLike } from "./hid-device-like.js";
import { HID_POS_USAGES } from "./hid-pos-usages.js";
import { collectReports, reportByteLength, reportFields } from "./report-fields.js";

/** Which of the scanner's sounds: "error" (a blocked item) or "ok" (a good read). */
export type HidBeepKind = "error" | "ok";

/** The report that sounds a beep, ready for `sendReport` / `sendFeatureReport` (data without the report id). */
export interface HidBeepReport {
  readonly type: "output" | "feature";
  readonly reportId: number;
  readonly data: Uint8Array<ArrayBuffer>;
}

/** Why a beep was not sounded. */
export interface HidBeepError {
  /**
   * - `BEEP_UNSUPPORTED`: the descriptor declares no HID POS usage for this beep;
   * - `DEVICE_NOT_OPEN`: no scanner is attached (nobody subscribes to `scans$`, or it is unplugged);
   * - `SEND_FAILED`: the browser or the device refused the report.
   */
  readonly code: "BEEP_UNSUPPORTED" | "DEVICE_NOT_OPEN" | "SEND_FAILED";
  readonly message: string;
}

/**
 * The report that sounds `kind` on a device with these collections, or undefined when it declares none. Output
 * reports are preferred; the beep field is set to 1 and every other field left 0.
 *
 * @example
 * hidBeepReport(device.collections, "error"); // { type: "output", reportId: 4, data: Uint8Array [1] }
 */
export function hidBeepReport(
  collections: readonly HidCollectionInfoLike[],
  kind: HidBeepKind,
): HidBeepReport | undefined {
  const usage = kind === "error" ? HID_POS_USAGES.soundErrorBeep : HID_POS_USAGES.soundGoodReadBeep;
  for (const type of ["output", "feature"] as const) {
    for (const report of collectReports(collections, type === "output" ? "outputReports" : "featureReports")) {
      const field = reportFields(report).find((candidate) => candidate.usage === usage && candidate.bitSize > 0);
      if (!field) continue;
      const data = new Uint8Array(reportByteLength(report));
      // The value 1 in the field's lowest bit: "on" for a 1-bit control, 1 for a wider one.
      data[field.bitOffset >> 3] = (data[field.bitOffset >> 3] ?? 0) | (1 << (field.bitOffset & 7));
      return { type, reportId: report.reportId ?? 0, data };
    }
  }
  return undefined;
}

/**
 * Sounds `kind` on an open device through its HID POS feedback usage.
 *
 * @example
 * const result = await sendHidBeep(device, "error");
 * if (!result.ok && result.error.code === "BEEP_UNSUPPORTED") playTillSound("error");
 */
export async function sendHidBeep(device: HidDeviceLike, kind: HidBeepKind): Promise<Result<void, HidBeepError>> {
  const report = hidBeepReport(device.collections, kind);
  if (!report) {
    const name = kind === "error" ? "Sound Error Beep (0x8C:0x85)" : "Sound Good Read Beep (0x8C:0x86)";
    return fail("BEEP_UNSUPPORTED", `${device.productName} declares no ${name} output or feature usage`);
  }
  if (!device.opened) return fail("DEVICE_NOT_OPEN", `${device.productName} is not open`);
  try {
    if (report.type === "output") await device.sendReport(report.reportId, report.data);
    else await device.sendFeatureReport(report.reportId, report.data);
    return { ok: true, value: undefined };
  } catch (error) {
    return fail("SEND_FAILED", `${device.productName} refused the ${kind} beep report: ${String(error)}`);
  }
}

function fail(code: HidBeepError["code"], message: string): Result<void, HidBeepError> {
  return { ok: false, error: { code, message } };
}
