// A HidDeviceLike for tests: a real EventTarget that dispatches plain `inputreport` Events carrying `reportId`,
// `data` (a DataView) and `device`, because pages cannot construct HIDInputReportEvent ("Illegal constructor").
import type { HidCollectionInfoLike, HidDeviceLike } from "../../src/hid/hid-device-like.js";
import { hidPosScanReports, type ScanReportOptions } from "./hid-pos-reports.js";
import { latin1Bytes } from "./latin1-bytes.js";

/** A report the device received from the page. */
export interface SentReport {
  readonly reportId: number;
  readonly bytes: Uint8Array;
}

/** A scripted HID device. */
export interface FakeHidDevice extends HidDeviceLike {
  readonly openCount: number;
  readonly closeCount: number;
  readonly sentReports: readonly SentReport[];
  readonly sentFeatureReports: readonly SentReport[];
  /** Dispatches one input report, as the device does only while open; returns whether it was dispatched. */
  input(reportId: number, bytes: Uint8Array<ArrayBuffer>): boolean;
  /** Sends `text` (one byte per character) as the descriptor lays it out, split into as many reports as needed. */
  scan(text: string, options?: ScanReportOptions): void;
  /** Makes every later `open()` reject with `error`, until called with undefined. */
  failOpens(error: Error | undefined): void;
  /** What the browser does to the device object on unplug: closes it, and every later `open()` rejects. */
  disconnect(): void;
}

/** What the fake reports about itself. */
export interface FakeHidDeviceInit {
  readonly vendorId?: number;
  readonly productId?: number;
  readonly productName?: string;
  readonly collections: readonly HidCollectionInfoLike[];
}

/** Creates a closed fake device. Defaults: Honeywell's vendor id 0x0C2E, product 0x0B07, "Fake Voyager 1470g". */
export function createFakeHidDevice(init: FakeHidDeviceInit): FakeHidDevice {
  const target = new EventTarget();
  let opened = false;
  let openCount = 0;
  let closeCount = 0;
  let openError: Error | undefined;
  let disconnected = false;
  const sentReports: SentReport[] = [];
  const sentFeatureReports: SentReport[] = [];
  const copy = (data: BufferSource) =>
    ArrayBuffer.isView(data)
      ? new Uint8Array(data.buffer, data.byteOffset, data.byteLength).slice()
      : new Uint8Array(data).slice();

  const device = Object.assign(target, {
    vendorId: init.vendorId ?? 0x0c2e,
    productId: init.productId ?? 0x0b07,
    productName: init.productName ?? "Fake Voyager 1470g",
    collections: init.collections,
    sentReports,
    sentFeatureReports,
    async open() {
      if (disconnected) throw new DOMException("The device was disconnected.", "NotFoundError");
      if (openError) throw openError;
      if (opened) throw new DOMException("The device is already open.", "InvalidStateError");
      opened = true;
      openCount++;
    },
    async close() {
      if (opened) closeCount++;
      opened = false;
    },
    async sendReport(reportId: number, data: BufferSource) {
      if (!opened) throw new DOMException("The device must be opened first.", "InvalidStateError");
      sentReports.push({ reportId, bytes: copy(data) });
    },
    async sendFeatureReport(reportId: number, data: BufferSource) {
      if (!opened) throw new DOMException("The device must be opened first.", "InvalidStateError");
      sentFeatureReports.push({ reportId, bytes: copy(data) });
    },
    input(reportId: number, bytes: Uint8Array<ArrayBuffer>) {
      if (!opened) return false;
      const data = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
      target.dispatchEvent(Object.assign(new Event("inputreport"), { reportId, data, device }));
      return true;
    },
    scan(text: string, options?: ScanReportOptions) {
      for (const report of hidPosScanReports(init.collections, latin1Bytes(text), options)) {
        device.input(report.reportId, report.bytes);
      }
    },
    failOpens(error: Error | undefined) {
      openError = error;
    },
    disconnect() {
      opened = false;
      disconnected = true;
    },
  });
  Object.defineProperties(device, {
    opened: { get: () => opened },
    openCount: { get: () => openCount },
    closeCount: { get: () => closeCount },
  });
  return device as typeof device & {
    readonly opened: boolean;
    readonly openCount: number;
    readonly closeCount: number;
  };
}
