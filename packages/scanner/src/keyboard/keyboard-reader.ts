// The keyboard wedge without a browser: keydowns in, scans out. It joins the timing classifier, the choice between
// the host and US readings, and calibration, so Node tests drive exactly what the browser binding runs, and any
// other key source (an Electron main process, a test rig) can use it.
import type { Result } from "@scangate/gs1";
import { asyncScheduler } from "rxjs";
import type { Scan } from "../types.js";
import { type Burst, type BurstThresholds, createBurstClassifier, type KeyVerdict } from "./burst-classifier.js";
import {
  calibrationFailure,
  calibrationFromGaps,
  type KeyboardCalibration,
  type KeyboardCalibrationError,
} from "./calibrate.js";
import { chooseReading } from "./candidates.js";
import type { KeyFields } from "./key-record.js";
import { KEYBOARD_WEDGE_DEFAULTS, type KeyboardWedgeOptions } from "./keyboard-wedge-options.js";

/** Options of a calibration. */
export interface CalibrateOptions {
  /**
   * How long to wait for the calibration scan, in milliseconds.
   * @default 30000
   */
  readonly timeoutMs?: number;
  /**
   * Whether to use the measured limits from now on; `false` only reports them.
   * @default true
   */
  readonly apply?: boolean;
}

/** Where the reader's results go. */
export interface KeyboardReaderEvents {
  /** A scan. */
  scan(scan: Scan): void;
  /**
   * A burst the reader had held back (verdict "detect"/"take") turned out not to be a scan: `typedText` is what the
   * host would have typed, for the binding to put back where it was held back from.
   */
  released(typedText: string): void;
}

/** The wedge core: one per key stream. */
export interface KeyboardReader {
  /** Feeds one keydown that happened at `at` (ms on the scheduler's clock); says what to do with the event. */
  keyDown(key: KeyFields, at: number): KeyVerdict;
  /**
   * Takes the next burst, however slow, as a calibration scan (it is not emitted as a scan) and fits the timing
   * limits to it. Ends on the scanner's suffix, or after 1 s without a key.
   */
  calibrate(options?: CalibrateOptions): Promise<Result<KeyboardCalibration, KeyboardCalibrationError>>;
  /** Drops the burst in progress, stops its timer, and ends a waiting calibration with CALIBRATION_TIMEOUT. */
  cancel(): void;
}

/** Silence that ends a calibration scan without a suffix: longer than any scanner's gap, ms. */
const CALIBRATION_IDLE_MS = 1000;

/**
 * Creates the Node-testable core of {@link keyboardWedge}.
 *
 * @example
 * const reader = createKeyboardReader({ scheduler }, { scan: (scan) => scans.push(scan), released: () => {} });
 * for (const record of records) reader.keyDown(record, record.at); // at = the scheduler's now() at that key
 */
export function createKeyboardReader(options: KeyboardWedgeOptions, events: KeyboardReaderEvents): KeyboardReader {
  const scheduler = options.scheduler ?? asyncScheduler;
  const defaults: BurstThresholds = {
    maxMedianGapMs: options.maxMedianGapMs ?? KEYBOARD_WEDGE_DEFAULTS.maxMedianGapMs,
    maxGapMs: options.maxGapMs ?? KEYBOARD_WEDGE_DEFAULTS.maxGapMs,
  };
  const thresholds: BurstThresholds = { ...defaults };
  const layout = options.layout ?? KEYBOARD_WEDGE_DEFAULTS.layout;
  const gsSubstitutes = options.gsSubstitutes ?? KEYBOARD_WEDGE_DEFAULTS.gsSubstitutes;
  // Once a scan needed the US reading, the scanner and host layouts differ for good: ties go to the US reading
  // (an element string with a "y" reads validly both ways on QWERTZ).
  let layoutsDiffer = false;
  let endCalibration: ((result: Result<KeyboardCalibration, KeyboardCalibrationError>) => void) | undefined;

  const onBurst = (burst: Burst) => {
    if (!burst.accepted) {
      events.released(burst.typedText);
      return;
    }
    const reading = chooseReading(burst.hostText, burst.usText, {
      layout,
      gsSubstitutes,
      preferUsOnTie: layoutsDiffer,
      today: calendarDate(burst.at),
    });
    layoutsDiffer ||= reading.usCodesWon;
    if (reading.text === "") return; // an AIM id alone carries no code
    const normalizations = [...burst.notes, ...reading.normalizations];
    events.scan({
      text: reading.text,
      ...(reading.symbology === undefined ? {} : { symbology: reading.symbology, symbologySource: "device" }),
      source: "keyboard",
      device: "keyboard",
      at: burst.at,
      ...(normalizations.length === 0 ? {} : { normalizations }),
    });
  };

  const classifier = createBurstClassifier(
    {
      thresholds,
      scheduler,
      minLength: options.minLength ?? KEYBOARD_WEDGE_DEFAULTS.minLength,
      minIdleMs: options.minIdleMs ?? KEYBOARD_WEDGE_DEFAULTS.minIdleMs,
      detectAfterKeys: options.detectAfterKeys ?? KEYBOARD_WEDGE_DEFAULTS.detectAfterKeys,
      prefixMaxGapMs: options.prefixMaxGapMs ?? KEYBOARD_WEDGE_DEFAULTS.prefixMaxGapMs,
      suffixKeys: options.suffixKeys ?? KEYBOARD_WEDGE_DEFAULTS.suffixKeys,
      prefixKeys: options.prefixKeys ?? KEYBOARD_WEDGE_DEFAULTS.prefixKeys,
      keyMap: options.keyMap ?? KEYBOARD_WEDGE_DEFAULTS.keyMap,
    },
    { burst: onBurst },
  );

  return {
    keyDown: (key, at) => classifier.keyDown(key, at),
    calibrate({ timeoutMs = 30_000, apply = true } = {}) {
      if (endCalibration) {
        return Promise.resolve(
          calibrationFailure("CALIBRATION_IN_PROGRESS", "another calibration is waiting for its scan"),
        );
      }
      return new Promise((resolve) => {
        const timeout = scheduler.schedule(() => {
          classifier.stopCapture();
          endCalibration?.(calibrationFailure("CALIBRATION_TIMEOUT", `no scan within ${timeoutMs} ms`));
        }, timeoutMs);
        endCalibration = (result) => {
          endCalibration = undefined;
          timeout.unsubscribe();
          resolve(result);
        };
        classifier.capture((gapsMs, characterCount) => {
          const result = calibrationFromGaps(gapsMs, characterCount, defaults, apply);
          if (result.ok && apply) Object.assign(thresholds, result.value.thresholds);
          endCalibration?.(result);
        }, CALIBRATION_IDLE_MS);
      });
    },
    cancel() {
      classifier.dispose();
      endCalibration?.(calibrationFailure("CALIBRATION_TIMEOUT", "the wedge stopped listening before a scan arrived"));
    },
  };
}

// Only the year matters to the GS1 parser (its two-digit-year window), and it only steers which reading wins, so
// the UTC date of the scan is close enough.
function calendarDate(epochMs: number): string {
  return new Date(epochMs).toISOString().slice(0, 10);
}
