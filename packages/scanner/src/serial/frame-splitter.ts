// Cuts a serial byte stream into scans at the scanner's suffix (CR, LF, CR LF, or what it is configured to send).
// Framing on the suffix ends a scan the moment its last byte arrives; framing on silence, as
// @point-of-sale/webserial-barcode-scanner does, adds its 300 ms timeout to every scan and merges scans that come
// closer together (research/scanners.md §5, §8 item 16). Pure: chunks and their arrival times in, frames out;
// the caller owns the idle timer that calls `flush()` for scanners that send no suffix.

/** One scan's bytes, suffix removed. */
export interface SerialFrame {
  readonly bytes: Uint8Array;
  /** Arrival time of the chunk that held the frame's first byte, epoch ms. */
  readonly at: number;
}

/** A stateful splitter for one connection. */
export interface FrameSplitter {
  /** Adds a chunk; returns the frames it completed, in order. */
  push(chunk: Uint8Array, at: number): SerialFrame[];
  /** Ends the frame in progress (the idle fallback); undefined when there is none. */
  flush(): SerialFrame | undefined;
  /** Drops the frame in progress (after a read error: its bytes are incomplete). */
  reset(): void;
  /** Bytes of the frame in progress. */
  readonly pendingByteCount: number;
}

/** The suffixes a scanner ends scans with by default: CR LF, CR or LF. */
export const DEFAULT_SERIAL_SUFFIXES: readonly string[] = ["\r\n", "\r", "\n"];

/**
 * Creates a splitter that ends a frame at any of `suffixes` (strings of byte values 0–255).
 *
 * A frame ends as soon as a suffix is complete. When that suffix begins a longer one (CR of CR LF), the rest of
 * the longer one is skipped if it follows, even in the next chunk, so CR LF split across chunks is one suffix and
 * a scanner sending CR alone is not kept waiting for an LF. Empty frames (LF LF) are dropped.
 *
 * @example
 * const splitter = createFrameSplitter();
 * splitter.push(bytes("]d2010"), 0); // []
 * splitter.push(bytes("9521234543213\r"), 3); // [{ bytes: "]d20109521234543213", at: 0 }]
 */
export function createFrameSplitter(suffixes: readonly string[] = DEFAULT_SERIAL_SUFFIXES): FrameSplitter {
  const patterns = suffixes.map(suffixBytes).sort((a, b) => b.length - a.length);
  let buffer: number[] = [];
  let frameAt = 0;
  let skip: readonly number[] = []; // the rest of a longer suffix that may follow the one just matched
  let skipped = 0;

  const take = (end: number): SerialFrame | undefined => {
    const bytes = Uint8Array.from(buffer.slice(0, end));
    buffer = [];
    return bytes.length > 0 ? { bytes, at: frameAt } : undefined;
  };

  const append = (byte: number, at: number, frames: SerialFrame[]) => {
    if (buffer.length === 0) frameAt = at;
    buffer.push(byte);
    const matched = patterns.find((pattern) => endsWith(buffer, pattern));
    if (!matched) return;
    const frame = take(buffer.length - matched.length);
    if (frame) frames.push(frame);
    const longer = patterns.find((pattern) => pattern.length > matched.length && startsWith(pattern, matched));
    skip = longer ? longer.slice(matched.length) : [];
    skipped = 0;
  };

  return {
    push(chunk, at) {
      const frames: SerialFrame[] = [];
      for (const byte of chunk) {
        if (skipped < skip.length) {
          if (byte === skip[skipped]) {
            skipped++;
            continue;
          }
          // Not the longer suffix after all: the bytes held back belong to the next frame.
          const heldBack = skip.slice(0, skipped);
          skip = [];
          for (const held of heldBack) append(held, at, frames);
        }
        append(byte, at, frames);
      }
      return frames;
    },
    flush() {
      skip = [];
      return take(buffer.length);
    },
    reset() {
      buffer = [];
      skip = [];
    },
    get pendingByteCount() {
      return buffer.length;
    },
  };
}

function suffixBytes(suffix: string): readonly number[] {
  const bytes = Array.from(suffix, (char) => char.charCodeAt(0));
  if (bytes.length === 0 || bytes.some((byte) => byte > 0xff)) {
    throw new RangeError(`a serial suffix must be 1 or more characters of code 0-255, got ${JSON.stringify(suffix)}`);
  }
  return bytes;
}

function endsWith(buffer: readonly number[], pattern: readonly number[]): boolean {
  if (buffer.length < pattern.length) return false;
  const start = buffer.length - pattern.length;
  return pattern.every((byte, index) => buffer[start + index] === byte);
}

function startsWith(pattern: readonly number[], prefix: readonly number[]): boolean {
  return prefix.every((byte, index) => pattern[index] === byte);
}
