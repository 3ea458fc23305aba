// The shipped test labels are only useful if a correct scanner really sends their `expected` scan: draw each one
// with bwip-js and decode it with zxing-wasm (textMode "Plain", the camera default), in Node.
import { readFileSync } from "node:fs";
import bwipjs from "bwip-js/node";
import { describe, expect, it } from "vitest";
import { prepareZXingModule, readBarcodes } from "zxing-wasm/reader";
import { TEST_LABELS } from "../src/test-labels.js";

const wasm = readFileSync(new URL("../node_modules/zxing-wasm/dist/reader/zxing_reader.wasm", import.meta.url));
prepareZXingModule({
  overrides: { wasmBinary: wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength) as ArrayBuffer },
  fireImmediately: true,
});

describe("TEST_LABELS", () => {
  it.each(TEST_LABELS.map((label) => [label.id, label] as const))(
    "%s decodes to its expected scan",
    async (_id, label) => {
      const png = await bwipjs.toBuffer({
        bcid: label.symbol.bcid,
        text: label.symbol.text,
        scale: 3,
        paddingwidth: 10,
        paddingheight: 10,
        backgroundcolor: "FFFFFF",
      });
      const [decoded, ...more] = await readBarcodes(new Uint8Array(png), { textMode: "Plain" });
      expect(more).toEqual([]);
      expect({ symbology: decoded?.symbologyIdentifier, text: decoded?.text }).toEqual(label.expected);
    },
  );

  it("has one label per id", () => {
    expect(new Set(TEST_LABELS.map((label) => label.id)).size).toBe(TEST_LABELS.length);
  });
});
