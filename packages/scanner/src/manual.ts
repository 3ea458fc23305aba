// Codes a cashier types in (a worn label, a phone screen the scanner cannot read) enter the same stream as
// scanned ones, so everything downstream (dedupe, classify, the basket) treats them alike.
import { asyncScheduler, BehaviorSubject, Observable, type SchedulerLike, share } from "rxjs";
import { splitAimPrefix } from "./aim-prefix.js";
import type { Scan, ScannerStatus, ScanSource } from "./types.js";

/** Options of {@link manual}. */
export interface ManualOptions {
  /**
   * Where the scan time comes from: `at` is `scheduler.now()` when the text arrives.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

const IDLE: ScannerStatus = { state: "idle", device: "manual" };
const READY: ScannerStatus = { state: "ready", device: "manual" };
const INPUT_FAILED: ScannerStatus = {
  state: "failed",
  device: "manual",
  diagnostic: {
    code: "manual.input-failed",
    message: "The stream of typed codes failed; typed codes no longer arrive",
  },
};

/**
 * A scan source for typed-in codes. Each non-blank string from `text$` becomes one {@link Scan} of source and device
 * `"manual"`, trimmed, with a leading AIM id typed by hand (`]E09521234543213`) moved to `symbology`. Bracketed AIs
 * (`(01)09521234543213(10)ABC`) pass as typed: `@scangate/gs1` reads them. Like every source, `scans$` is cold and
 * shared (the first subscriber subscribes to `text$`, the last unsubscribe releases it) and never errors: an error
 * of `text$` shows on `status$` as `failed` with diagnostic `manual.input-failed`.
 *
 * @example
 * const typed$ = new Subject<string>();
 * const source = manual(typed$);
 * source.scans$.subscribe(addToBasket);
 * typed$.next("]E09521234543213"); // { text: "9521234543213", symbology: "]E0", source: "manual", … }
 */
export function manual(text$: Observable<string>, options: ManualOptions = {}): ScanSource {
  const scheduler = options.scheduler ?? asyncScheduler;
  const status$ = new BehaviorSubject<ScannerStatus>(IDLE);
  const scans$ = new Observable<Scan>((subscriber) => {
    status$.next(READY);
    const subscription = text$.subscribe({
      next: (typed) => {
        const scan = typedScan(typed, scheduler.now());
        if (scan !== undefined) subscriber.next(scan);
      },
      error: () => status$.next(INPUT_FAILED),
      complete: () => subscriber.complete(),
    });
    return () => {
      subscription.unsubscribe();
      status$.next(IDLE);
    };
  }).pipe(share());
  return { kind: "manual", scans$, status$: status$.asObservable() };
}

function typedScan(typed: string, at: number): Scan | undefined {
  const { symbology, text } = splitAimPrefix(typed.trim());
  // Blank input, or an AIM id alone: nothing to look up.
  if (text === "") return undefined;
  const scan: Scan = { text, source: "manual", device: "manual", at };
  return symbology === undefined ? scan : { ...scan, symbology };
}
