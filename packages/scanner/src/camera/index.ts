// @scangate/scanner/camera — a phone or webcam as a scan source. A subpath of its own: a till with only hardware
// scanners never loads it. The decoders are subpaths too (./camera/zxing-wasm, ./camera/zxing-js,
// ./camera/barcode-detector): camera() loads its default, zxing-wasm, by dynamic import on the first subscription,
// and an app that picks another decoder imports only that one.
export {
  type CameraOptions,
  type CameraSource,
  type CameraStorageLike,
  camera,
  type MediaDevicesLike,
} from "./camera.js";
export type { CameraDiagnostic, CameraDiagnosticCode } from "./camera-diagnostics.js";
export {
  type CameraDecoder,
  type CameraFormat,
  type CameraFrame,
  type DecodedSymbol,
  type DecodeOptions,
  type FramePoint,
  TILL_FORMATS,
} from "./decoder.js";
export { CENTRE_REGION, type RegionOfInterest } from "./frame-loop.js";
