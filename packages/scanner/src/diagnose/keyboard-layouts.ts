// What a keyboard-wedge scanner set to the US layout types on a host set to another layout. The scanner sends key
// positions for US characters; the host reads them with its own layout, so "1" (Digit1) becomes "&" on AZERTY
// (fttx/barcode-to-pc-server#166, research scanners.md §8 item 2). Derived from the French (AZERTY) and German
// (QWERTZ) Windows layouts; dead keys (AZERTY "[", QWERTZ "=" and "`") are left out, since they type nothing alone.

/** A host keyboard layout diagnose can recognise. */
export type KeyboardLayoutName = "azerty-fr" | "qwertz-de";

/** Per physical key: US unshifted, US shifted, then the host layout's unshifted and shifted character ("" = dead). */
type KeyRow = readonly [us: string, usShift: string, host: string, hostShift: string];

const AZERTY_FR: readonly KeyRow[] = [
  ["`", "~", "²", ""],
  ["1", "!", "&", "1"],
  ["2", "@", "é", "2"],
  ["3", "#", '"', "3"],
  ["4", "$", "'", "4"],
  ["5", "%", "(", "5"],
  ["6", "^", "-", "6"],
  ["7", "&", "è", "7"],
  ["8", "*", "_", "8"],
  ["9", "(", "ç", "9"],
  ["0", ")", "à", "0"],
  ["-", "_", ")", "°"],
  ["q", "Q", "a", "A"],
  ["w", "W", "z", "Z"],
  ["]", "}", "$", "£"],
  ["\\", "|", "*", "µ"],
  ["a", "A", "q", "Q"],
  [";", ":", "m", "M"],
  ["'", '"', "ù", "%"],
  ["z", "Z", "w", "W"],
  ["m", "M", ",", "?"],
  [",", "<", ";", "."],
  [".", ">", ":", "/"],
  ["/", "?", "!", "§"],
];

const QWERTZ_DE: readonly KeyRow[] = [
  ["`", "~", "", "°"],
  ["2", "@", "2", '"'],
  ["3", "#", "3", "§"],
  ["6", "^", "6", "&"],
  ["7", "&", "7", "/"],
  ["8", "*", "8", "("],
  ["9", "(", "9", ")"],
  ["0", ")", "0", "="],
  ["-", "_", "ß", "?"],
  ["y", "Y", "z", "Z"],
  ["[", "{", "ü", "Ü"],
  ["]", "}", "+", "*"],
  ["\\", "|", "#", "'"],
  [";", ":", "ö", "Ö"],
  ["'", '"', "ä", "Ä"],
  ["z", "Z", "y", "Y"],
  ["/", "?", "-", "_"],
  [",", "<", ",", ";"],
  [".", ">", ".", ":"],
];

function characterMap(rows: readonly KeyRow[]): ReadonlyMap<string, string> {
  const map = new Map<string, string>();
  for (const [us, usShift, host, hostShift] of rows) {
    if (host !== "") map.set(us, host);
    if (hostShift !== "") map.set(usShift, hostShift);
  }
  return map;
}

/**
 * For each layout, the characters that change: US character → what the host types. A character not in the map
 * arrives unchanged (letters, and on QWERTZ the unshifted digits).
 */
export const LAYOUT_CHANGES: Readonly<Record<KeyboardLayoutName, ReadonlyMap<string, string>>> = {
  "azerty-fr": characterMap(AZERTY_FR),
  "qwertz-de": characterMap(QWERTZ_DE),
};
