// Chinese text as the bytes a Chinese-market ESC/POS printer expects in Chinese (Kanji) mode: GB18030's one- and
// two-byte codes (the GBK repertoire: 21,886 characters, every character of GB 2312 and the CJK Unified block).
// @point-of-sale/codepage-encoder has no CJK code page, and browsers and Node have no GB18030 *encoder* — but every
// WHATWG-conformant TextDecoder (all browsers; Node with its default full ICU) has the decoder, so the table is built
// once by decoding every two-byte code and reading it backwards. Characters outside GBK (rare ideographs of the
// four-byte range, emoji) become "?", since GBK-only printer fonts could not print them anyway.

let table: Map<number, number> | undefined;

function twoByteTable(): Map<number, number> {
  const decoder = new TextDecoder("gb18030");
  const map = new Map<number, number>();
  const trails: number[] = [];
  for (let trail = 0x40; trail <= 0xfe; trail += 1) if (trail !== 0x7f) trails.push(trail);
  for (let lead = 0x81; lead <= 0xfe; lead += 1) {
    const bytes = new Uint8Array(trails.length * 2);
    trails.forEach((trail, index) => {
      bytes[index * 2] = lead;
      bytes[index * 2 + 1] = trail;
    });
    const chars = Array.from(decoder.decode(bytes));
    // Every pair in these ranges decodes to exactly one character; if a platform ever differs, skip the row rather
    // than misalign it.
    if (chars.length !== trails.length) continue;
    chars.forEach((char, index) => {
      const codePoint = char.codePointAt(0) ?? 0xfffd;
      if (codePoint !== 0xfffd && !map.has(codePoint)) map.set(codePoint, (lead << 8) | (trails[index] ?? 0));
    });
  }
  return map;
}

/** `text` in GB18030 (one- and two-byte codes; anything else as "?"). */
export function gb18030Bytes(text: string): Uint8Array {
  table ??= twoByteTable();
  const out: number[] = [];
  for (const char of text) {
    const codePoint = char.codePointAt(0) ?? 0x3f;
    if (codePoint < 0x80) {
      out.push(codePoint);
      continue;
    }
    const code = table.get(codePoint);
    if (code === undefined) out.push(0x3f);
    else out.push(code >> 8, code & 0xff);
  }
  return Uint8Array.from(out);
}
