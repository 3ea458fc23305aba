// The Web Serial scan source for scanners in serial mode (USB CDC-ACM "virtual COM", or a real UART): the port is
// opened by the first subscriber and closed after the last; bytes are framed on the suffix, with an idle flush only
// for scanners that send none; a read error re-opens the port with back-off (research/scanners.md §5, §9.4).
import { asyncScheduler, BehaviorSubject, Observable, type SchedulerLike, type Subscription, share } from "rxjs";
import type { Scan, ScannerStatus, ScanSource } from "../types.js";
import { createFrameSplitter, DEFAULT_SERIAL_SUFFIXES, type SerialFrame } from "./frame-splitter.js";
import { type SerialLike, type SerialPortLike, serialPortLabel } from "./serial-port-like.js";
import { serialScan } from "./serial-scan.js";

/** Options of {@link webSerial}. */
export interface WebSerialOptions {
  /** Baud rate. USB CDC scanners ignore it (the link runs at USB speed); a UART scanner must match it. @default 9600 */
  readonly baudRate?: number;
  /**
   * What the scanner ends each scan with, as strings of byte values; a scan ends the moment one is complete.
   * @default ["\r\n", "\r", "\n"]
   */
  readonly suffixes?: readonly string[];
  /**
   * Silence after which a scan that got no suffix is emitted anyway, in milliseconds: the fallback for scanners
   * configured without one (each of their scans waits this long). Reported once as "serial.no-suffix".
   * @default max(30, 200000 / baudRate), i.e. 20 characters' time, and 30 ms at 9600 baud
   */
  readonly idleFlushMs?: number;
  /**
   * The Web Serial API (`navigator.serial`) or a stand-in. With it, each reconnect attempt looks among the granted
   * ports for the scanner (same USB vendor and product id) in case the browser handed out a new port object.
   * @default undefined
   */
  readonly serial?: SerialLike;
  /** Clock of `Scan.at`, the idle flush and the reconnect back-off. @default asyncScheduler */
  readonly scheduler?: SchedulerLike;
}

/** Waits between reconnect attempts after a read or open failure, ms; the last one repeats. */
export const SERIAL_RECONNECT_DELAYS_MS: readonly number[] = [250, 500, 1000, 2000, 4000];

/**
 * Reads a barcode scanner in serial mode through Web Serial.
 *
 * Every byte is kept: Latin-1 text (GS stays "\u001d"), the leading AIM id moved to `symbology`. A read error
 * drops the partial scan, shows `disconnected` ("serial.read-failed") and re-opens the port after 250 ms, 500 ms,
 * 1 s, 2 s, then every 4 s, until it works or the last subscriber leaves.
 *
 * @example
 * const port = await navigator.serial.requestPort(); // from a click handler
 * const scanner = webSerial(port, { serial: navigator.serial });
 * scanner.scans$.subscribe((scan) => handleScan(scan));
 */
export function webSerial(port: SerialPortLike, options: WebSerialOptions = {}): ScanSource {
  const scheduler = options.scheduler ?? asyncScheduler;
  const baudRate = options.baudRate ?? 9600;
  const suffixes = options.suffixes ?? DEFAULT_SERIAL_SUFFIXES;
  const idleFlushMs = options.idleFlushMs ?? Math.max(30, Math.ceil(200_000 / baudRate));
  createFrameSplitter(suffixes); // throws here, at the caller's mistake, for a suffix that is not bytes
  const status = new BehaviorSubject<ScannerStatus>({ state: "idle", device: serialPortLabel(port) });
  let latest = port;
  let released: Promise<void> = Promise.resolve(); // the last subscription's close, awaited before the next open

  const scans$ = new Observable<Scan>((subscriber) => {
    let active = true;
    let reader: ReadableStreamDefaultReader<Uint8Array> | undefined;
    let timer: Subscription | undefined; // back-off
    let wake: (() => void) | undefined; // ends a back-off early on unsubscribe
    let idleTimer: Subscription | undefined;
    let failures = 0;
    let reportedNoSuffix = false;
    const splitter = createFrameSplitter(suffixes);
    const setStatus = (next: ScannerStatus) => {
      if (active) status.next(next);
    };
    const emit = (frame: SerialFrame, label: string) => {
      if (active) subscriber.next(serialScan(frame, label));
    };

    const backOff = () =>
      new Promise<void>((resolve) => {
        if (!active) return resolve();
        const delay = SERIAL_RECONNECT_DELAYS_MS[Math.min(failures, SERIAL_RECONNECT_DELAYS_MS.length - 1)] ?? 4000;
        failures++;
        wake = resolve;
        timer = scheduler.schedule(() => resolve(), delay);
      });

    const onChunk = (chunk: Uint8Array, label: string) => {
      for (const frame of splitter.push(chunk, scheduler.now())) emit(frame, label);
      idleTimer?.unsubscribe();
      if (splitter.pendingByteCount === 0) return;
      idleTimer = scheduler.schedule(() => {
        const frame = splitter.flush();
        if (!frame) return;
        if (!reportedNoSuffix) {
          reportedNoSuffix = true;
          setStatus({ state: "ready", device: label, diagnostic: noSuffixDiagnostic(idleFlushMs) });
        }
        emit(frame, label);
      }, idleFlushMs);
    };

    // Resolves with the error that ended reading, or undefined when reading ended because we unsubscribed.
    const readUntilFailure = async (open: SerialPortLike, label: string): Promise<unknown> => {
      const readable = open.readable;
      if (!readable) return new Error("the port has no readable stream");
      const current = readable.getReader();
      reader = current;
      try {
        for (;;) {
          const { value, done } = await current.read();
          if (!active) return undefined;
          if (done) return new Error("the port stopped sending");
          failures = 0;
          onChunk(value, label);
        }
      } catch (error) {
        return active ? error : undefined;
      } finally {
        reader = undefined;
        current.releaseLock();
      }
    };

    const run = async () => {
      let opened: SerialPortLike | undefined;
      for (let attempt = 0; active; attempt++) {
        latest = await grantedTwin(options.serial, latest);
        if (!active) break;
        const label = serialPortLabel(latest);
        setStatus({ state: "connecting", device: label });
        try {
          await latest.open({ baudRate });
          opened = latest;
        } catch (error) {
          setStatus({ state: "disconnected", device: label, diagnostic: failure("serial.open-failed", error) });
          await backOff();
          continue;
        }
        if (!active) break;
        const reconnected = attempt > 0;
        setStatus({
          state: "ready",
          device: label,
          ...(reconnected ? { diagnostic: { code: "serial.reconnected", message: "the scanner is back" } } : {}),
        });
        const error = await readUntilFailure(opened, label);
        idleTimer?.unsubscribe();
        const dropped = splitter.pendingByteCount;
        splitter.reset();
        if (!active) break;
        setStatus({ state: "disconnected", device: label, diagnostic: failure("serial.read-failed", error, dropped) });
        await closeQuietly(opened);
        opened = undefined;
        await backOff();
      }
      if (opened) await closeQuietly(opened);
    };

    const done = released.then(run);
    return () => {
      active = false;
      timer?.unsubscribe();
      idleTimer?.unsubscribe();
      wake?.();
      reader?.cancel().catch(() => undefined);
      status.next({ state: "idle", device: serialPortLabel(latest) });
      released = done;
    };
  }).pipe(share());

  return { kind: "serial", scans$, status$: status.asObservable() };
}

// The port object the browser now has for the same scanner: the one we hold while it is still granted, else a
// granted, closed port with the same USB ids.
async function grantedTwin(serial: SerialLike | undefined, port: SerialPortLike): Promise<SerialPortLike> {
  if (!serial) return port;
  try {
    const granted = await serial.getPorts();
    if (granted.includes(port)) return port;
    const { usbVendorId, usbProductId } = port.getInfo();
    if (usbVendorId === undefined) return port;
    const twin = granted.find((candidate) => {
      const info = candidate.getInfo();
      return info.usbVendorId === usbVendorId && info.usbProductId === usbProductId && candidate.readable === null;
    });
    return twin ?? port;
  } catch {
    return port;
  }
}

async function closeQuietly(port: SerialPortLike): Promise<void> {
  try {
    await port.close();
  } catch {
    // Already closed, or gone with the device: either way it is released.
  }
}

function failure(code: "serial.open-failed" | "serial.read-failed", error: unknown, droppedBytes = 0) {
  const what = code === "serial.open-failed" ? "could not open the port" : "reading failed";
  const dropped = droppedBytes > 0 ? `; the ${droppedBytes} bytes of an unfinished scan were dropped` : "";
  return { code, message: `${what} (${String(error)})${dropped}; retrying` };
}

function noSuffixDiagnostic(idleFlushMs: number) {
  return {
    code: "serial.no-suffix",
    message: `scans arrive without a suffix, so each one waits ${idleFlushMs} ms of silence and quick scans may merge`,
    setting: "Turn on a CR (or CR LF) suffix for all symbologies in the scanner's data-format settings",
  };
}
