// Fits the timing limits to one scan of a test label, for scanners slower than the defaults allow: some Zebra
// set-ups type ~80 ms per key with peaks of 100 ms (KeyboardBarcodeScanner README), which the 35 ms median rule
// takes for a person. Research scanners.md §9.2: measure the gaps, set the median limit to 1.5 × their p90.
// Calibration only ever loosens the defaults, and refuses a burst as slow as typing, since limits that loose
// would take a fast typist's words for scans.
import type { Result } from "@scangate/gs1";
import { SCANNER_SETTINGS } from "../diagnose/scanner-settings.js";
import type { BurstThresholds } from "./burst-classifier.js";

/** What one calibration scan measured, and the limits it led to. */
export interface KeyboardCalibration {
  /** Characters in the calibration scan. */
  readonly characterCount: number;
  /** Median (upper) gap between keys, ms. */
  readonly medianGapMs: number;
  /** 90th percentile gap, ms. */
  readonly p90GapMs: number;
  /** Longest gap, ms. */
  readonly longestGapMs: number;
  /** The limits for this scanner: 1.5 × p90 gap and 1.5 × longest gap, never below the defaults. */
  readonly thresholds: BurstThresholds;
  /** Whether the wedge now uses `thresholds`. */
  readonly applied: boolean;
  /** The scanner setting that would make it fast enough for the defaults, when the limits had to be loosened. */
  readonly setting?: string;
}

/** Why a calibration gave no limits; `code` is stable. */
export interface KeyboardCalibrationError {
  readonly code: /** No scan arrived in time. */
    | "CALIBRATION_TIMEOUT"
    /** The burst was too short to measure (fewer than 6 characters). */
    | "CALIBRATION_TOO_FEW_KEYS"
    /** The median gap was over 150 ms: typing speed. Use a prefix key or a faster keystroke setting instead. */
    | "CALIBRATION_TOO_SLOW"
    /** Another calibration is waiting for its scan. */
    | "CALIBRATION_IN_PROGRESS";
  readonly message: string;
  /** The scanner setting to change, where one helps. */
  readonly setting?: string;
}

/** Fewest characters a calibration scan must have. */
const CALIBRATION_MIN_CHARACTERS = 6;
/** A median gap above this is typing speed (people average ~230 ms per key, fast typists ~100 ms), ms. */
const CALIBRATION_MAX_MEDIAN_GAP_MS = 150;
const MARGIN = 1.5;

/**
 * Derives timing limits from the key gaps of one scan. Pure: the wedge captures the gaps and applies the result.
 *
 * @example
 * calibrationFromGaps([82, 90, 85, 100, 88, 84, 91], 8, { maxMedianGapMs: 35, maxGapMs: 80 }, true);
 * // { ok: true, value: { medianGapMs: 88, p90GapMs: 100, thresholds: { maxMedianGapMs: 150, maxGapMs: 150 }, … } }
 */
export function calibrationFromGaps(
  gapsMs: readonly number[],
  characterCount: number,
  defaults: BurstThresholds,
  apply: boolean,
): Result<KeyboardCalibration, KeyboardCalibrationError> {
  if (characterCount < CALIBRATION_MIN_CHARACTERS || gapsMs.length === 0) {
    return calibrationFailure(
      "CALIBRATION_TOO_FEW_KEYS",
      `the scan had ${characterCount} characters; scan a test label`,
    );
  }
  const sorted = [...gapsMs].sort((a, b) => a - b);
  const medianGapMs = sorted[Math.floor(sorted.length / 2)] ?? 0;
  const p90GapMs = sorted[Math.ceil(sorted.length * 0.9) - 1] ?? 0;
  const longestGapMs = sorted[sorted.length - 1] ?? 0;
  const setting = SCANNER_SETTINGS["keystroke-delay"].setting;
  if (medianGapMs > CALIBRATION_MAX_MEDIAN_GAP_MS) {
    return calibrationFailure(
      "CALIBRATION_TOO_SLOW",
      `keys came ${medianGapMs} ms apart, as slow as typing: limits that loose would take typing for scans`,
      setting,
    );
  }
  const thresholds: BurstThresholds = {
    maxMedianGapMs: Math.max(defaults.maxMedianGapMs, Math.ceil(MARGIN * p90GapMs)),
    maxGapMs: Math.max(defaults.maxGapMs, Math.ceil(MARGIN * longestGapMs)),
  };
  const loosened = thresholds.maxMedianGapMs > defaults.maxMedianGapMs || thresholds.maxGapMs > defaults.maxGapMs;
  const value = { characterCount, medianGapMs, p90GapMs, longestGapMs, thresholds, applied: apply };
  return { ok: true, value: loosened ? { ...value, setting } : value };
}

/** A failed calibration's result. */
export function calibrationFailure(
  code: KeyboardCalibrationError["code"],
  message: string,
  setting?: string,
): { ok: false; error: KeyboardCalibrationError } {
  return { ok: false, error: setting === undefined ? { code, message } : { code, message, setting } };
}
