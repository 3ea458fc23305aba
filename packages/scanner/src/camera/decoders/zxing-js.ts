// The @zxing/browser engine (@zxing/library, ZXing's TypeScript port) as a camera decoder: lighter than zxing-wasm
// (about 111 KB gzipped against 410 KB, research scanners.md §2.2) but weaker on GS1 and on poor frames. Only
// @zxing/library is needed: ScanGate's camera() does the video work @zxing/browser adds on top of it.
//
// Repairs (research §9.5): ASSUME_GS1 for Code 128; readers rebuilt after every result and every 2 s, because
// RSS Expanded keeps rows across frames and reported old DataBar data on a later DataMatrix frame (pitfall 22);
// never TRY_HARDER (145 ms per empty frame, pitfall 24). MultiFormatReader is bypassed: it logs a warning for
// every reader that misses (pitfall 25), and it builds the RSS Expanded reader with a console warning each time.
import type { CameraDecoder, CameraFormat, DecodedSymbol } from "../decoder.js";
import { normalizeZxingJs, ZXING_JS_FORMATS, type ZxingJsFormatName } from "../normalize-zxing-js.js";

type ZxingLibrary = typeof import("@zxing/library");
type BinaryBitmap = InstanceType<ZxingLibrary["BinaryBitmap"]>;
type DecodeHints = Map<number, unknown>;

/** Options of {@link zxingJs}. */
export interface ZxingJsOptions {
  /**
   * How long one set of readers is used before it is rebuilt, in milliseconds (frame time, from the camera's
   * scheduler). Readers are also rebuilt after every result.
   * @default 2000
   */
  readonly readerLifetimeMs?: number;
}

/** One reader over a binary bitmap: `Reader.decode(bitmap, hints)` for every @zxing/library reader used here. */
interface ReaderLike {
  decode(
    image: BinaryBitmap,
    hints: DecodeHints,
  ): { getText(): string; getBarcodeFormat(): number; getRawBytes(): Uint8Array | null };
}

/**
 * The @zxing/browser decoder (@zxing/library): no AIM id of its own, so ScanGate derives it (leading GS → `]d2`,
 * the QR mode indicator → `]Q3`/`]Q1`, `]C1` from ASSUME_GS1, DataBar HRI → element string; see docs/camera.md).
 * Needs the optional peer dependency `@zxing/library`, loaded on the first decode.
 * @example
 * camera(video, { mediaDevices: navigator.mediaDevices, decoder: zxingJs() });
 */
export function zxingJs(options: ZxingJsOptions = {}): CameraDecoder {
  const lifetimeMs = options.readerLifetimeMs ?? 2000;
  let library: Promise<ZxingLibrary> | undefined;
  let readers: { list: ReaderLike[]; key: string; builtAt: number } | undefined;

  return {
    name: "zxing-js",
    async decode(frame, decodeOptions) {
      library ??= loadLibrary();
      const zxing = await library;
      const key = decodeOptions.formats.join();
      if (readers === undefined || readers.key !== key || decodeOptions.at - readers.builtAt >= lifetimeMs) {
        readers = { list: buildReaders(zxing, decodeOptions.formats), key, builtAt: decodeOptions.at };
      }
      const hints = hintsFor(zxing, decodeOptions.formats);
      const bitmap = new zxing.BinaryBitmap(
        new zxing.HybridBinarizer(new zxing.RGBLuminanceSource(luminance(frame.data), frame.width, frame.height)),
      );
      for (const reader of readers.list) {
        const found = tryDecode(reader, bitmap, hints);
        if (found === undefined) continue;
        readers = undefined;
        const name = zxing.BarcodeFormat[found.getBarcodeFormat()] ?? "";
        const symbol = normalizeZxingJs({ format: name, text: found.getText(), rawBytes: found.getRawBytes() });
        return symbol === undefined ? [] : [symbol];
      }
      return [] as DecodedSymbol[];
    },
  };
}

// TOOLCHAIN §3 problem 5: in plain Node ESM the CommonJS build's named exports are not all visible; bundlers see the
// ESM build. The namespace's `default` (module.exports) has every name in Node.
async function loadLibrary(): Promise<ZxingLibrary> {
  const namespace = (await import("@zxing/library")) as ZxingLibrary & { default?: ZxingLibrary };
  return namespace.default && "BarcodeFormat" in namespace.default ? namespace.default : namespace;
}

function buildReaders(zxing: ZxingLibrary, formats: readonly CameraFormat[]): ReaderLike[] {
  const wanted = new Set(formats);
  const readers: ReaderLike[] = [];
  if (wanted.has("qr_code")) readers.push(new zxing.QRCodeReader());
  if (wanted.has("data_matrix")) readers.push(new zxing.DataMatrixReader());
  const oneD = oneDFormats(zxing, formats).filter((format) => format !== zxing.BarcodeFormat.RSS_EXPANDED);
  if (oneD.length > 0)
    readers.push(new zxing.MultiFormatOneDReader(new Map([[zxing.DecodeHintType.POSSIBLE_FORMATS, oneD]])));
  if (wanted.has("databar_expanded")) readers.push(new zxing.RSSExpandedReader());
  return readers;
}

function oneDFormats(zxing: ZxingLibrary, formats: readonly CameraFormat[]): number[] {
  const names = Object.keys(ZXING_JS_FORMATS) as ZxingJsFormatName[];
  return names
    .filter((name) => name !== "QR_CODE" && name !== "DATA_MATRIX" && formats.includes(ZXING_JS_FORMATS[name]))
    .map((name) => zxing.BarcodeFormat[name]);
}

function hintsFor(zxing: ZxingLibrary, formats: readonly CameraFormat[]): DecodeHints {
  return new Map<number, unknown>([
    [zxing.DecodeHintType.POSSIBLE_FORMATS, oneDFormats(zxing, formats)],
    // Without it Code 128 drops every FNC1, GS1-128 included (pitfall 20).
    [zxing.DecodeHintType.ASSUME_GS1, true],
  ]);
}

function tryDecode(reader: ReaderLike, bitmap: BinaryBitmap, hints: DecodeHints) {
  try {
    return reader.decode(bitmap, hints);
  } catch {
    // NotFound, Checksum and Format exceptions all mean "no code this frame" for a camera loop.
    return undefined;
  }
}

// ITU-R BT.601 luma, as @zxing/browser computes it from a canvas.
function luminance(rgba: Uint8ClampedArray): Uint8ClampedArray {
  const luma = new Uint8ClampedArray(rgba.length / 4);
  for (let pixel = 0, byte = 0; pixel < luma.length; pixel++, byte += 4) {
    luma[pixel] = (306 * (rgba[byte] ?? 0) + 601 * (rgba[byte + 1] ?? 0) + 117 * (rgba[byte + 2] ?? 0)) >> 10;
  }
  return luma;
}
