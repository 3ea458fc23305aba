// Duplicate suppression for scanners that read continuously. A camera decodes the same code on every frame (15–30
// times a second) and a presentation scanner re-reads a pack held in its field; a till must count the pack once.
// Research scanners.md §9.5: presence-based suppression, so a cashier re-scans deliberately by moving the pack away,
// where the peers use time-only windows (STRICH 750 ms, WebcamBarcodeScanner 2000 ms, Dynamsoft 3000 ms).
import { asyncScheduler, type MonoTypeOperatorFunction, Observable, type SchedulerLike } from "rxjs";
import { type Scan, scanData } from "../types.js";

/** Options of {@link dedupe}. */
export interface DedupeOptions {
  /**
   * How long a code must be out of sight before a new read of it counts again, in milliseconds. 400 ms is about six
   * frames at 15 decodes per second: a pack moved away and back, not a frame the decoder missed.
   * @default 400
   */
  readonly absentMs?: number;
  /**
   * How long after a code was let through a read of it counts again even though it never left, in milliseconds.
   * `Infinity` lets a code through once for as long as it stays in view.
   * @default 1500
   */
  readonly windowMs?: number;
  /**
   * The clock: a read's time is `scheduler.now()` when it arrives.
   * @default asyncScheduler
   */
  readonly scheduler?: SchedulerLike;
}

interface Sighting {
  /** When the code was last read, let through or not. */
  lastSeenAt: number;
  /** When the code was last let through. */
  lastPassedAt: number;
}

/**
 * Lets the first read of a code through and drops repeated reads while it stays in view. The key is the AIM id and
 * the data ({@link scanData}), so the same digits as EAN-13 and as Code 128 are two codes. A read counts again
 * once the code was not read for `absentMs`, or `windowMs` after it was last let through.
 *
 * @example
 * camera.scans$.pipe(dedupe({ absentMs: 400, windowMs: 1500 })).subscribe(addToBasket);
 */
export function dedupe(options: DedupeOptions = {}): MonoTypeOperatorFunction<Scan> {
  const absentMs = options.absentMs ?? 400;
  const windowMs = options.windowMs ?? 1500;
  const scheduler = options.scheduler ?? asyncScheduler;
  if (!(absentMs >= 0) || !(windowMs >= 0)) throw new RangeError("dedupe: absentMs and windowMs must be ≥ 0");
  // A code unseen for longer than both limits counts again whatever its history, so its entry can go.
  const forgetAfterMs = Math.min(absentMs, windowMs);

  return (scans$) =>
    new Observable<Scan>((subscriber) => {
      const sightings = new Map<string, Sighting>();
      return scans$.subscribe({
        next: (scan) => {
          const now = scheduler.now();
          for (const [key, sighting] of sightings) {
            if (now - sighting.lastSeenAt >= forgetAfterMs) sightings.delete(key);
          }
          const key = scanData(scan);
          const sighting = sightings.get(key);
          if (sighting === undefined) {
            sightings.set(key, { lastSeenAt: now, lastPassedAt: now });
            subscriber.next(scan);
            return;
          }
          const counts = now - sighting.lastSeenAt >= absentMs || now - sighting.lastPassedAt >= windowMs;
          sighting.lastSeenAt = now;
          if (counts) {
            sighting.lastPassedAt = now;
            subscriber.next(scan);
          }
        },
        error: (error: unknown) => subscriber.error(error),
        complete: () => subscriber.complete(),
      });
    });
}
