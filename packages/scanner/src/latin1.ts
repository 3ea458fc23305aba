// Bytes to text for scanner output, one byte to one UTF-16 code unit (ISO-8859-1). Shared by the serial and HID
// sources; it lives here because serial is its first user.
//
// Not TextDecoder("latin1"): the WHATWG Encoding Standard maps the labels "latin1" and "iso-8859-1" to
// windows-1252, which turns 0x80–0x9F into other characters (0x80 → "€"), so `text` would no longer give back the
// bytes. GS (0x1D) survives either way; exact bytes are what lets a later step decode UTF-8 (a `]Q1` URL with ECI).

const CHUNK = 0x2000; // String.fromCharCode takes its bytes as arguments; stay far below engines' argument limits.

/**
 * Decodes bytes as ISO-8859-1: byte `b` becomes the code unit `b`, so GS stays "\u001d" and no byte is lost.
 *
 * @example
 * decodeLatin1(Uint8Array.of(0x31, 0x1d, 0x32)); // "1\u001d2"
 */
export function decodeLatin1(bytes: Uint8Array): string {
  let text = "";
  for (let start = 0; start < bytes.length; start += CHUNK) {
    text += String.fromCharCode(...bytes.subarray(start, start + CHUNK));
  }
  return text;
}
