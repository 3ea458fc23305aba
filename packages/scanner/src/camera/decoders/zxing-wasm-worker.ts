// The Worker entry of the zxing-wasm decoder: it instantiates zxing-wasm on the first "init" message and answers
// each "decode" with the symbols found. Loaded only through `new Worker(new URL(…))` in zxing-wasm.ts, so importing
// the camera module never runs this file; registering the listener at load is what a Worker entry is for.
import * as zxing from "zxing-wasm/reader";
import {
  createZxingWasmEngine,
  type ZxingWasmDecode,
  type ZxingWorkerReply,
  type ZxingWorkerRequest,
} from "./zxing-wasm-engine.js";

/** The parts of `DedicatedWorkerGlobalScope` used here (the package compiles against the DOM lib, not WebWorker). */
interface WorkerScopeLike {
  addEventListener(type: "message", listener: (event: MessageEvent<ZxingWorkerRequest>) => void): void;
  postMessage(reply: ZxingWorkerReply): void;
}

const scope = globalThis as unknown as WorkerScopeLike;
let engine: Promise<ZxingWasmDecode> | undefined;

scope.addEventListener("message", (event) => {
  const request = event.data;
  if (request.type === "init") {
    engine = createZxingWasmEngine(zxing, request.wasm);
    return;
  }
  const { id, frame, options } = request;
  const decoding = engine ?? Promise.reject(new Error("zxing-wasm worker: decode before init"));
  decoding
    .then((decode) => decode(frame, options))
    .then(
      (symbols) => scope.postMessage({ id, ok: true, symbols }),
      (error: unknown) => scope.postMessage({ id, ok: false, message: describe(error) }),
    );
});

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
