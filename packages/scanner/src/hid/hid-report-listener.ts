// Listens to one open HID POS device and turns its input reports into scans: decode by the layout, join continued
// reports, and end a scan whose continuation never comes after a timeout on the injected scheduler.
import type { SchedulerLike, Subscription } from "rxjs";
import type { Scan } from "../types.js";
import { type HidDeviceLike, isInputReportEvent } from "./hid-device-like.js";
import { hidScan } from "./hid-scan.js";
import { decodeHidPosReport } from "./report-decoder.js";
import { flushTruncatedHidScan, joinHidReport, type PendingHidScan } from "./report-joiner.js";
import type { HidPosReportLayout } from "./report-layout.js";

/** What `listenForHidScans` needs besides the device. */
export interface HidReportListenerOptions {
  readonly layout: HidPosReportLayout;
  /** The `Scan.device` label. */
  readonly label: string;
  readonly scheduler: SchedulerLike;
  /** How long to wait for the next report of a continued scan, ms. */
  readonly continuationTimeoutMs: number;
  readonly onScan: (scan: Scan) => void;
}

/** A running listener. */
export interface HidReportListener {
  /** Stops listening. With `flushPending`, a scan still waiting for reports is emitted as truncated first. */
  stop(flushPending: boolean): void;
}

/** Starts turning the device's input reports into scans. The device must be open to deliver reports. */
export function listenForHidScans(device: HidDeviceLike, options: HidReportListenerOptions): HidReportListener {
  const { layout, label, scheduler, continuationTimeoutMs, onScan } = options;
  let pending: PendingHidScan | undefined;
  let timeout: Subscription | undefined;

  const flushPending = () => {
    timeout?.unsubscribe();
    timeout = undefined;
    if (!pending) return;
    const truncated = flushTruncatedHidScan(pending);
    pending = undefined;
    onScan(hidScan(truncated, label));
  };

  const onInputReport = (event: Event) => {
    if (!isInputReportEvent(event)) return;
    const report = decodeHidPosReport(layout, event.reportId, event.data);
    if (!report) return;
    timeout?.unsubscribe();
    timeout = undefined;
    const step = joinHidReport(pending, report, scheduler.now());
    pending = step.pending;
    if (step.completed) onScan(hidScan(step.completed, label));
    if (pending) timeout = scheduler.schedule(flushPending, continuationTimeoutMs);
  };

  device.addEventListener("inputreport", onInputReport);
  return {
    stop(flush) {
      device.removeEventListener("inputreport", onInputReport);
      if (flush) flushPending();
      timeout?.unsubscribe();
      pending = undefined;
    },
  };
}
