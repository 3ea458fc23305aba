// How many columns of a monospace receipt printer a text takes: East Asian Wide and Fullwidth characters (Unicode
// UAX #11: CJK ideographs, kana, Hangul, full-width forms, CJK punctuation) take two, combining marks none, the rest
// one. Printers in Chinese mode print a GB18030 double-byte character exactly two columns wide, so this is what lines
// are measured with. The ranges are the W/F blocks of EastAsianWidth.txt a receipt can meet, merged.
const WIDE_RANGES: readonly (readonly [number, number])[] = [
  [0x1100, 0x115f], // Hangul Jamo initials
  [0x231a, 0x231b],
  [0x2e80, 0x303e], // CJK radicals, Kangxi, ideographic description, CJK symbols and punctuation
  [0x3041, 0x33ff], // kana, Bopomofo, Hangul compatibility, Kanbun, CJK strokes, enclosed and compatibility
  [0x3400, 0x4dbf], // CJK Unified Ideographs Extension A
  [0x4e00, 0x9fff], // CJK Unified Ideographs
  [0xa000, 0xa4cf], // Yi
  [0xa960, 0xa97f],
  [0xac00, 0xd7a3], // Hangul syllables
  [0xf900, 0xfaff], // CJK compatibility ideographs
  [0xfe10, 0xfe19], // vertical forms
  [0xfe30, 0xfe6f], // CJK compatibility forms, small form variants
  [0xff00, 0xff60], // full-width ASCII variants
  [0xffe0, 0xffe6], // full-width signs (￥ ￠ …)
  [0x1f300, 0x1f64f], // emoji pictographs and emoticons
  [0x1f900, 0x1f9ff],
  [0x20000, 0x3fffd], // CJK Extensions B–H, planes 2 and 3
];

function isWide(codePoint: number): boolean {
  for (const [first, last] of WIDE_RANGES) {
    if (codePoint < first) return false;
    if (codePoint <= last) return true;
  }
  return false;
}

/** Columns one character takes: 0, 1 or 2. */
function charWidth(char: string): number {
  const codePoint = char.codePointAt(0) ?? 0;
  if (codePoint < 0x20 || (codePoint >= 0x7f && codePoint < 0xa0)) return 0;
  if (/^\p{Mn}$/u.test(char) || codePoint === 0x200b || (codePoint >= 0xfe00 && codePoint <= 0xfe0f)) return 0;
  return isWide(codePoint) ? 2 : 1;
}

/** Columns `text` takes on a monospace printer. */
export function displayWidth(text: string): number {
  let width = 0;
  for (const char of text) width += charWidth(char);
  return width;
}

/** Splits `text` into lines of at most `width` columns, breaking after a space where one is near, else anywhere
 * (Chinese has no spaces; a URL none either). Line breaks in `text` are kept. */
export function wrapToWidth(text: string, width: number): string[] {
  const lines: string[] = [];
  for (const paragraph of text.split(/\r\n|\r|\n/)) {
    let line = "";
    let lineWidth = 0;
    for (const char of paragraph) {
      const charColumns = charWidth(char);
      if (lineWidth + charColumns > width) {
        const space = line.lastIndexOf(" ");
        const breakAtSpace = space > 0 && displayWidth(line.slice(space + 1)) < width / 2;
        const kept = breakAtSpace ? line.slice(0, space) : line;
        lines.push(kept.trimEnd());
        line = breakAtSpace ? line.slice(space + 1) : "";
        lineWidth = displayWidth(line);
      }
      if (line === "" && char === " ") continue;
      line += char;
      lineWidth += charColumns;
    }
    lines.push(line.trimEnd());
  }
  return lines;
}
