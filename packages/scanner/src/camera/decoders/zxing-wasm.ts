// The default camera decoder: zxing-wasm (ZXing-C++ compiled to WebAssembly) in a Worker. It is the one decoder
// that reports the AIM id and keeps every GS for all the till's symbologies, and it reads blurred, noisy frames
// that @zxing/library cannot (research scanners.md §0 item 7, §11). Nothing loads until the first decode.
import type { CameraDecoder, CameraFrame, DecodedSymbol, DecodeOptions } from "../decoder.js";
import type { WasmSource, ZxingWasmDecode, ZxingWorkerReply, ZxingWorkerRequest } from "./zxing-wasm-engine.js";

/** The parts of a `Worker` the decoder uses. */
export interface WorkerLike {
  postMessage(message: ZxingWorkerRequest, transfer: Transferable[]): void;
  addEventListener(type: "message" | "error", listener: (event: Event) => void): void;
  terminate(): void;
}

/** Options of {@link zxingWasm}. Give `wasmUrl` (browsers) or `wasmBinary` (Node, or bytes you fetched). */
export interface ZxingWasmOptions {
  /**
   * The URL your app serves zxing-wasm's reader binary at: copy `node_modules/zxing-wasm/dist/reader/zxing_reader.wasm`
   * into your static files (Vite: `import wasmUrl from "zxing-wasm/reader/zxing_reader.wasm?url"`). Resolved by
   * `fetch` in the Worker, so pass an absolute URL. There is no CDN fallback.
   */
  readonly wasmUrl?: string | URL;
  /** The binary itself, e.g. `readFileSync(…)` in Node. Used instead of `wasmUrl` when given. */
  readonly wasmBinary?: ArrayBuffer;
  /**
   * Decode in a Worker, so a slow frame never stalls the page. `true` starts ScanGate's own Worker module; a
   * function makes the Worker yourself (a CSP-approved URL, a bundler without `new URL(…, import.meta.url)`
   * support); `false` decodes on the calling thread (Node, tests).
   * @default true
   */
  readonly worker?: boolean | (() => WorkerLike);
}

/**
 * The zxing-wasm decoder: AIM id from the decoder (`]d2`, `]Q3`, `]Q1`, `]C1`, `]E0`, `]e0`), GS kept
 * (`textMode: "Plain"`), the decoded bytes in `raw`.
 * @example
 * import wasmUrl from "zxing-wasm/reader/zxing_reader.wasm?url"; // Vite; or any URL you serve the file at
 * const decoder = zxingWasm({ wasmUrl: new URL(wasmUrl, location.href) });
 */
export function zxingWasm(options: ZxingWasmOptions): CameraDecoder {
  const wasm = wasmSource(options);
  const makeWorker = options.worker ?? true;
  if (makeWorker === false) return inThreadDecoder(wasm);
  return workerDecoder(wasm, makeWorker === true ? moduleWorker : makeWorker);
}

function wasmSource(options: ZxingWasmOptions): WasmSource {
  if (options.wasmBinary !== undefined) return { wasmBinary: options.wasmBinary };
  if (options.wasmUrl !== undefined) return { wasmUrl: String(options.wasmUrl) };
  throw new TypeError("zxingWasm() needs wasmUrl or wasmBinary: ScanGate never fetches the wasm from a CDN");
}

function inThreadDecoder(wasm: WasmSource): CameraDecoder {
  let engine: Promise<ZxingWasmDecode> | undefined;
  const load = async (): Promise<ZxingWasmDecode> => {
    const [zxing, { createZxingWasmEngine }] = await Promise.all([
      import("zxing-wasm/reader"),
      import("./zxing-wasm-engine.js"),
    ]);
    return createZxingWasmEngine(zxing, wasm);
  };
  return {
    name: "zxing-wasm",
    async decode(frame, options) {
      engine ??= load();
      return (await engine)(frame, options);
    },
  };
}

// The literal `new Worker(new URL("…", import.meta.url), { type: "module" })` is the pattern Vite, webpack 5,
// Parcel and Rollup plugins recognise: they bundle the Worker and its zxing-wasm import as a separate file.
function moduleWorker(): WorkerLike {
  return new Worker(new URL("./zxing-wasm-worker.js", import.meta.url), { type: "module" });
}

interface Pending {
  resolve(symbols: DecodedSymbol[]): void;
  reject(error: Error): void;
}

function workerDecoder(wasm: WasmSource, makeWorker: () => WorkerLike): CameraDecoder {
  let worker: WorkerLike | undefined;
  let broken: Error | undefined;
  let nextId = 1;
  const pending = new Map<number, Pending>();

  const failAll = (error: Error) => {
    broken = error;
    for (const request of pending.values()) request.reject(error);
    pending.clear();
  };
  const start = (): WorkerLike => {
    const started = makeWorker();
    started.addEventListener("message", (event) => {
      const reply = (event as MessageEvent<ZxingWorkerReply>).data;
      if (!reply.ok) {
        // A failed decode means a broken engine (a frame without a code is an empty list), so fail them all.
        failAll(new Error(`zxing-wasm: ${reply.message}`));
        return;
      }
      pending.get(reply.id)?.resolve(reply.symbols);
      pending.delete(reply.id);
    });
    // A Worker script that fails to load or throws reports here, with no reply to any request.
    started.addEventListener("error", (event) => {
      const message = (event as ErrorEvent).message || "the decoder Worker failed to start";
      failAll(new Error(`zxing-wasm: ${message}`));
    });
    started.postMessage({ type: "init", wasm }, []);
    return started;
  };

  return {
    name: "zxing-wasm",
    decode(frame: CameraFrame, options: DecodeOptions) {
      if (broken) return Promise.reject(broken);
      worker ??= start();
      const id = nextId++;
      const running = worker;
      return new Promise<DecodedSymbol[]>((resolve, reject) => {
        pending.set(id, { resolve, reject });
        // Hand the pixels over instead of copying them: the frame is grabbed anew for every decode.
        running.postMessage({ type: "decode", id, frame, options }, [frame.data.buffer]);
      });
    },
    dispose() {
      worker?.terminate();
      worker = undefined;
      failAll(new Error("zxing-wasm: the decoder was disposed"));
    },
  };
}
