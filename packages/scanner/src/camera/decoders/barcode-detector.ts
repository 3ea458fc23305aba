// The W3C Shape Detection API's BarcodeDetector as a camera decoder: native on Android, macOS and ChromeOS (not on
// Windows or Linux Chrome, pitfall 27), or the `barcode-detector` polyfill. It reports no AIM id, so DataMatrix and
// QR regions are decoded a second time by a decoder that does (zxing-wasm) to tell `]d2`/`]Q3` from `]d1`/`]Q1`;
// anything still unknown is inferred and marked so (research scanners.md §0 item 8, §9.5).
import type { CameraDecoder, CameraFormat, DecodedSymbol, DecodeOptions } from "../decoder.js";
import { cropFrame, grownRect } from "../frame-crop.js";
import {
  type DetectedBarcodeLike,
  normalizeDetectedBarcode,
  REFINABLE_FORMATS,
  refinedSymbol,
} from "../normalize-barcode-detector.js";

/** The part of a `BarcodeDetector` instance used here. */
export interface DetectorLike {
  detect(image: ImageData): Promise<readonly DetectedBarcodeLike[]>;
}

/** The parts of the `BarcodeDetector` class used here (native or polyfill). */
export interface BarcodeDetectorClassLike {
  /** ScanGate's format names are the spec's, so they go to the detector as they are. */
  new (options: { formats: CameraFormat[] }): DetectorLike;
  getSupportedFormats(): Promise<readonly string[]>;
}

/** Options of {@link barcodeDetector}. */
export interface BarcodeDetectorOptions {
  /** The class: `globalThis.BarcodeDetector` where the browser has one, or the polyfill's. */
  readonly BarcodeDetector: BarcodeDetectorClassLike;
  /**
   * Re-decodes DataMatrix and QR regions to read their AIM id, e.g. `zxingWasm({ wasmUrl })`. Without it the id
   * of those is inferred from the content (`symbologySource: "inferred"`). Disposed with this decoder.
   * @default none: DataMatrix and QR ids are inferred
   */
  readonly refineWith?: CameraDecoder;
}

export type { DetectedBarcodeLike } from "../normalize-barcode-detector.js";

// A 2D symbol needs its quiet zone (2–4 modules) to be found again; a quarter of its size covers it.
const REFINE_MARGIN = 0.25;

/**
 * The BarcodeDetector decoder. EAN/UPC and DataBar get their AIM id from the format; DataMatrix and QR from
 * `refineWith` when given; Code 128 and the rest are inferred from the content.
 * @example
 * const decoder =
 *   "BarcodeDetector" in globalThis
 *     ? barcodeDetector({ BarcodeDetector: globalThis.BarcodeDetector, refineWith: zxingWasm({ wasmUrl }) })
 *     : zxingWasm({ wasmUrl });
 */
export function barcodeDetector(options: BarcodeDetectorOptions): CameraDecoder {
  let detector: { key: string; instance: Promise<DetectorLike> } | undefined;

  const detectorFor = (formats: readonly CameraFormat[]) => {
    const key = formats.join();
    if (detector?.key !== key) detector = { key, instance: createDetector(options.BarcodeDetector, formats) };
    return detector.instance;
  };

  return {
    name: "barcode-detector",
    async decode(frame, decodeOptions) {
      const found = await (await detectorFor(decodeOptions.formats)).detect(frame as ImageData);
      const refined: DecodedSymbol[] = [];
      for (const barcode of found) {
        const symbol = normalizeDetectedBarcode(barcode);
        if (symbol === undefined) continue;
        const refiner = options.refineWith;
        if (refiner === undefined || !REFINABLE_FORMATS.has(symbol.format)) {
          refined.push(symbol);
          continue;
        }
        const region = cropFrame(frame, grownRect(barcode.boundingBox, REFINE_MARGIN, frame.width, frame.height));
        refined.push(refinedSymbol(symbol, await refiner.decode(region, refineOptions(symbol.format, decodeOptions))));
      }
      return refined;
    },
    dispose() {
      options.refineWith?.dispose?.();
    },
  };
}

async function createDetector(
  Detector: BarcodeDetectorClassLike,
  formats: readonly CameraFormat[],
): Promise<DetectorLike> {
  const supported = new Set(await Detector.getSupportedFormats());
  // Native detectors reject format names they do not support, so only the supported ones are asked for.
  const asked = formats.filter((format) => supported.has(format));
  // The constructor throws on an empty list; a detector that can read none of the formats finds nothing.
  return asked.length === 0 ? { detect: async () => [] } : new Detector({ formats: asked });
}

function refineOptions(format: CameraFormat, options: DecodeOptions): DecodeOptions {
  return { formats: [format], tryHarder: false, at: options.at };
}
