// Tells a scanner's burst of keys from a person typing, by timing alone (research scanners.md §0 item 4, §9.2).
// Scanners type at 1–20 ms per key (Datalogic 1 ms, Netum 6/19 ms, Honeywell 10 ms; one model 5–60 ms); people
// average ~230 ms per character (Dhakal et al., CHI 2018), and rollover makes single gaps short but never whole
// runs. So: a gap over `maxGapMs` ends a burst; a burst becomes a scan once the median of its last gaps is at most
// `maxMedianGapMs`; it is emitted on a suffix key or after an idle time, if long enough and its median gap still
// holds. Per key the work is O(1) and allocation-free; the whole burst is validated once, at its end.
import type { SchedulerAction, SchedulerLike, Subscription } from "rxjs";
import { GS, isModifierKey } from "./control-keys.js";
import { codesToText, createKeyDecoder, type KeyDecoderOptions, NOTE_GS_ALT } from "./key-decoder.js";
import type { KeyFields } from "./key-record.js";

/** The two timing limits {@link calibrate} may loosen for a slow scanner. */
export interface BurstThresholds {
  /** A burst is a scan only if the median gap between its keys is at most this, ms. */
  maxMedianGapMs: number;
  /** A longer gap ends the burst, ms. */
  maxGapMs: number;
}

/** Everything the classifier needs; the wedge fills in the defaults. */
export interface BurstClassifierOptions extends KeyDecoderOptions {
  /** Live limits: the classifier reads them on every key, so a calibration applies at once. */
  readonly thresholds: BurstThresholds;
  /** Fewest characters a scan may have. */
  readonly minLength: number;
  /** Shortest idle that ends a burst without a suffix, ms; the idle is max(this, 4 × median gap, the gap limit). */
  readonly minIdleMs: number;
  /** Keys after which a burst can be recognised as a scan (and its keys held back from a focused field). */
  readonly detectAfterKeys: number;
  /** The gap limit inside a burst that began with a prefix key, ms. */
  readonly prefixMaxGapMs: number;
  /** Clock of the idle timer; key times come in with each key. */
  readonly scheduler: SchedulerLike;
}

/** A finished burst: accepted as a scan, or rejected after it had been recognised as one. */
export interface Burst {
  /** Time of the first key, ms. */
  readonly at: number;
  /** The host layout's reading, letter case from Shift. */
  readonly hostText: string;
  /** The US layout's reading of the physical keys. */
  readonly usText: string;
  /** Exactly what the host typed (Caps Lock included): what a person would have seen in a field. */
  readonly typedText: string;
  /** What the keys repaired, e.g. "gs:ctrl-]", in order of first appearance. */
  readonly notes: readonly string[];
  readonly accepted: boolean;
  /** Whether the burst was recognised as a scan before it ended (its later keys were held back). */
  readonly detected: boolean;
}

/** What the binding should do with the keydown it just fed in. */
export type KeyVerdict =
  /** Not part of a burst: leave the event alone. */
  | "ignore"
  /** First key of a burst not yet recognised: note the focused field's state. */
  | "start"
  /** A later key of a burst not yet recognised. */
  | "collect"
  /** This key made the burst a scan: restore the field to its state before the burst, and hold the key back. */
  | "detect"
  /** A key of a recognised scan (or its suffix): hold it back. */
  | "take"
  /** First key of a burst that is a scan from the start (a prefix key, or a calibration): hold it back. */
  | "scan-start";

/** Receives what a burst turned into. */
export interface BurstSink {
  burst(burst: Burst): void;
}

/** The timing core of the keyboard wedge. */
export interface BurstClassifier {
  /** Feeds one keydown that happened at `at` (ms, scheduler clock). O(1). */
  keyDown(key: KeyFields, at: number): KeyVerdict;
  /**
   * Takes the next burst whatever its speed, ending it on a suffix key or after `idleMs` of silence, and hands over
   * its gaps instead of emitting it. Used by calibration.
   */
  capture(onCaptured: (gapsMs: readonly number[], charCount: number) => void, idleMs: number): void;
  /** Stops waiting for a burst to capture. */
  stopCapture(): void;
  /** Drops the burst in progress and stops the idle timer. */
  dispose(): void;
}

/**
 * Creates the classifier.
 *
 * @example
 * const classifier = createBurstClassifier({ ...defaults, scheduler }, { burst: (b) => b.accepted && use(b) });
 * classifier.keyDown({ key: "0", code: "Digit0", ctrlKey: false, altKey: false, shiftKey: false }, scheduler.now());
 */
export function createBurstClassifier(options: BurstClassifierOptions, sink: BurstSink): BurstClassifier {
  const { thresholds, scheduler, minLength, minIdleMs, prefixMaxGapMs } = options;
  const windowSize = Math.max(1, options.detectAfterKeys - 1);
  const decoder = createKeyDecoder(options);
  // Reused across bursts and written by index, so a burst allocates only when it is longer than every earlier one.
  const hostCodes: number[] = [];
  const usCodes: number[] = [];
  const gaps: number[] = [];
  const window: number[] = new Array<number>(windowSize).fill(0);
  let charCount = 0;
  let hostCount = 0;
  let gapCount = 0;
  let keyCount = 0;
  let notes: string[] = [];
  let active = false;
  let detected = false;
  let prefixed = false;
  let firstAt = 0;
  let lastAt = 0; // when the burst's last key went down: gaps are measured between these
  let lastHandledAt = 0; // when it was handled (scheduler.now()): silence is measured from this
  let detectionMedianMs = 0;
  let generation = 0;
  let timer: Subscription | undefined;
  let onCaptured: ((gapsMs: readonly number[], charCount: number) => void) | undefined;
  let captureIdleMs = 0;

  const gapLimitMs = () => (onCaptured ? captureIdleMs : prefixed ? prefixMaxGapMs : thresholds.maxGapMs);
  const idleMs = () => (onCaptured ? captureIdleMs : Math.max(minIdleMs, 4 * detectionMedianMs, gapLimitMs()));

  const note = (text: string | undefined) => {
    if (text !== undefined && !notes.includes(text)) notes.push(text);
  };

  const pushCharacter = (host: number, us: number, noteText: string | undefined) => {
    if (host >= 0) hostCodes[hostCount++] = host;
    usCodes[charCount++] = us;
    note(noteText);
  };

  function idleCheck(this: SchedulerAction<number>, scheduledFor: number) {
    if (scheduledFor !== generation || !active) return;
    // Silence is counted on the handling clock: keys held up behind a busy main thread (or a lagging
    // harness) carry old times, and measuring from those would end a burst whose keys are still coming.
    const quietMs = scheduler.now() - lastHandledAt;
    const limit = idleMs();
    if (quietMs >= limit) finish();
    else this.schedule(scheduledFor, limit - quietMs);
  }

  const start = (at: number, asScan: boolean) => {
    active = true;
    detected = asScan;
    prefixed = asScan && onCaptured === undefined;
    firstAt = at;
    lastAt = at;
    lastHandledAt = scheduler.now();
    keyCount = 0;
    detectionMedianMs = 0;
    timer = scheduler.schedule(idleCheck, idleMs(), generation);
  };

  const reset = () => {
    active = false;
    generation++;
    timer?.unsubscribe();
    timer = undefined;
    charCount = 0;
    hostCount = 0;
    gapCount = 0;
    notes = [];
  };

  // Ends the burst in progress; returns whether it was accepted as a scan.
  const finish = (): boolean => {
    const altChar = decoder.finishAltSequence();
    if (altChar >= 0) pushCharacter(altChar, altChar, altChar === GS ? NOTE_GS_ALT : undefined);
    const capture = onCaptured;
    if (capture) {
      onCaptured = undefined;
      const captured = gaps.slice(0, gapCount);
      const count = charCount;
      reset();
      capture(captured, count);
      return false;
    }
    const accepted = charCount >= minLength && (prefixed || upperMedian(gaps, gapCount) <= thresholds.maxMedianGapMs);
    const host = hostCodes.slice(0, hostCount);
    const burst: Burst | undefined =
      (accepted || detected) && charCount > 0
        ? {
            at: firstAt,
            hostText: codesToText(host, "shift-case"),
            usText: String.fromCharCode(...usCodes.slice(0, charCount)),
            typedText: codesToText(host, "typed"),
            notes,
            accepted,
            detected,
          }
        : undefined;
    reset();
    if (burst) sink.burst(burst);
    return accepted;
  };

  const detects = (): boolean => {
    if (keyCount < options.detectAfterKeys) return false;
    for (let index = 0; index < windowSize; index++) window[index] = gaps[gapCount - windowSize + index] ?? 0;
    const median = upperMedianInPlace(window);
    if (median > thresholds.maxMedianGapMs) return false;
    detectionMedianMs = median;
    return true;
  };

  return {
    keyDown(key, at) {
      // A long gap ends the burst before this key is decoded, so an Alt sequence the burst left open is finished
      // inside it, and a keypad digit starting the next one is not. Modifiers are no part of the timing.
      if (active && at - lastAt > gapLimitMs() && !isModifierKey(key.key)) finish();
      const decoded = decoder.decode(key);
      const { kind } = decoded;
      // An Alt sequence this key finished (it went down without Alt) belongs to the burst it was typed in.
      if (decoded.altChar >= 0 && active) pushCharacter(decoded.altChar, decoded.altChar, decoded.altNote);
      if (kind === "modifier") return "ignore";
      switch (kind) {
        case "prefix":
          if (active) finish();
          start(at, true);
          return "scan-start";
        case "suffix": {
          if (!active) return "ignore";
          const capturing = onCaptured !== undefined;
          // A rejected burst that had been held back gets its text back through the sink; then the key does its
          // usual job (a person's Enter still submits).
          return finish() || capturing ? "take" : "ignore";
        }
        case "other":
          if (active) finish();
          return "ignore";
        default:
          break;
      }
      if (!active) {
        start(at, onCaptured !== undefined);
        keyCount = 1;
        if (kind === "character") pushCharacter(decoded.os, decoded.us, decoded.note);
        return detected ? "scan-start" : "start";
      }
      gaps[gapCount++] = at - lastAt;
      lastAt = at;
      lastHandledAt = scheduler.now();
      keyCount++;
      if (kind === "character") pushCharacter(decoded.os, decoded.us, decoded.note);
      if (detected) return "take";
      if (!detects()) return "collect";
      detected = true;
      return "detect";
    },
    capture(callback, idleMs) {
      if (active) reset();
      onCaptured = callback;
      captureIdleMs = idleMs;
    },
    stopCapture() {
      if (onCaptured && active) reset();
      onCaptured = undefined;
    },
    dispose() {
      onCaptured = undefined;
      reset();
    },
  };
}

/** The upper median of the first `count` values (the higher middle one for an even count); Infinity for none. */
function upperMedian(values: readonly number[], count: number): number {
  if (count === 0) return Number.POSITIVE_INFINITY;
  const sorted = values.slice(0, count).sort((a, b) => a - b);
  return sorted[Math.floor(count / 2)] ?? Number.POSITIVE_INFINITY;
}

// The upper median of a small array, sorting it in place by insertion: the detection window is a handful of gaps
// looked at on every key, so this must not allocate.
function upperMedianInPlace(values: number[]): number {
  for (let index = 1; index < values.length; index++) {
    const value = values[index] ?? 0;
    let slot = index - 1;
    while (slot >= 0 && (values[slot] ?? 0) > value) {
      values[slot + 1] = values[slot] ?? 0;
      slot--;
    }
    values[slot + 1] = value;
  }
  return values[Math.floor(values.length / 2)] ?? Number.POSITIVE_INFINITY;
}
