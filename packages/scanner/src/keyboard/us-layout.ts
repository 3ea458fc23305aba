// The US layout as a table of physical keys. A scanner types by key position: set to the US layout (the factory
// default of most), it presses Digit1 for "1", and a host set to AZERTY reads that key as "&"
// (fttx/barcode-to-pc-server#166, research scanners.md §8 item 2). Reading `event.code` through this table gives
// back what the scanner meant, whatever the host's layout.

// Each entry: the US character without Shift, then with Shift.
const US_KEYS: Readonly<Record<string, readonly [string, string]>> = {
  Backquote: ["`", "~"],
  Digit1: ["1", "!"],
  Digit2: ["2", "@"],
  Digit3: ["3", "#"],
  Digit4: ["4", "$"],
  Digit5: ["5", "%"],
  Digit6: ["6", "^"],
  Digit7: ["7", "&"],
  Digit8: ["8", "*"],
  Digit9: ["9", "("],
  Digit0: ["0", ")"],
  Minus: ["-", "_"],
  Equal: ["=", "+"],
  BracketLeft: ["[", "{"],
  BracketRight: ["]", "}"],
  Backslash: ["\\", "|"],
  // The extra key left of Z on ISO keyboards, which US-mapped scanners do not use; Chromium names it so.
  IntlBackslash: ["\\", "|"],
  Semicolon: [";", ":"],
  Quote: ["'", '"'],
  Comma: [",", "<"],
  Period: [".", ">"],
  Slash: ["/", "?"],
  Space: [" ", " "],
  // Keypad keys type the same with or without Shift in the scanner's keypad emulation.
  NumpadDecimal: [".", "."],
  NumpadAdd: ["+", "+"],
  NumpadSubtract: ["-", "-"],
  NumpadMultiply: ["*", "*"],
  NumpadDivide: ["/", "/"],
};

// Packed as unshifted | shifted << 8 (all US characters are ASCII), so a lookup allocates nothing.
const PACKED = new Map<string, number>();
for (const [code, [plain, shifted]] of Object.entries(US_KEYS)) {
  PACKED.set(code, plain.charCodeAt(0) | (shifted.charCodeAt(0) << 8));
}
for (let letter = 0; letter < 26; letter++) {
  PACKED.set(`Key${String.fromCharCode(65 + letter)}`, (97 + letter) | ((65 + letter) << 8));
}
for (let digit = 0; digit < 10; digit++) {
  PACKED.set(`Numpad${digit}`, (48 + digit) | ((48 + digit) << 8));
}

/**
 * The character code a US keyboard types for a physical key, or -1 for a key that types none (Enter, F8, an
 * unknown code). Case comes from Shift alone: Caps Lock is the host's state, not what the scanner sent.
 *
 * @example
 * usLayoutCharCode("Digit1", false); // 0x31 "1", even where the host layout reads the key as "&"
 * usLayoutCharCode("BracketRight", true); // 0x7d "}"
 */
export function usLayoutCharCode(code: string, shiftKey: boolean): number {
  const packed = PACKED.get(code);
  if (packed === undefined) return -1;
  return shiftKey ? packed >> 8 : packed & 0xff;
}
