// Turns one keydown into what it adds to a burst: a character in two readings (the host layout's `key`, and the US
// layout's reading of `code`), a digit of an Alt+keypad sequence, an end or start key, or nothing. Called for every
// key, so it allocates nothing: it fills one reused result object (research scanners.md §9.2 "Cost").
import { ctrlControlCode, GS, isModifierKey, numpadDigit } from "./control-keys.js";
import type { KeyFields } from "./key-record.js";
import { usLayoutCharCode } from "./us-layout.js";

/** What a key is to a burst. */
export type DecodedKeyKind =
  /** Types a character: `os` and `us` hold it. */
  | "character"
  /** A keypad digit typed with Alt held, part of an Alt+0029 style sequence. */
  | "alt-digit"
  /** One of the suffix keys: ends a scan. */
  | "suffix"
  /** One of the prefix keys: starts a scan. */
  | "prefix"
  /** Shift, Control, Alt, a lock key: no part of the timing. */
  | "modifier"
  /** Any other key (Backspace, arrows, Ctrl+1, a held key's repeat): ends a burst, never part of one. */
  | "other";

/** The decoder's answer for one key. The same object is reused for every key: read it before the next call. */
export interface DecodedKey {
  kind: DecodedKeyKind;
  /**
   * Character code the host typed (`event.key`), -1 when it typed none (a dead key). A letter whose case disagrees
   * with Shift (Caps Lock is on) carries {@link CASE_FROM_SHIFT_FLAG}: see {@link codesToText}.
   */
  os: number;
  /** Character code in the US reading of the physical key (`event.code`). */
  us: number;
  /** What this key repaired, for `Scan.normalizations` ("gs:ctrl-]"); undefined when nothing. */
  note: string | undefined;
  /** The character an Alt+keypad sequence finished with this key (it went down without Alt), or -1. */
  altChar: number;
  /** The note of `altChar` ("gs:alt-0029" for GS). */
  altNote: string | undefined;
}

/** Which keys start or end a scan, and which keys stand for a character. */
export interface KeyDecoderOptions {
  /** Keys that end a scan, matched against `event.code` or `event.key`. */
  readonly suffixKeys: readonly string[];
  /** Keys that start a scan, matched against `event.code` or `event.key`. */
  readonly prefixKeys: readonly string[];
  /** Keys (by `code` or `key`) that stand for one character, e.g. `{ F8: "\u001d" }`. */
  readonly keyMap: Readonly<Record<string, string>>;
}

/** A stateful decoder for one key stream (it remembers an unfinished Alt sequence). */
export interface KeyDecoder {
  /** Decodes one keydown into the shared {@link DecodedKey}. */
  decode(key: KeyFields): DecodedKey;
  /** Finishes an Alt sequence still open at the end of a burst: its character code, or -1. */
  finishAltSequence(): number;
}

const A_LOWER = 0x61;
const Z_LOWER = 0x7a;
const A_UPPER = 0x41;
const Z_UPPER = 0x5a;
const CASE_BIT = 0x20;

/** Marks a host-typed letter whose case Shift contradicts; {@link codesToText} decides which case to keep. */
const CASE_FROM_SHIFT_FLAG = 0x10000;

// Notes for `Scan.normalizations`: stable strings, listed in docs/keyboard-wedge.md.
const NOTE_GS_CTRL = "gs:ctrl-]";
/** The note of a GS typed as Alt+0029. */
export const NOTE_GS_ALT = "gs:alt-0029";
/** The note of a scan whose letters' case came from Shift against the host's Caps Lock. */
export const NOTE_CASE_FROM_SHIFT = "case:caps-lock-ignored";

/**
 * Creates a decoder. Ctrl + key becomes its control code by `code` (Ctrl+] → GS on any layout); Alt + keypad digits
 * collect until a key without Alt, then become one character (Alt+0029 → GS); letters take their case from Shift,
 * so Caps Lock on the till does not flip a batch number's case (axenox/onscan.js#8).
 *
 * @example
 * const decoder = createKeyDecoder({ suffixKeys: ["Enter"], prefixKeys: [], keyMap: { F8: "\u001d" } });
 * decoder.decode({ key: "&", code: "Digit1", ctrlKey: false, altKey: false, shiftKey: false });
 * // { kind: "character", os: 0x26 "&", us: 0x31 "1", … }
 */
export function createKeyDecoder(options: KeyDecoderOptions): KeyDecoder {
  const suffixes = new Set(options.suffixKeys);
  const prefixes = new Set(options.prefixKeys);
  const mapped = new Map<string, { charCode: number; note: string | undefined }>();
  for (const [name, character] of Object.entries(options.keyMap)) {
    if (character.length !== 1) {
      throw new RangeError(`keyMap["${name}"] must be one character, got ${JSON.stringify(character)}`);
    }
    const charCode = character.charCodeAt(0);
    mapped.set(name, { charCode, note: charCode === GS ? `gs:key:${name}` : undefined });
  }
  const result: DecodedKey = { kind: "other", os: -1, us: -1, note: undefined, altChar: -1, altNote: undefined };
  let altValue = 0;
  let altDigits = 0;

  const finishAltSequence = (): number => {
    if (altDigits === 0) return -1;
    const value = altValue;
    altValue = 0;
    altDigits = 0;
    // Alt+0nnn is Windows-1252 and Alt+nnn the OEM code page; below 128 both are ASCII, which is all a GS1 scan
    // needs. Higher values are kept as Latin-1, and values past one byte are dropped (no code page has them).
    return value <= 0xff ? value : -1;
  };

  const character = (os: number, us: number, note: string | undefined): DecodedKey => {
    result.kind = "character";
    result.os = os;
    result.us = us;
    result.note = note;
    return result;
  };

  const other = (kind: DecodedKeyKind): DecodedKey => {
    result.kind = kind;
    return result;
  };

  return {
    finishAltSequence,
    decode(key) {
      result.os = -1;
      result.us = -1;
      result.note = undefined;
      result.altChar = -1;
      result.altNote = undefined;
      const { code } = key;
      const altOnly = key.altKey && !key.ctrlKey;
      const digit = altOnly ? numpadDigit(code) : -1;
      if (digit >= 0) {
        altValue = altValue * 10 + digit;
        altDigits++;
        return other("alt-digit");
      }
      // A key without Alt (or Alt going down again) closes the open sequence: Windows composes on Alt release.
      if (altDigits > 0) {
        result.altChar = finishAltSequence();
        result.altNote = result.altChar === GS ? NOTE_GS_ALT : undefined;
      }
      if (key.repeat === true) return other("other");
      if (suffixes.has(code) || suffixes.has(key.key)) return other("suffix");
      if (prefixes.has(code) || prefixes.has(key.key)) return other("prefix");
      if (isModifierKey(key.key)) return other("modifier");
      const map = mapped.get(code) ?? mapped.get(key.key);
      if (map !== undefined) return character(map.charCode, map.charCode, map.note);
      // Ctrl without Alt; Ctrl+Alt together is AltGr on Windows, which types printable characters.
      if (key.ctrlKey && !key.altKey) {
        const control = ctrlControlCode(code);
        return control < 0 ? other("other") : character(control, control, control === GS ? NOTE_GS_CTRL : undefined);
      }
      if (altOnly) return other("other"); // Alt+letter: a menu shortcut, never data
      return printable(key, character, other);
    },
  };
}

function printable(
  key: KeyFields,
  character: (os: number, us: number, note: string | undefined) => DecodedKey,
  other: (kind: DecodedKeyKind) => DecodedKey,
): DecodedKey {
  const us = usLayoutCharCode(key.code, key.shiftKey);
  if (key.key.length !== 1) {
    // A dead key (QWERTZ "´", AZERTY "^") or an unidentified one still has a physical key the US reading knows.
    return us >= 0 && (key.key === "Dead" || key.key === "Unidentified")
      ? character(-1, us, undefined)
      : other("other");
  }
  const typed = key.key.charCodeAt(0);
  const isLower = typed >= A_LOWER && typed <= Z_LOWER;
  const caseFlipped = (isLower || (typed >= A_UPPER && typed <= Z_UPPER)) && isLower === key.shiftKey;
  const os = caseFlipped ? typed | CASE_FROM_SHIFT_FLAG : typed;
  // AltGr (Ctrl+Alt on Windows) types the host layout's third-level characters: a US-set scanner never uses it,
  // so the host's character is the only reading there is; so it is for a key without a known `code`.
  const hostOnly = (key.ctrlKey && key.altKey) || us < 0;
  const shiftCase = caseFlipped ? typed ^ CASE_BIT : typed;
  return character(os, hostOnly ? shiftCase : us, caseFlipped ? NOTE_CASE_FROM_SHIFT : undefined);
}

/**
 * The text of a burst's host-layout codes: as the host typed it (`"typed"`, what a person saw, Caps Lock and all),
 * or with each letter's case from Shift (`"shift-case"`, what the scanner sent).
 */
export function codesToText(codes: readonly number[], caseOf: "typed" | "shift-case"): string {
  let text = "";
  for (const code of codes) {
    const flipped = (code & CASE_FROM_SHIFT_FLAG) !== 0;
    const plain = code & 0xffff;
    text += String.fromCharCode(flipped && caseOf === "shift-case" ? plain ^ CASE_BIT : plain);
  }
  return text;
}
