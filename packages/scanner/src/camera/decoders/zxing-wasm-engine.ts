// The zxing-wasm decode step shared by the Worker and the in-thread decoder, and the messages between them. The
// zxing-wasm module comes in as an argument: the Worker imports it statically (it is the Worker's whole point), the
// in-thread decoder imports it dynamically (so a page that never decodes never loads it).
import type { prepareZXingModule, ReaderOptions, readBarcodes } from "zxing-wasm/reader";
import type { CameraFrame, DecodedSymbol, DecodeOptions } from "../decoder.js";
import { normalizeZxingWasm, zxingWasmFormats } from "../normalize-zxing-wasm.js";

/** The two functions of `zxing-wasm/reader` the engine calls. */
export interface ZxingReaderModule {
  readonly prepareZXingModule: typeof prepareZXingModule;
  readonly readBarcodes: typeof readBarcodes;
}

/**
 * Where the `zxing_reader.wasm` binary comes from: a URL the app serves it at, or its bytes. Never zxing-wasm's
 * default, which fetches it from jsDelivr (pitfall 26): a till must work offline.
 */
export type WasmSource = { readonly wasmUrl: string } | { readonly wasmBinary: ArrayBuffer };

/** A message to the decoder Worker. */
export type ZxingWorkerRequest =
  | { readonly type: "init"; readonly wasm: WasmSource }
  | { readonly type: "decode"; readonly id: number; readonly frame: CameraFrame; readonly options: DecodeOptions };

/** The Worker's answer to one decode request. */
export type ZxingWorkerReply =
  | { readonly id: number; readonly ok: true; readonly symbols: DecodedSymbol[] }
  | { readonly id: number; readonly ok: false; readonly message: string };

/** A decode function over one instantiated zxing-wasm module. */
export type ZxingWasmDecode = (frame: CameraFrame, options: DecodeOptions) => Promise<DecodedSymbol[]>;

/** Instantiates zxing-wasm from `wasm` (the promise rejects when the binary cannot be fetched or compiled). */
export async function createZxingWasmEngine(zxing: ZxingReaderModule, wasm: WasmSource): Promise<ZxingWasmDecode> {
  const overrides =
    "wasmBinary" in wasm
      ? { wasmBinary: wasm.wasmBinary }
      : { locateFile: (path: string, prefix: string) => (path.endsWith(".wasm") ? wasm.wasmUrl : prefix + path) };
  await zxing.prepareZXingModule({ overrides, fireImmediately: true });
  return async (frame, options) => {
    const readerOptions: ReaderOptions = {
      formats: zxingWasmFormats(options.formats) as NonNullable<ReaderOptions["formats"]>,
      // "Plain" keeps every GS; the default "HRI" returns "(01)…(21)…" (pitfall 17).
      textMode: "Plain",
      tryHarder: options.tryHarder,
    };
    // zxing-wasm reads any { width, height, data } (it checks the three keys, not the ImageData class).
    const results = await zxing.readBarcodes(frame as ImageData, readerOptions);
    return results.flatMap((result) => normalizeZxingWasm(result) ?? []);
  };
}
