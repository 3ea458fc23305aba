// The ways a keyboard-wedge scanner types characters no key has, above all GS (ASCII 29, FNC1 after the first):
// Ctrl + a key (the ASCII control convention, 0x1D = Ctrl + "]"), and Alt + a keypad number (Windows' keypad
// emulation, Alt+0029). Peers lose GS here: Odoo ignores every Ctrl and Alt event (odoo/odoo PR #86726, #99730),
// onScan.js drops "]" and the Alt digits (axenox/onscan.js#19, #40). Research scanners.md §3.4, §9.2.

/** ASCII 29, the group separator a GS1 scan carries for every FNC1 after the first. */
export const GS = 0x1d;

// Ctrl + physical key → control code. By `event.code`, not `event.key`: on QWERTZ the "]" key reads "+" and on
// AZERTY "$", and a peer computing `key.toUpperCase() - 0x40` gets a wrong code there (research §2.1).
const CTRL_CODES = new Map<string, number>([
  ["BracketLeft", 0x1b],
  ["Backslash", 0x1c],
  ["BracketRight", 0x1d],
  // Ctrl+^ and Ctrl+_ are Shift+6 and Shift+Minus on a US keyboard; scanners send them without Shift too.
  ["Digit6", 0x1e],
  ["Minus", 0x1f],
]);
for (let letter = 0; letter < 26; letter++) CTRL_CODES.set(`Key${String.fromCharCode(65 + letter)}`, letter + 1);

/**
 * The control code Ctrl + a physical key stands for (Ctrl+KeyA → 0x01 … Ctrl+BracketRight → 0x1D GS), or -1
 * when the key has none (Ctrl+Digit1).
 */
export function ctrlControlCode(code: string): number {
  return CTRL_CODES.get(code) ?? -1;
}

const NUMPAD_DIGITS = new Map<string, number>();
for (let digit = 0; digit < 10; digit++) NUMPAD_DIGITS.set(`Numpad${digit}`, digit);

/**
 * The digit of a keypad key (Numpad0 … Numpad9), or -1. By `event.code`: with Num Lock off the same keys report
 * `key` "Insert", "End", "ArrowDown" …, and an Alt sequence still means the digits.
 */
export function numpadDigit(code: string): number {
  return NUMPAD_DIGITS.get(code) ?? -1;
}

// Keys that only change what another key types. They never start, end or time a burst: a scanner's Shift before
// an upper-case letter comes a millisecond before the letter, and would make any gap look scanner-fast.
const MODIFIER_KEYS = new Set([
  "Shift",
  "Control",
  "Alt",
  "AltGraph",
  "Meta",
  "OS",
  "Super",
  "Hyper",
  "Fn",
  "FnLock",
  "CapsLock",
  "NumLock",
  "ScrollLock",
  "Symbol",
  "SymbolLock",
]);

/** Whether `key` is a modifier or lock key (Shift, Control, Alt, CapsLock, NumLock …). */
export function isModifierKey(key: string): boolean {
  return MODIFIER_KEYS.has(key);
}
