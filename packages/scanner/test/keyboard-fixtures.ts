// Test helpers for the keyboard wedge: the keydowns a scanner set to the US layout sends for a text, as a host on
// US, AZERTY or QWERTZ reports them; human typing traces; and a virtual-time run of the reader over them.
import { VirtualTimeScheduler } from "rxjs";
import { LAYOUT_CHANGES } from "../src/diagnose/keyboard-layouts.js";
import type { KeyVerdict } from "../src/keyboard/burst-classifier.js";
import { isModifierKey } from "../src/keyboard/control-keys.js";
import type { KeyFields, KeyRecord } from "../src/keyboard/key-record.js";
import { createKeyboardReader, type KeyboardReader } from "../src/keyboard/keyboard-reader.js";
import type { KeyboardWedgeOptions } from "../src/keyboard/keyboard-wedge-options.js";
import type { Scan } from "../src/types.js";

export const GS = "\u001d";
/** 2026-01-01T00:00:00Z: scans carry real-looking epoch times. */
export const T0 = 1_767_225_600_000;

/** The host's keyboard layout. */
export type HostLayout = "us" | "azerty" | "qwertz";
/** How the scanner sends GS. */
export type GsMethod = "ctrl" | "alt" | "F8" | "|" | "{GS}" | "none";

// A US keyboard, written out independently of src/keyboard/us-layout.ts so the tests check it.
const US_ROWS: readonly [codes: readonly string[], plain: string, shifted: string][] = [
  [["Backquote", ...digitCodes(), "Minus", "Equal"], "`1234567890-=", "~!@#$%^&*()_+"],
  [[...letterCodes("QWERTYUIOP"), "BracketLeft", "BracketRight", "Backslash"], "qwertyuiop[]\\", "QWERTYUIOP{}|"],
  [[...letterCodes("ASDFGHJKL"), "Semicolon", "Quote"], "asdfghjkl;'", 'ASDFGHJKL:"'],
  [[...letterCodes("ZXCVBNM"), "Comma", "Period", "Slash"], "zxcvbnm,./", "ZXCVBNM<>?"],
  [["Space"], " ", " "],
];
const US_KEY_OF = new Map<string, { code: string; shift: boolean }>();
for (const [codes, plain, shifted] of US_ROWS) {
  codes.forEach((code, index) => {
    US_KEY_OF.set(plain[index] as string, { code, shift: false });
    if (!US_KEY_OF.has(shifted[index] as string)) US_KEY_OF.set(shifted[index] as string, { code, shift: true });
  });
}

function digitCodes(): string[] {
  return [..."1234567890"].map((digit) => `Digit${digit}`);
}
function letterCodes(letters: string): string[] {
  return [...letters].map((letter) => `Key${letter}`);
}

// US characters whose key is a dead key on the host (it types nothing alone), left out of LAYOUT_CHANGES.
const DEAD_KEYS: Record<HostLayout, string> = { us: "", azerty: "[{", qwertz: "`=+" };

/** What the host reports as `key` for the physical key a US-set scanner presses to type `char`. */
export function hostKey(char: string, host: HostLayout, capsLock = false): string {
  if (DEAD_KEYS[host].includes(char)) return "Dead";
  const typed =
    host === "us" ? char : (LAYOUT_CHANGES[host === "azerty" ? "azerty-fr" : "qwertz-de"].get(char) ?? char);
  if (!capsLock || !/^[a-z]$/i.test(typed)) return typed;
  return typed === typed.toLowerCase() ? typed.toUpperCase() : typed.toLowerCase();
}

const plainKey = (key: string, code: string, more: Partial<KeyFields> = {}): KeyFields => ({
  key,
  code,
  ctrlKey: false,
  altKey: false,
  shiftKey: false,
  ...more,
});

/** The keydowns for one US character (a Shift keydown first when it needs Shift). */
export function charKeys(char: string, host: HostLayout = "us", capsLock = false): KeyFields[] {
  const place = US_KEY_OF.get(char);
  if (!place) throw new RangeError(`no US key types ${JSON.stringify(char)}`);
  const key = plainKey(hostKey(char, host, capsLock), place.code, { shiftKey: place.shift });
  return place.shift ? [plainKey("Shift", "ShiftLeft", { shiftKey: true }), key] : [key];
}

/** The keydowns a scanner sends for GS by each method. */
export function gsKeys(method: GsMethod, host: HostLayout = "us", capsLock = false): KeyFields[] {
  switch (method) {
    case "ctrl":
      return [
        plainKey("Control", "ControlLeft", { ctrlKey: true }),
        plainKey(hostKey("]", host), "BracketRight", { ctrlKey: true }),
      ];
    case "alt":
      return [
        plainKey("Alt", "AltLeft", { altKey: true }),
        ...[..."0029"].map((digit) => plainKey(digit, `Numpad${digit}`, { altKey: true })),
      ];
    case "F8":
      return [plainKey("F8", "F8")];
    case "|":
    case "{GS}":
      return [...method].flatMap((char) => charKeys(char, host, capsLock));
    case "none":
      return [];
  }
}

/** How a scanner is set up and what the host is. */
export interface ScannerSetup {
  readonly host?: HostLayout;
  readonly gs?: GsMethod;
  readonly capsLock?: boolean;
  readonly suffix?: "Enter" | "Tab" | "none";
}

/** The keydowns a US-set scanner sends for `data` (AIM id included, every GS as `gs`), then its suffix. */
export function scannerKeys(data: string, setup: ScannerSetup = {}): KeyFields[] {
  const { host = "us", gs = "ctrl", capsLock = false, suffix = "Enter" } = setup;
  const keys = [...data].flatMap((char) => (char === GS ? gsKeys(gs, host, capsLock) : charKeys(char, host, capsLock)));
  if (suffix !== "none") keys.push(plainKey(suffix, suffix));
  return keys;
}

/** The keydowns of someone typing `text` on a US keyboard. */
export function typedKeys(text: string): KeyFields[] {
  return [...text].flatMap((char) => charKeys(char));
}

/**
 * Gives keys their times: `gapMs(index)` before each key that is not a modifier; a modifier goes down with the key
 * it modifies (a scanner's Shift comes a fraction of a millisecond before the letter).
 */
export function timed(
  keys: readonly KeyFields[],
  gapMs: number | ((index: number) => number),
  startAt = T0,
): KeyRecord[] {
  const gapOf = typeof gapMs === "number" ? () => gapMs : gapMs;
  let at = startAt;
  let timedIndex = 0;
  let first = true;
  return keys.map((key) => {
    if (!isModifierKey(key.key)) {
      if (!first) at += gapOf(timedIndex++);
      first = false;
    }
    return { ...key, at };
  });
}

/** What a run of the reader produced. */
export interface ReaderRun {
  readonly scans: Scan[];
  /** Virtual time at which each scan came out. */
  readonly emittedAt: number[];
  readonly released: string[];
  readonly verdicts: KeyVerdict[];
  readonly reader: KeyboardReader;
  readonly scheduler: VirtualTimeScheduler;
}

/** A reader on a virtual clock starting at T0 (records are not fed yet). */
export function virtualReader(options: KeyboardWedgeOptions = {}): ReaderRun {
  const scheduler = new VirtualTimeScheduler();
  scheduler.frame = T0;
  const scans: Scan[] = [];
  const emittedAt: number[] = [];
  const released: string[] = [];
  const reader = createKeyboardReader(
    { ...options, scheduler },
    {
      scan: (scan) => {
        scans.push(scan);
        emittedAt.push(scheduler.now());
      },
      released: (text) => released.push(text),
    },
  );
  return { scans, emittedAt, released, verdicts: [], reader, scheduler };
}

/** Schedules each record at its time on the run's virtual clock. */
export function schedule(run: ReaderRun, records: readonly KeyRecord[]): void {
  for (const record of records) {
    run.scheduler.schedule(() => {
      run.verdicts.push(run.reader.keyDown(record, run.scheduler.now()));
    }, record.at - run.scheduler.now());
  }
}

/** Feeds the records on virtual time and runs every timer to the end. */
export function runReader(records: readonly KeyRecord[], options: KeyboardWedgeOptions = {}): ReaderRun {
  const run = virtualReader(options);
  schedule(run, records);
  run.scheduler.flush();
  return run;
}
