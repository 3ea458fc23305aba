// Codes a cashier types in (a worn label, a phone screen the scanner cannot read) enter the same stream as
// scanned ones, so everything downstream (dedupe, classify, the basket) treats them alike.
import { asyncScheduler, filter, map, type Observable, of, type SchedulerLike, share } from "rxjs";
import type { Scan, ScannerStatus, ScanSource } from "./types.js";

/** Options of {@link manual}. */
export interface ManualOptions {
  /**
   * Where the scan time comes from: `at` is `scheduler.now()` when the text arrives.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

/** An AIM symbology identifier at the start of typed text: "]" + the symbology letter + its modifier (ISO/IEC 15424). */
const LEADING_AIM_ID = /^\][A-Za-z][0-9A-Za-z]/;

/**
 * A scan source for typed-in codes. Each non-blank string from `text$` becomes one {@link Scan} of source
 * `"manual"` and device `"manual"`, with the surrounding white space trimmed and a leading AIM id typed by hand
 * (`]E09521234543213`) moved to `symbology`. Bracketed AIs (`(01)09521234543213(10)ABC`) pass through as typed:
 * `@scangate/gs1` reads them.
 *
 * @example
 * const typed$ = new Subject<string>();
 * const source = manual(typed$);
 * source.scans$.subscribe(addToBasket);
 * typed$.next("]E09521234543213"); // { text: "9521234543213", symbology: "]E0", source: "manual", … }
 */
export function manual(text$: Observable<string>, options: ManualOptions = {}): ScanSource {
  const scheduler = options.scheduler ?? asyncScheduler;
  const scans$ = text$.pipe(
    map((typed) => typedScan(typed, scheduler.now())),
    filter((scan): scan is Scan => scan !== undefined),
    share(),
  );
  const ready: ScannerStatus = { state: "ready", device: "manual" };
  return { kind: "manual", scans$, status$: of(ready) };
}

function typedScan(typed: string, at: number): Scan | undefined {
  const trimmed = typed.trim();
  if (trimmed === "") return undefined;
  const aimId = LEADING_AIM_ID.exec(trimmed)?.[0];
  if (aimId === undefined) return { text: trimmed, source: "manual", device: "manual", at };
  const text = trimmed.slice(aimId.length);
  // An AIM id alone is not a code: nothing to look up.
  return text === "" ? undefined : { text, symbology: aimId, source: "manual", device: "manual", at };
}
