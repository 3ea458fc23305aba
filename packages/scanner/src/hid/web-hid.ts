// The WebHID scan source for HID POS scanners (usage page 0x8C): the device is opened by the first subscriber and
// closed after the last, its reports go through the pure layout → decoder → joiner core, and an injected `hid`
// (navigator.hid) lets the source follow the scanner across unplug and replug (research/scanners.md §9.3).
import type { Result } from "@scangate/gs1";
import { asyncScheduler, BehaviorSubject, Observable, type SchedulerLike, share } from "rxjs";
import type { Scan, ScannerDiagnostic, ScannerStatus, ScanSource } from "../types.js";
import { type HidBeepError, type HidBeepKind, sendHidBeep } from "./hid-beep.js";
import { connectionEventDevice, type HidDeviceLike, type HidLike, hidDeviceLabel } from "./hid-device-like.js";
import { hidPosModeSetting } from "./hid-pos-settings.js";
import { type HidReportListener, listenForHidScans } from "./hid-report-listener.js";
import { redirectHoneywellOutput } from "./honeywell-redirect.js";
import { type HidPosLayoutError, hidPosReportLayout } from "./report-layout.js";

/** Options of {@link webHid}. */
export interface WebHidOptions {
  /**
   * The WebHID API (`navigator.hid`) or a stand-in. With it the source re-opens the scanner when it is plugged
   * back in (matched by vendor id, product id and product name), and looks among the granted devices when the
   * device it was given can no longer be opened. Without it, an unplugged scanner stays disconnected.
   * @default undefined
   */
  readonly hid?: HidLike;
  /**
   * How long to wait for the next report of a scan whose report said "continued", in milliseconds. After it, what
   * arrived is emitted with the normalization "hid:truncated".
   * @default 500
   */
  readonly continuationTimeoutMs?: number;
  /** Clock of `Scan.at` and of the continuation timeout. @default asyncScheduler */
  readonly scheduler?: SchedulerLike;
}

/** A HID POS scan source, which can also sound the scanner's own beeper. */
export interface HidScanSource extends ScanSource {
  readonly kind: "hid";
  /**
   * Sounds the scanner's error or good-read beep through the HID POS feedback usages (Sound Error Beep 0x8C:0x85,
   * Sound Good Read Beep 0x8C:0x86), where the descriptor declares them. Resolves with `BEEP_UNSUPPORTED` where it
   * does not (then sound the till instead), and `DEVICE_NOT_OPEN` while nobody subscribes to `scans$`.
   */
  beep(kind: HidBeepKind): Promise<Result<void, HidBeepError>>;
}

/**
 * Reads a USB HID POS barcode scanner through WebHID.
 *
 * Scans keep every byte: the text is decoded as Latin-1 (GS stays "\u001d") and the AIM id comes from the
 * report's symbology fields. A scanner left in keyboard mode shows `failed` with the diagnostic "hid.not-pos-mode"
 * naming the setting to change; an unplugged one shows `disconnected` ("hid.disconnected") until it comes back.
 *
 * @example
 * const result = await requestHidScanner(navigator.hid); // from a click handler
 * if (result.ok) {
 *   const scanner = webHid(result.value, { hid: navigator.hid });
 *   scanner.status$.subscribe((status) => showScannerStatus(status));
 *   scanner.scans$.subscribe((scan) => handleScan(scan));
 * }
 */
export function webHid(device: HidDeviceLike, options: WebHidOptions = {}): HidScanSource {
  const scheduler = options.scheduler ?? asyncScheduler;
  const continuationTimeoutMs = options.continuationTimeoutMs ?? 500;
  const { hid } = options;
  const status = new BehaviorSubject<ScannerStatus>({ state: "idle", device: hidDeviceLabel(device) });
  let latest = device; // the scanner's current HIDDevice: a replug hands out a new object
  let attached: HidDeviceLike | undefined; // open and listened to by the current subscription
  let released: Promise<void> = Promise.resolve(); // the last subscription's close, awaited before the next open
  const unplugged = new WeakSet<HidDeviceLike>(); // device objects the browser has disconnected: dead for good

  const scans$ = new Observable<Scan>((subscriber) => {
    let active = true;
    let listener: HidReportListener | undefined;
    let openedByUs: HidDeviceLike | undefined;
    let pendingAttach: Promise<void> = Promise.resolve();
    const setStatus = (next: ScannerStatus) => {
      if (active) status.next(next);
    };
    const detach = (flushPending: boolean) => {
      listener?.stop(flushPending);
      listener = undefined;
      attached = undefined;
    };

    const attach = async (candidate: HidDeviceLike, reconnected: boolean, mayLookUp: boolean): Promise<void> => {
      latest = candidate;
      const label = hidDeviceLabel(candidate);
      if (unplugged.has(candidate)) {
        const twin = mayLookUp ? await findGrantedTwin(hid, candidate) : undefined;
        if (twin && active) return attach(twin, reconnected, false);
        setStatus(disconnectedStatus(candidate));
        return;
      }
      const layout = hidPosReportLayout(candidate.collections);
      if (!layout.ok) {
        setStatus({ state: "failed", device: label, diagnostic: notPosModeDiagnostic(candidate, layout.error) });
        return;
      }
      setStatus({ state: "connecting", device: label });
      try {
        if (!candidate.opened) {
          await candidate.open();
          openedByUs = candidate;
        }
      } catch (error) {
        if (!active || unplugged.has(candidate)) return;
        // A HIDDevice from before an unplug cannot be opened again; the replugged scanner is a new object.
        const fresh = mayLookUp ? await findGrantedTwin(hid, candidate) : undefined;
        if (fresh && active) return attach(fresh, reconnected, false);
        setStatus({ state: "failed", device: label, diagnostic: openFailedDiagnostic(candidate, error) });
        return;
      }
      if (!active) return;
      await redirectHoneywellOutput(candidate);
      // Unsubscribed, or unplugged (the browser closes the device), while we waited.
      if (!active || !candidate.opened) return;
      listener = listenForHidScans(candidate, {
        layout: layout.value,
        label,
        scheduler,
        continuationTimeoutMs,
        onScan: (scan) => subscriber.next(scan),
      });
      attached = candidate;
      setStatus({
        state: "ready",
        device: label,
        ...(reconnected
          ? { diagnostic: { code: "hid.reconnected", message: `${candidate.productName} is back` } }
          : {}),
      });
    };

    const onDisconnect = (event: Event) => {
      const gone = connectionEventDevice(event);
      if (!gone) return;
      unplugged.add(gone);
      if (gone !== latest) return;
      detach(true);
      if (openedByUs === gone) openedByUs = undefined; // the browser has closed it
      setStatus(disconnectedStatus(gone));
    };
    const onConnect = (event: Event) => {
      const back = connectionEventDevice(event);
      if (!back || !isSameScanner(back, latest)) return;
      // After any attach still in flight, so two never open the same device at once.
      pendingAttach = pendingAttach.then(() => (active && !attached ? attach(back, true, false) : undefined));
    };

    hid?.addEventListener("disconnect", onDisconnect);
    hid?.addEventListener("connect", onConnect);
    pendingAttach = released.then(() => (active ? attach(latest, false, true) : undefined));

    return () => {
      active = false;
      hid?.removeEventListener("disconnect", onDisconnect);
      hid?.removeEventListener("connect", onConnect);
      detach(false);
      status.next({ state: "idle", device: hidDeviceLabel(latest) });
      released = pendingAttach.then(async () => {
        await openedByUs?.close().catch(() => undefined);
      });
    };
  }).pipe(share());

  return {
    kind: "hid",
    scans$,
    status$: status.asObservable(),
    beep: (kind) => sendHidBeep(attached ?? latest, kind),
  };
}

function isSameScanner(a: HidDeviceLike, b: HidDeviceLike): boolean {
  return a.vendorId === b.vendorId && a.productId === b.productId && a.productName === b.productName;
}

async function findGrantedTwin(hid: HidLike | undefined, stale: HidDeviceLike): Promise<HidDeviceLike | undefined> {
  try {
    const granted = (await hid?.getDevices()) ?? [];
    return granted.find((candidate) => candidate !== stale && isSameScanner(candidate, stale));
  } catch {
    return undefined;
  }
}

function disconnectedStatus(device: HidDeviceLike): ScannerStatus {
  return {
    state: "disconnected",
    device: hidDeviceLabel(device),
    diagnostic: { code: "hid.disconnected", message: `${device.productName} was unplugged; waiting for it` },
  };
}

function notPosModeDiagnostic(device: HidDeviceLike, error: HidPosLayoutError): ScannerDiagnostic {
  const mode = error.hasKeyboard ? "is in keyboard mode" : "is not in HID POS mode";
  return {
    code: "hid.not-pos-mode",
    message: `${device.productName} ${mode}: ${error.message}`,
    setting: hidPosModeSetting(device.vendorId),
  };
}

function openFailedDiagnostic(device: HidDeviceLike, error: unknown): ScannerDiagnostic {
  return {
    code: "hid.open-failed",
    message: `${device.productName} could not be opened (${String(error)}); another tab or program may hold it`,
  };
}
