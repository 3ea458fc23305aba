// Test helper: text whose characters are byte values (as a scanner sends them) → bytes.

/** The bytes of `text`, one byte per character; throws on a character above 0xFF (a test bug). */
export function latin1Bytes(text: string): Uint8Array<ArrayBuffer> {
  return Uint8Array.from(text, (char) => {
    const code = char.charCodeAt(0);
    if (code > 0xff) throw new RangeError(`not a byte: ${JSON.stringify(char)}`);
    return code;
  });
}
