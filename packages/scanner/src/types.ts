// The contracts every scan source and operator in @scangate/scanner shares.
import type { Observable } from "rxjs";

/** Where a scan came from. */
export type ScanSourceKind = "keyboard" | "hid" | "serial" | "camera" | "manual";

/**
 * One read of one barcode, as the till receives it.
 *
 * `text` is the data without the AIM symbology identifier, with every FNC1 after the first as GS (ASCII 29);
 * the AIM id (which stands for FNC1 in first position) is in `symbology`. `@scangate/gs1`'s `parse()` reads
 * `(scan.symbology ?? "") + scan.text`; {@link scanData} builds that string.
 */
export interface Scan {
  /** The data, AIM id removed, every later FNC1 as "\u001d". */
  readonly text: string;
  /** The AIM symbology identifier, e.g. "]d2"; absent when the device did not send one and it cannot be known. */
  readonly symbology?: string;
  readonly source: ScanSourceKind;
  /** Which device: "keyboard", "hid:0c2e:0b07", "serial:1a86:7523", "camera:<deviceId>", "manual". */
  readonly device?: string;
  /** Epoch milliseconds of the first key, report, byte or frame of the scan (from the injected scheduler). */
  readonly at: number;
  /** The bytes as received, where the transport has bytes (HID, serial, camera decoders). */
  readonly raw?: Uint8Array;
  /** Who said what the symbology is: the device, the camera decoder, or ScanGate inferring it from the content. */
  readonly symbologySource?: "device" | "decoder" | "inferred";
  /**
   * What was repaired on the way, e.g. "gs:ctrl-]", "gs:alt-0029", "gs:substitute:|", "layout:us-codes",
   * "aim:leading-gs", "hid:truncated". Empty or absent when the scan arrived as sent.
   */
  readonly normalizations?: readonly string[];
}

/** The string `@scangate/gs1`'s `parse()` expects: the AIM id (if any) followed by the data. */
export function scanData(scan: Pick<Scan, "text" | "symbology">): string {
  return (scan.symbology ?? "") + scan.text;
}

/** Something an integrator should know about a scanner: a wrong mode, a lost connection, a layout mismatch. */
export interface ScannerDiagnostic {
  /** Stable code, e.g. "hid.not-pos-mode", "hid.disconnected", "wedge.layout-mismatch", "serial.read-failed". */
  readonly code: string;
  /** English, for logs and the set-up screen. */
  readonly message: string;
  /** The scanner setting that fixes it, in the vendors' words, when there is one. */
  readonly setting?: string;
}

/** A source's condition: what a till's status bar shows. */
export interface ScannerStatus {
  readonly state: "idle" | "connecting" | "ready" | "disconnected" | "failed";
  readonly device?: string;
  readonly diagnostic?: ScannerDiagnostic;
}

/**
 * A scanner as one cold, shared stream of scans plus its status. The first subscriber to `scans$` opens the
 * device and the last unsubscribe releases it; `scans$` never errors for device trouble (an unplugged scanner
 * or a wrong mode shows on `status$`, so the stream survives a replug).
 */
export interface ScanSource {
  readonly kind: ScanSourceKind;
  readonly scans$: Observable<Scan>;
  readonly status$: Observable<ScannerStatus>;
}
