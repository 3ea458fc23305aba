// The keyboard-wedge scan source: a thin browser binding around the Node-tested core (keyboard-reader.ts). It
// listens to keydown in the capture phase, so it sees keys before the page's own handlers and before they reach a
// focused field; holds a scan's keys back from that field; and reports on `status$` what it learned about the
// scanner's set-up (research scanners.md §9.2).
import type { Result } from "@scangate/gs1";
import { asyncScheduler, BehaviorSubject, Observable, share } from "rxjs";
import { SCANNER_SETTINGS } from "../diagnose/scanner-settings.js";
import type { Scan, ScannerDiagnostic, ScannerStatus, ScanSource } from "../types.js";
import type { KeyboardCalibration, KeyboardCalibrationError } from "./calibrate.js";
import { NOTE_LAYOUT_US_CODES } from "./candidates.js";
import { createEventClock } from "./event-clock.js";
import { NOTE_CASE_FROM_SHIFT } from "./key-decoder.js";
import { type CalibrateOptions, createKeyboardReader } from "./keyboard-reader.js";
import { KEYBOARD_WEDGE_DEFAULTS, type KeyboardWedgeOptions } from "./keyboard-wedge-options.js";
import { isEditable, restoreTextField, snapshotTextField, type TextFieldSnapshot, textFieldOf } from "./text-field.js";

/** A keyboard-wedge scan source, which can also be fitted to a slow scanner. */
export interface KeyboardWedge extends ScanSource {
  readonly kind: "keyboard";
  /**
   * Waits for one scan of a test label (not emitted on `scans$`), measures the scanner's key gaps and, unless
   * `apply: false`, loosens the timing limits to fit it. Listens for the scan even while nobody subscribes to
   * `scans$`. Resolves with `CALIBRATION_TOO_SLOW` for typing-speed bursts, `CALIBRATION_TIMEOUT` when no scan
   * came; never rejects.
   */
  calibrate(options?: CalibrateOptions): Promise<Result<KeyboardCalibration, KeyboardCalibrationError>>;
}

const DEVICE = "keyboard";
const IGNORE_SELECTOR = '[data-scangate="ignore"]';

const DIAGNOSTICS: Readonly<Record<string, ScannerDiagnostic>> = {
  [NOTE_LAYOUT_US_CODES]: {
    code: "wedge.layout-mismatch",
    message: "the scanner types for a different keyboard layout than the computer's; scans are being repaired",
    setting: SCANNER_SETTINGS["keyboard-country"].setting,
  },
  [NOTE_CASE_FROM_SHIFT]: {
    code: "wedge.caps-lock",
    message: "Caps Lock is on; letter case is being taken from the scanner's Shift key",
    setting: SCANNER_SETTINGS["caps-lock"].setting,
  },
};

/**
 * Reads a USB or Bluetooth barcode scanner in keyboard mode (a "keyboard wedge") from the keys it types.
 *
 * A burst of keys counts as a scan by its speed (median gap ≤ 35 ms, no gap over 80 ms, at least 6 characters); it
 * ends on Enter/Tab or after 100 ms of silence. Each key is read both as the host layout types it and as the
 * US layout places it, so a scanner set to another keyboard country still scans right; Ctrl+], Alt+0029, mapped
 * keys and configured substitutes become GS; a leading AIM id goes to `symbology`. In a focused `<input>` the scan's
 * keys are held back and the field put back as it was, while a person's typing stays.
 *
 * @param target Where to listen: `document` for the whole page, or one element.
 * @example
 * const wedge = keyboardWedge(document, { gsSubstitutes: ["|"] });
 * wedge.status$.subscribe((status) => showScannerStatus(status));
 * wedge.scans$.subscribe((scan) => till.scan(scan)); // { text: "0109521234543213…", symbology: "]d2", … }
 */
export function keyboardWedge(target: EventTarget, options: KeyboardWedgeOptions = {}): KeyboardWedge {
  const scheduler = options.scheduler ?? asyncScheduler;
  const mode = options.preventInInputs ?? KEYBOARD_WEDGE_DEFAULTS.preventInInputs;
  const eventTime = createEventClock(scheduler);
  const status = new BehaviorSubject<ScannerStatus>({ state: "idle", device: DEVICE });
  const reported = new Set<string>();
  let emit: ((scan: Scan) => void) | undefined;
  let held: TextFieldSnapshot | undefined; // the focused field as it was before the burst in progress
  let restored = false; // whether the field is back to `held` (or never got the burst's keys)
  let burstInEditable = false; // whether the burst in progress types into a field or an editable element

  const reportOnce = (scan: Scan) => {
    for (const normalization of scan.normalizations ?? []) {
      const diagnostic = DIAGNOSTICS[normalization];
      if (diagnostic === undefined || reported.has(normalization)) continue;
      reported.add(normalization);
      status.next({ state: "ready", device: DEVICE, diagnostic });
    }
  };

  const reader = createKeyboardReader(options, {
    scan(scan) {
      // A scan accepted only at its end (a short or unevenly timed one) typed all its keys into the field.
      if (held && !restored) restoreTextField(held);
      held = undefined;
      reportOnce(scan);
      emit?.(scan);
    },
    released(typedText) {
      // Fast typing taken for a scan for a moment: the person gets their characters back.
      if (held && restored && mode === "after-detect") restoreTextField(held, typedText);
      held = undefined;
    },
  });

  const onKeyDown = (event: Event) => {
    const key = event as KeyboardEvent;
    if (key.isComposing || isIgnored(key.target)) return;
    const verdict = reader.keyDown(key, eventTime(key.timeStamp));
    if (verdict === "ignore") return;
    if (verdict === "start" || verdict === "scan-start") {
      // The element the keys type into, inside any shadow root (a listener on document sees the shadow host).
      const origin = key.composedPath()[0] ?? key.target;
      const field = mode === "never" ? undefined : textFieldOf(origin);
      burstInEditable = isEditable(origin);
      held = field && snapshotTextField(field);
      restored = verdict === "scan-start" || mode === "always";
    } else if (verdict === "detect" && held && !restored) {
      restoreTextField(held);
      restored = true;
    }
    const recognised = verdict !== "start" && verdict !== "collect";
    const holdBack = recognised ? !(mode === "never" && burstInEditable) : mode === "always" && burstInEditable;
    if (holdBack) key.preventDefault();
  };

  const scans$ = new Observable<Scan>((subscriber) => {
    emit = (scan) => subscriber.next(scan);
    target.addEventListener("keydown", onKeyDown, { capture: true });
    status.next({ state: "ready", device: DEVICE });
    return () => {
      target.removeEventListener("keydown", onKeyDown, { capture: true });
      emit = undefined;
      held = undefined;
      reader.cancel();
      status.next({ state: "idle", device: DEVICE });
    };
  }).pipe(share());

  return {
    kind: "keyboard",
    scans$,
    status$: status.asObservable(),
    calibrate(calibrateOptions) {
      const listening = scans$.subscribe();
      return reader.calibrate(calibrateOptions).finally(() => listening.unsubscribe());
    },
  };
}

function isIgnored(target: EventTarget | null): boolean {
  const element = target as { closest?: (selector: string) => unknown } | null;
  return typeof element?.closest === "function" && element.closest(IGNORE_SELECTOR) !== null;
}
