// The options of the keyboard wedge and their defaults, in one place for the core, the binding and the docs table
// (docs/keyboard-wedge.md). The timing numbers come from research scanners.md §0 item 4 and §9.2.
import type { SchedulerLike } from "rxjs";
import type { KeyboardLayoutMode } from "./candidates.js";

/** Options of {@link keyboardWedge} (and of its platform-free core, `createKeyboardReader`). */
export interface KeyboardWedgeOptions {
  /**
   * A burst is a scan only if the median gap between its keys is at most this, in milliseconds. Scanners type at
   * 1–20 ms per key; people average ~230 ms. {@link KeyboardWedge.calibrate} raises it for a slow scanner.
   * @default 35
   */
  readonly maxMedianGapMs?: number;
  /**
   * A gap between two keys longer than this ends the burst, in milliseconds. It absorbs a browser pause inside a
   * scan while keeping a person's pauses out.
   * @default 80
   */
  readonly maxGapMs?: number;
  /**
   * Fewest characters a scan may have (AIM id included, suffix not). EAN-8, the shortest retail code, has 8.
   * @default 6
   */
  readonly minLength?: number;
  /**
   * Shortest silence that ends a scan which has no suffix, in milliseconds. The silence used is
   * max(this, 4 × the burst's median gap, the gap limit), so a slow scanner is not cut off.
   * @default 100
   */
  readonly minIdleMs?: number;
  /**
   * After this many keys a fast burst is recognised as a scan, and from then on its keys are held back from a
   * focused field. Fewer keys is sooner but easier to mistake; the research's choice is 4 (about 40 ms).
   * @default 4
   */
  readonly detectAfterKeys?: number;
  /**
   * Keys that end a scan, matched against `event.code` or `event.key`. The suffix is never part of the text and,
   * after a scan, never reaches the page (no form submit, no focus move).
   * @default ["Enter", "NumpadEnter", "Tab"]
   */
  readonly suffixKeys?: readonly string[];
  /**
   * Keys the scanner sends before each scan (its "prefix" setting), matched against `event.code` or `event.key`,
   * e.g. ["F9"]. A burst after a prefix is a scan whatever its speed (gaps up to `prefixMaxGapMs`): the fix for a
   * scanner too slow to tell from typing.
   * @default []
   */
  readonly prefixKeys?: readonly string[];
  /**
   * The gap limit inside a burst that began with a prefix key, in milliseconds.
   * @default 150
   */
  readonly prefixMaxGapMs?: number;
  /**
   * Keys that stand for one character, by `event.code` or `event.key`: a scanner programmed to send F8 for FNC1
   * is `{ F8: "\u001d" }`. Each value must be exactly one character.
   * @default {}
   */
  readonly keyMap?: Readonly<Record<string, string>>;
  /**
   * Printable stand-ins the scanner was programmed to send for GS, e.g. ["|"] or ["{GS}"]. They become GS only
   * behind a GS1 AIM id (]C1 ]e0 ]d2 ]Q3 ]J1), or, with no AIM id, when the result then parses as GS1; never
   * inside a plain QR Code's URL.
   * @default []
   */
  readonly gsSubstitutes?: readonly string[];
  /**
   * Which reading of the keys to trust: `"os"` the host layout's characters (`event.key`), `"us"` the US layout's
   * reading of the physical keys (`event.code`), `"auto"` whichever is valid data (AIM id, GS1, GTIN, URL), the
   * host's on a tie. A scan where the US reading won carries "layout:us-codes" and shows the diagnostic
   * "wedge.layout-mismatch" once.
   * @default "auto"
   */
  readonly layout?: KeyboardLayoutMode;
  /**
   * What happens to a scan's keys in a focused `<input>` or `<textarea>`. `"after-detect"`: once a burst is
   * recognised as a scan its keys are held back and the field is put back as it was before the burst (value and
   * selection), so it ends up clean while a person's typing in it stays. `"never"`: the field gets the keys.
   * `"always"`: every burst key is held back from the start (kiosk screens where nobody types).
   * Elements inside `data-scangate="ignore"` are never read.
   * @default "after-detect"
   */
  readonly preventInInputs?: "after-detect" | "never" | "always";
  /** Clock of `Scan.at`, the idle timer and calibration. @default asyncScheduler */
  readonly scheduler?: SchedulerLike;
}

/** The defaults of every {@link KeyboardWedgeOptions} field with a fixed default. */
export const KEYBOARD_WEDGE_DEFAULTS = {
  maxMedianGapMs: 35,
  maxGapMs: 80,
  minLength: 6,
  minIdleMs: 100,
  detectAfterKeys: 4,
  suffixKeys: ["Enter", "NumpadEnter", "Tab"],
  prefixKeys: [],
  prefixMaxGapMs: 150,
  keyMap: {},
  gsSubstitutes: [],
  layout: "auto",
  preventInInputs: "after-detect",
} as const satisfies Required<Omit<KeyboardWedgeOptions, "scheduler">>;
