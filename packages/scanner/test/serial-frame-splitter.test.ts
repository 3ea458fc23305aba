import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFrameSplitter, type SerialFrame } from "../src/serial/frame-splitter.js";
import { latin1Bytes } from "./fakes/latin1-bytes.js";

const GS = "\u001d";

function feed(chunks: readonly (readonly [string, number])[], suffixes?: readonly string[]) {
  const splitter = createFrameSplitter(suffixes);
  const frames: SerialFrame[] = [];
  for (const [chunk, at] of chunks) frames.push(...splitter.push(latin1Bytes(chunk), at));
  return { frames: frames.map((frame) => [String.fromCharCode(...frame.bytes), frame.at]), splitter };
}

describe("splitting serial bytes into scans at the suffix", () => {
  it("ends a scan at CR LF", () => {
    expect(feed([["]d20109521234543213\r\n", 10]]).frames).toEqual([["]d20109521234543213", 10]]);
  });

  it("ends a scan at CR at once, and skips the LF that follows in the next chunk", () => {
    const { frames } = feed([
      ["]d20109521234543213\r", 10],
      [`\n]C10109521234543213${GS}10A\r\n`, 14],
    ]);
    expect(frames).toEqual([
      ["]d20109521234543213", 10],
      [`]C10109521234543213${GS}10A`, 14],
    ]);
  });

  it("joins a scan split inside its AIM id, stamped with the time of its first chunk", () => {
    const { frames } = feed([
      ["]", 10],
      ["d", 12],
      ["2010952123454", 13],
      ["3213\r\n", 20],
    ]);
    expect(frames).toEqual([["]d20109521234543213", 10]]);
  });

  it("splits two scans that arrive in one chunk", () => {
    expect(feed([["4006381333931\r\n]E05901234123457\r\n", 7]]).frames).toEqual([
      ["4006381333931", 7],
      ["]E05901234123457", 7],
    ]);
  });

  it("ends scans at a lone LF, and drops the empty frames of doubled suffixes", () => {
    expect(feed([["A1\n\nB2\r\r\n", 1]]).frames).toEqual([
      ["A1", 1],
      ["B2", 1],
    ]);
  });

  it("keeps an LF inside the data when the scanner is set to CR LF only", () => {
    expect(feed([["line 1\nline 2\r\n", 1]], ["\r\n"]).frames).toEqual([["line 1\nline 2", 1]]);
  });

  it("frames on a configured ETX suffix", () => {
    expect(feed([["\u00024006381333931\u0003\u00025901234123457\u0003", 1]], ["\u0003"]).frames).toEqual([
      ["\u00024006381333931", 1],
      ["\u00025901234123457", 1],
    ]);
  });

  it("gives back held-back bytes when a longer suffix does not complete", () => {
    expect(feed([["A\r\nB\r\n\nC\r", 1]], ["\r", "\r\n\n"]).frames).toEqual([
      ["A", 1],
      ["\nB", 1],
      ["C", 1],
    ]);
  });

  it("hands over the unfinished frame on flush, and drops it on reset", () => {
    const { splitter } = feed([["4006381333931", 5]]);
    expect(splitter.pendingByteCount).toBe(13);
    expect(splitter.flush()).toEqual({ bytes: latin1Bytes("4006381333931"), at: 5 });
    expect(splitter.flush()).toBeUndefined();
    splitter.push(latin1Bytes("0109"), 6);
    splitter.reset();
    expect(splitter.pendingByteCount).toBe(0);
    expect(splitter.push(latin1Bytes("A\r"), 7).map((frame) => frame.at)).toEqual([7]);
  });

  it("refuses an empty suffix or one that is not bytes", () => {
    expect(() => createFrameSplitter([""])).toThrow(RangeError);
    expect(() => createFrameSplitter(["€"])).toThrow(RangeError);
  });

  it("finds the same scans wherever the chunks are cut (property)", () => {
    // GS, printable ASCII and Latin-1 letters: anything a scan holds except the suffix bytes.
    const scanByte = fc.oneof(
      fc.constant(0x1d),
      fc.integer({ min: 0x20, max: 0x7e }),
      fc.integer({ min: 0xa0, max: 0xff }),
    );
    const scan = fc.array(scanByte, { minLength: 1, maxLength: 40 }).map((codes) => String.fromCharCode(...codes));
    fc.assert(
      fc.property(
        fc.array(scan, { minLength: 1, maxLength: 5 }),
        fc.constantFrom("\r\n", "\r", "\n"),
        fc.array(fc.integer({ min: 1, max: 200 }), { maxLength: 10 }),
        (scans, suffix, cuts) => {
          const stream = latin1Bytes(scans.map((text) => text + suffix).join(""));
          const splitter = createFrameSplitter();
          const frames: string[] = [];
          const points = [...new Set(cuts.map((cut) => cut % (stream.length + 1)))].sort((a, b) => a - b);
          let start = 0;
          for (const end of [...points, stream.length]) {
            for (const frame of splitter.push(stream.subarray(start, end), 0)) {
              frames.push(String.fromCharCode(...frame.bytes));
            }
            start = Math.max(start, end);
          }
          expect(frames).toEqual(scans);
        },
      ),
      { seed: 20261129, numRuns: 300 },
    );
  });
});
