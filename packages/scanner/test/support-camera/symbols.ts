// Test symbols for the camera: the six codes of research scanners.md §11.1 rendered with bwip-js, placed on a grey
// camera-sized frame, optionally degraded (blur, low contrast, noise) the way a cheap webcam sees a pack.
import { drawingZlibPng, render } from "bwip-js/node";

/** The test symbols. */
export type SymbolId = "gs1-datamatrix" | "gs1-qr" | "digital-link-qr" | "gs1-128" | "ean-13" | "databar-expanded";

const GS = "\u001d";
const GS1_DATA = "(01)09521234543213(17)251231(10)ABC123(21)SER42";
/** The Digital Link the plain QR carries. */
export const DIGITAL_LINK = "https://id.gs1.org/01/09521234543213/10/ABC123?17=251231";

interface SymbolSpec {
  readonly bcid: string;
  readonly content: string;
  /** Pixels per module at 640 × 480. */
  readonly scale: number;
  /** Bar height in millimetres, for linear symbols. */
  readonly barHeight?: number;
  /** What a scanner sends: the AIM id and the data, every later FNC1 as GS. */
  readonly expected: { readonly symbology: string; readonly text: string };
}

export const SYMBOLS: Readonly<Record<SymbolId, SymbolSpec>> = {
  "gs1-datamatrix": {
    bcid: "gs1datamatrix",
    content: GS1_DATA,
    scale: 3,
    expected: { symbology: "]d2", text: `010952123454321317251231${"10ABC123"}${GS}21SER42` },
  },
  "gs1-qr": {
    bcid: "gs1qrcode",
    content: GS1_DATA,
    scale: 3,
    expected: { symbology: "]Q3", text: `010952123454321317251231${"10ABC123"}${GS}21SER42` },
  },
  "digital-link-qr": {
    bcid: "qrcode",
    content: DIGITAL_LINK,
    scale: 3,
    expected: { symbology: "]Q1", text: DIGITAL_LINK },
  },
  "gs1-128": {
    bcid: "gs1-128",
    content: "(01)09521234543213(10)AB12(21)S1",
    scale: 2,
    barHeight: 12,
    expected: { symbology: "]C1", text: `010952123454321310AB12${GS}21S1` },
  },
  "ean-13": {
    bcid: "ean13",
    content: "9521234543213",
    scale: 2,
    barHeight: 12,
    expected: { symbology: "]E0", text: "9521234543213" },
  },
  "databar-expanded": {
    bcid: "databarexpandedstacked",
    content: "(01)09521234543213(17)251231(10)ABC123",
    scale: 2,
    expected: { symbology: "]e0", text: "01095212345432131725123110ABC123" },
  },
};

/** One-channel pixels (0 black … 255 white), row by row. */
export interface GreyImage {
  readonly width: number;
  readonly height: number;
  readonly luma: Uint8Array;
}

interface PngDrawing {
  image(width: number, height: number): { buffer: Uint8Array };
  end(): unknown;
}

/** The symbol alone (with bwip-js's quiet zone), `scaleFactor` × its 640-frame size. */
export function renderSymbol(id: SymbolId, scaleFactor = 1): GreyImage {
  const spec = SYMBOLS[id];
  // bwip-js's PNG drawing renders into an RGBA buffer (each row led by a PNG filter byte) before compressing it;
  // taking that buffer skips the PNG round trip.
  const drawing = drawingZlibPng() as unknown as PngDrawing;
  const makeImage = drawing.image.bind(drawing);
  let captured: { buffer: Uint8Array; width: number; height: number } | undefined;
  drawing.image = (width, height) => {
    const image = makeImage(width, height);
    captured = { buffer: image.buffer, width, height };
    return image;
  };
  drawing.end = () => undefined;
  render(
    {
      bcid: spec.bcid,
      text: spec.content,
      scale: Math.round(spec.scale * scaleFactor),
      ...(spec.barHeight === undefined ? {} : { height: spec.barHeight }),
      backgroundcolor: "FFFFFF",
      paddingwidth: 10,
      paddingheight: 10,
    },
    drawing as unknown as Parameters<typeof render>[1],
  );
  if (captured === undefined) throw new Error(`bwip-js drew nothing for ${id}`);
  const { buffer, width, height } = captured;
  const luma = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) luma[y * width + x] = buffer[y * (width * 4 + 1) + 1 + x * 4] ?? 255;
  }
  return { width, height, luma };
}

/** A light-grey frame (235, like a pack under shop lighting) with the symbol in its centre, or empty. */
export function cameraFrame(width: number, height: number, symbol?: GreyImage): GreyImage {
  const luma = new Uint8Array(width * height).fill(235);
  if (symbol !== undefined) {
    const left = Math.floor((width - symbol.width) / 2);
    const top = Math.floor((height - symbol.height) / 2);
    for (let y = 0; y < symbol.height; y++) {
      luma.set(symbol.luma.subarray(y * symbol.width, (y + 1) * symbol.width), (top + y) * width + left);
    }
  }
  return { width, height, luma };
}

/** A cheap webcam's view: 3 × 3 box blur, contrast × 0.65 (+60), noise of σ ≈ 10 from a seeded generator. */
export function degraded(image: GreyImage, seed = 1): GreyImage {
  const { width, height, luma } = image;
  const random = mulberry32(seed);
  const out = new Uint8Array(luma.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      let sum = 0;
      let count = 0;
      for (let dy = -1; dy <= 1; dy++) {
        for (let dx = -1; dx <= 1; dx++) {
          const value = luma[(y + dy) * width + x + dx];
          if (value !== undefined && x + dx >= 0 && x + dx < width) {
            sum += value;
            count++;
          }
        }
      }
      // Sum of three uniforms: roughly normal with σ ≈ 10 after scaling.
      const noise = (random() + random() + random() - 1.5) * 20;
      out[y * width + x] = Math.max(0, Math.min(255, Math.round((sum / count) * 0.65 + 60 + noise)));
    }
  }
  return { width, height, luma: out };
}

/** The grey image as RGBA pixels, the shape `getImageData()` returns. */
export function rgbaFrame(image: GreyImage): { width: number; height: number; data: Uint8ClampedArray } {
  const data = new Uint8ClampedArray(image.width * image.height * 4);
  for (let pixel = 0; pixel < image.luma.length; pixel++) {
    const value = image.luma[pixel] ?? 0;
    data[pixel * 4] = value;
    data[pixel * 4 + 1] = value;
    data[pixel * 4 + 2] = value;
    data[pixel * 4 + 3] = 255;
  }
  return { width: image.width, height: image.height, data };
}

function mulberry32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
