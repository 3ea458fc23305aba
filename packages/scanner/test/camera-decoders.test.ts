// Every camera decoder against symbols rendered with bwip-js, decoded in Node: zxing-wasm (wasm from node_modules,
// no network), @zxing/library, and the BarcodeDetector polyfill. Expectations are what a scanner sends.
import { readFileSync } from "node:fs";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { CameraDecoder, CameraFrame, DecodeOptions } from "../src/camera/decoder.js";
import { TILL_FORMATS } from "../src/camera/decoder.js";
import { barcodeDetector } from "../src/camera/decoders/barcode-detector.js";
import { zxingJs } from "../src/camera/decoders/zxing-js.js";
import { zxingWasm } from "../src/camera/decoders/zxing-wasm.js";
import { POLYFILL_WASM_PATH, ZXING_WASM_PATH } from "./support-camera/page-server.js";
import {
  cameraFrame,
  degraded,
  type GreyImage,
  renderSymbol,
  rgbaFrame,
  SYMBOLS,
  type SymbolId,
} from "./support-camera/symbols.js";

const GS = 0x1d;
const ALL_SYMBOLS = Object.keys(SYMBOLS) as SymbolId[];
const options: DecodeOptions = { formats: TILL_FORMATS, tryHarder: false, at: 0 };

function wasmBytes(path: string): ArrayBuffer {
  const file = readFileSync(path);
  return file.buffer.slice(file.byteOffset, file.byteOffset + file.byteLength) as ArrayBuffer;
}

function frameOf(id: SymbolId | undefined, { blurred = false } = {}): CameraFrame {
  const picture: GreyImage = cameraFrame(640, 480, id === undefined ? undefined : renderSymbol(id));
  return rgbaFrame(blurred ? degraded(picture) : picture);
}

function gsPositions(text: string): number[] {
  return [...text].flatMap((character, index) => (character.charCodeAt(0) === GS ? [index] : []));
}

const wasmDecoder = zxingWasm({ wasmBinary: wasmBytes(ZXING_WASM_PATH), worker: false });

describe("zxing-wasm decoder", () => {
  it.each(ALL_SYMBOLS)("reads %s with the AIM id from the decoder and every GS kept", async (id) => {
    const [symbol, ...others] = await wasmDecoder.decode(frameOf(id), options);
    const { expected } = SYMBOLS[id];
    expect(others).toEqual([]);
    expect(symbol).toMatchObject({ text: expected.text, symbology: expected.symbology, symbologySource: "decoder" });
    expect(gsPositions(symbol?.text ?? "")).toEqual(gsPositions(expected.text));
    expect(new TextDecoder().decode(symbol?.raw)).toBe(expected.text);
  });

  it.each(["gs1-datamatrix", "gs1-qr", "digital-link-qr"] as const)(
    "reads %s on a blurred, noisy frame",
    async (id) => {
      const [symbol] = await wasmDecoder.decode(frameOf(id, { blurred: true }), options);
      expect(symbol).toMatchObject(SYMBOLS[id].expected);
    },
  );

  it("finds nothing on an empty frame", async () => {
    expect(await wasmDecoder.decode(frameOf(undefined), { ...options, tryHarder: true })).toEqual([]);
  });

  it("looks only for the formats asked for", async () => {
    expect(await wasmDecoder.decode(frameOf("ean-13"), { ...options, formats: ["qr_code"] })).toEqual([]);
  });

  it("refuses to start without a wasm URL or binary rather than fetch it from a CDN", () => {
    expect(() => zxingWasm({})).toThrow(/wasmUrl or wasmBinary/);
  });
});

describe("@zxing/library decoder (the engine of @zxing/browser)", () => {
  const decoder = zxingJs();

  it.each(ALL_SYMBOLS)("reads %s with the repaired AIM id and every GS", async (id) => {
    const [symbol] = await decoder.decode(frameOf(id), { ...options, at: 1000 });
    const { expected } = SYMBOLS[id];
    expect(symbol).toMatchObject({ text: expected.text, symbology: expected.symbology, symbologySource: "decoder" });
    expect(gsPositions(symbol?.text ?? "")).toEqual(gsPositions(expected.text));
  });

  it("never reports old DataBar data on a later DataMatrix frame (fresh readers after each result)", async () => {
    const stateful = zxingJs();
    const sequence: (SymbolId | undefined)[] = ["databar-expanded", "databar-expanded", undefined, "gs1-datamatrix"];
    const formats = sequence.map(() => "");
    for (const [index, id] of sequence.entries()) {
      const frame = id === "gs1-datamatrix" ? frameOf(id, { blurred: true }) : frameOf(id);
      const [symbol] = await stateful.decode(frame, { ...options, at: index * 66 });
      formats[index] = symbol?.format ?? "none";
    }
    expect(formats.slice(0, 3)).toEqual(["databar_expanded", "databar_expanded", "none"]);
    expect(formats[3]).not.toBe("databar_expanded");
  });

  it("writes nothing to the console while it misses (MultiFormatReader would warn on every frame)", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => undefined);
    const log = vi.spyOn(console, "log").mockImplementation(() => undefined);
    try {
      const quiet = zxingJs();
      await quiet.decode(frameOf(undefined), options);
      await quiet.decode(frameOf("gs1-datamatrix"), options);
      expect(warn).not.toHaveBeenCalled();
      expect(log).not.toHaveBeenCalled();
    } finally {
      warn.mockRestore();
      log.mockRestore();
    }
  });
});

describe("BarcodeDetector decoder (the polyfill standing in for a native detector)", () => {
  let Detector: Parameters<typeof barcodeDetector>[0]["BarcodeDetector"];

  // Node has no ImageData, which the polyfill checks its input against.
  class ImageDataShim implements CameraFrame {
    readonly data: Uint8ClampedArray;
    readonly width: number;
    readonly height: number;
    constructor(data: Uint8ClampedArray, width: number, height: number) {
      this.data = data;
      this.width = width;
      this.height = height;
    }
  }
  const imageData = ({ data, width, height }: CameraFrame): CameraFrame => new ImageDataShim(data, width, height);

  beforeAll(async () => {
    vi.stubGlobal("ImageData", ImageDataShim);
    // … nor the DOMRectReadOnly it builds bounding boxes with.
    vi.stubGlobal(
      "DOMRectReadOnly",
      class {
        readonly x: number;
        readonly y: number;
        readonly width: number;
        readonly height: number;
        constructor(x = 0, y = 0, width = 0, height = 0) {
          this.x = x;
          this.y = y;
          this.width = width;
          this.height = height;
        }
      },
    );
    const polyfill = await import("barcode-detector/ponyfill");
    await polyfill.prepareZXingModule({
      overrides: { wasmBinary: wasmBytes(POLYFILL_WASM_PATH) },
      fireImmediately: true,
    });
    Detector = polyfill.BarcodeDetector;
  });
  afterAll(() => {
    vi.unstubAllGlobals();
  });

  it("learns ]d2 and ]Q3 by re-decoding DataMatrix and QR regions with zxing-wasm", async () => {
    const decoder: CameraDecoder = barcodeDetector({ BarcodeDetector: Detector, refineWith: wasmDecoder });
    for (const id of ["gs1-datamatrix", "gs1-qr", "digital-link-qr"] as const) {
      const [symbol] = await decoder.decode(imageData(frameOf(id)), options);
      expect(symbol).toMatchObject({ ...SYMBOLS[id].expected, symbologySource: "decoder" });
    }
  });

  it("marks the symbology it could only infer from the content", async () => {
    const decoder = barcodeDetector({ BarcodeDetector: Detector });
    const [dataMatrix] = await decoder.decode(imageData(frameOf("gs1-datamatrix")), options);
    expect(dataMatrix).toMatchObject({ ...SYMBOLS["gs1-datamatrix"].expected, symbologySource: "inferred" });
    const [gs1128] = await decoder.decode(imageData(frameOf("gs1-128")), options);
    expect(gs1128).toMatchObject({ ...SYMBOLS["gs1-128"].expected, symbologySource: "inferred" });
  });

  it("takes the EAN-13 and DataBar AIM ids from the format", async () => {
    const decoder = barcodeDetector({ BarcodeDetector: Detector });
    for (const id of ["ean-13", "databar-expanded"] as const) {
      const [symbol] = await decoder.decode(imageData(frameOf(id)), options);
      expect(symbol).toMatchObject({ ...SYMBOLS[id].expected, symbologySource: "decoder" });
    }
  });
});

// Last: zxing-wasm keeps one module per thread, so a broken binary replaces the good one for in-thread decoders
// (a Worker decoder has its own thread).
describe("zxing-wasm decoder with a broken binary", () => {
  it("rejects decodes when its wasm cannot be compiled", async () => {
    const emscriptenLog = vi.spyOn(console, "error").mockImplementation(() => undefined);
    try {
      const broken = zxingWasm({ wasmBinary: new ArrayBuffer(8), worker: false });
      await expect(broken.decode(frameOf(undefined), options)).rejects.toThrow(/magic word/);
    } finally {
      emscriptenLog.mockRestore();
    }
  });
});
