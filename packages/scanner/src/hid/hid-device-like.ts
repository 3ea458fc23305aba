// Structural stand-ins for the WebHID types. TypeScript's DOM lib has no WebHID, and typing against the shapes
// (not the browser classes) lets tests drive the real code with a plain EventTarget: `HIDInputReportEvent` cannot
// be constructed by a page ("Illegal constructor", research/scanners.md §4.4). `navigator.hid` and its devices
// satisfy these types as they are. Optional fields allow `undefined` so that @types/w3c-web-hid values fit too.

/** One main item of a HID report, as WebHID's `HIDReportItem` describes it (only the fields ScanGate reads). */
export interface HidReportItemLike {
  /** 32-bit extended usages (`page << 16 | id`), one per field; the last one repeats for the remaining fields. */
  readonly usages?: readonly number[] | undefined;
  /** With `isRange`, fields take the usages `usageMinimum`, `usageMinimum + 1`, … in order. */
  readonly isRange?: boolean | undefined;
  readonly usageMinimum?: number | undefined;
  readonly usageMaximum?: number | undefined;
  /** Bits per field. */
  readonly reportSize?: number | undefined;
  /** Number of fields. */
  readonly reportCount?: number | undefined;
}

/** One report of a collection, as WebHID's `HIDReportInfo` describes it. */
export interface HidReportInfoLike {
  readonly reportId?: number | undefined;
  readonly items?: readonly HidReportItemLike[] | undefined;
}

/** One collection of a device, as WebHID's `HIDCollectionInfo` describes it. */
export interface HidCollectionInfoLike {
  readonly usagePage?: number | undefined;
  readonly usage?: number | undefined;
  readonly children?: readonly HidCollectionInfoLike[] | undefined;
  readonly inputReports?: readonly HidReportInfoLike[] | undefined;
  readonly outputReports?: readonly HidReportInfoLike[] | undefined;
  readonly featureReports?: readonly HidReportInfoLike[] | undefined;
}

/** A WebHID device (`HIDDevice`) or anything shaped like one. Dispatches `inputreport` events. */
export interface HidDeviceLike extends EventTarget {
  readonly opened: boolean;
  readonly vendorId: number;
  readonly productId: number;
  readonly productName: string;
  readonly collections: readonly HidCollectionInfoLike[];
  open(): Promise<void>;
  close(): Promise<void>;
  /** `data` excludes the report id, as in WebHID. */
  sendReport(reportId: number, data: BufferSource): Promise<void>;
  sendFeatureReport(reportId: number, data: BufferSource): Promise<void>;
}

/** The fields of WebHID's `HIDInputReportEvent` that ScanGate reads. `data` excludes the report id. */
export interface HidInputReportEventLike extends Event {
  readonly reportId: number;
  readonly data: DataView;
}

/** The WebHID API object (`navigator.hid`) as `webHid` uses it: granted devices, plus `connect`/`disconnect`. */
export interface HidLike extends EventTarget {
  getDevices(): Promise<readonly HidDeviceLike[]>;
}

/** A WebHID `requestDevice` filter. */
export interface HidDeviceFilter {
  readonly vendorId?: number;
  readonly productId?: number;
  readonly usagePage?: number;
  readonly usage?: number;
}

/** The WebHID API object (`navigator.hid`) as `requestHidScanner` uses it. */
export interface HidRequestLike {
  requestDevice(options: { filters: HidDeviceFilter[] }): Promise<readonly HidDeviceLike[]>;
}

/** Whether an event carries an input report (a real `HIDInputReportEvent`, or a plain `Event` from a fake). */
export function isInputReportEvent(event: Event): event is HidInputReportEventLike {
  const candidate = event as Partial<HidInputReportEventLike>;
  return typeof candidate.reportId === "number" && candidate.data instanceof DataView;
}

/** The device a WebHID `connect`/`disconnect` event names, if it names one. */
export function connectionEventDevice(event: Event): HidDeviceLike | undefined {
  const device = (event as { device?: unknown }).device;
  return typeof device === "object" && device !== null && "collections" in device
    ? (device as HidDeviceLike)
    : undefined;
}

/** The `Scan.device` label of a HID device: "hid:" + vendor id + ":" + product id, 4 hex digits each. */
export function hidDeviceLabel(device: Pick<HidDeviceLike, "vendorId" | "productId">): string {
  return `hid:${hex4(device.vendorId)}:${hex4(device.productId)}`;
}

function hex4(value: number): string {
  return value.toString(16).padStart(4, "0");
}
