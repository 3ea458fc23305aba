// Dual-marked packs carry the GTIN twice: an EAN-13 for old tills and a GS1 DataMatrix or QR Code with the expiry and
// batch. GS1's scanning modes (readiness criteria, research pos-domain.md §1.2 item 3): mode 1 sends the first GTIN
// found, mode 2 prefers the 2D code, mode 3 sends every label with a shared set identifier. A till must accept all
// three and never count the pack twice; in mode 3 it merges the set, and without a set identifier it suppresses the
// second barcode of the same GTIN within a short window.
import type { ParseOptions } from "@scangate/gs1";
import { asyncScheduler, Observable, type OperatorFunction, type SchedulerLike, type Subscription } from "rxjs";
import type { Scan } from "../types.js";
import {
  areTwins,
  isGtinOnly,
  isRicher,
  type ModeThreeRead,
  type ProductRead,
  productRead,
  readModeThreePrefix,
} from "./dual-marked-reads.js";

/** A scan out of {@link dualMarked}. */
export interface DualMarkedScan extends Scan {
  /**
   * Set when a richer barcode of a pack arrived after its plain GTIN was already let through: the till must replace
   * the line for `supersedes` with this scan, not add one, so the pack is counted once and its expiry still checked.
   */
  readonly supersedes?: Scan;
}

/** Options of {@link dualMarked}. */
export interface DualMarkedOptions {
  /**
   * How long after a pack's barcode was let through another barcode of the same GTIN counts as the same pack, in
   * milliseconds. Datalogic's "double read timeout" defaults to 1 s for the same reason.
   * @default 1000
   */
  readonly windowMs?: number;
  /**
   * How long a read with nothing but a GTIN (an EAN-13) waits for a richer barcode of the same pack, in
   * milliseconds; the richer one then goes through alone. 0 lets every read through at once and relies on
   * `supersedes`. Any other scan ends the wait, so order is kept.
   * @default 150
   */
  readonly holdMs?: number;
  /** How `@scangate/gs1` reads the GTIN: pass `today` from the store clock, and any `gsSubstitutes`. */
  readonly gs1?: ParseOptions;
  /**
   * Splits the mode-3 set identifier off a scan; undefined when the scan carries none.
   * @default eight digits before the AIM id: `"12345678]E09521234543213"` (layout unverified on hardware)
   */
  readonly readSetId?: (scan: Scan) => ModeThreeRead | undefined;
  /**
   * The clock for `windowMs` and the timer for `holdMs`.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

interface Emitted {
  readonly read: ProductRead;
  readonly at: number;
}

/**
 * Lets one scan through per dual-marked pack, preferring the richer (2D) barcode. Scans that are not GS1 product
 * codes (payment codes, URLs, SSCCs) pass straight through; a mode-3 set identifier is removed from every scan.
 *
 * @example
 * scanner.scans$.pipe(dedupe(), dualMarked({ gs1: { today } })).subscribe((scan) =>
 *   scan.supersedes ? basket.replace(scan.supersedes, scan) : basket.add(scan),
 * );
 */
export function dualMarked(options: DualMarkedOptions = {}): OperatorFunction<Scan, DualMarkedScan> {
  const windowMs = options.windowMs ?? 1000;
  const holdMs = options.holdMs ?? 150;
  const readSetId = options.readSetId ?? readModeThreePrefix;
  const scheduler = options.scheduler ?? asyncScheduler;
  if (!(windowMs >= 0) || !(holdMs >= 0)) throw new RangeError("dualMarked: windowMs and holdMs must be ≥ 0");

  return (scans$) =>
    new Observable<DualMarkedScan>((subscriber) => {
      const emitted = new Map<string, Emitted>();
      let held: { read: ProductRead; timer: Subscription } | undefined;

      const pass = (read: ProductRead, supersedes?: Scan) => {
        emitted.set(read.gtin, { read, at: scheduler.now() });
        subscriber.next(supersedes === undefined ? read.scan : { ...read.scan, supersedes });
      };
      const releaseHeld = () => {
        if (held === undefined) return;
        const { read, timer } = held;
        held = undefined;
        timer.unsubscribe();
        pass(read);
      };

      const subscription = scans$.subscribe({
        next: (incoming) => {
          const split = readSetId(incoming);
          const scan = split?.scan ?? incoming;
          const read = productRead(scan, split?.setId, options.gs1);
          if (read === undefined) {
            releaseHeld();
            subscriber.next(scan);
            return;
          }
          if (held !== undefined && areTwins(held.read, read)) {
            if (!isRicher(read, held.read)) return;
            held.timer.unsubscribe();
            held = undefined;
            pass(read);
            return;
          }
          releaseHeld();
          const now = scheduler.now();
          for (const [gtin, entry] of emitted) if (now - entry.at > windowMs) emitted.delete(gtin);
          const previous = emitted.get(read.gtin);
          if (previous !== undefined && areTwins(previous.read, read)) {
            if (isRicher(read, previous.read)) pass(read, previous.read.scan);
            return;
          }
          if (holdMs > 0 && isGtinOnly(read)) {
            held = { read, timer: scheduler.schedule(releaseHeld, holdMs) };
            return;
          }
          pass(read);
        },
        error: (error: unknown) => {
          releaseHeld();
          subscriber.error(error);
        },
        complete: () => {
          releaseHeld();
          subscriber.complete();
        },
      });
      return () => {
        held?.timer.unsubscribe();
        subscription.unsubscribe();
      };
    });
}
