// What the camera source shows on `status$` when it cannot scan, as stable codes. `getUserMedia` rejects with a
// DOMException whose `name` says why (Media Capture and Streams §10.2.1); each name maps to what a till's set-up
// screen should tell the person in front of it.
import type { ScannerDiagnostic } from "../types.js";

/** Why a camera source is not scanning. Renaming a code is a breaking change. */
export type CameraDiagnosticCode =
  /** The person or a site policy refused camera access (NotAllowedError, SecurityError). */
  | "camera.permission-denied"
  /** No camera matches (NotFoundError, OverconstrainedError). */
  | "camera.not-found"
  /** The camera exists but could not be started: another app holds it, or the driver failed (NotReadableError). */
  | "camera.in-use"
  /** No `getUserMedia` here: the page is not a secure context (https or localhost), or the platform lacks it. */
  | "camera.unsupported"
  /** The camera was unplugged or stopped by the system while scanning; it reopens when a camera appears. */
  | "camera.disconnected"
  /** The decoder could not start (e.g. its wasm URL answered 404) or failed on a frame. */
  | "camera.decoder-failed"
  /** Anything else `getUserMedia` rejected with. */
  | "camera.failed";

/** A diagnostic with one of the camera's codes. */
export interface CameraDiagnostic extends ScannerDiagnostic {
  readonly code: CameraDiagnosticCode;
}

/** The diagnostic for a `getUserMedia` rejection. */
export function openFailureDiagnostic(error: unknown): CameraDiagnostic {
  const name = error instanceof Error || isNamed(error) ? error.name : "";
  const detail = error instanceof Error && error.message !== "" ? `: ${error.message}` : "";
  switch (name) {
    case "NotAllowedError":
    case "SecurityError":
      return {
        code: "camera.permission-denied",
        message: `Camera access was refused${detail}`,
        setting: "Allow the camera for this site in the browser's site settings",
      };
    case "NotFoundError":
    case "OverconstrainedError":
      return { code: "camera.not-found", message: `No camera was found${detail}` };
    case "NotReadableError":
    case "AbortError":
      return {
        code: "camera.in-use",
        message: `The camera could not be started${detail}`,
        setting: "Close other applications that use the camera",
      };
    case "TypeError":
      return {
        code: "camera.unsupported",
        message: `The camera cannot be used here${detail}`,
        setting: "Serve the till over https (or from localhost)",
      };
    default:
      return { code: "camera.failed", message: `The camera failed to open${detail}` };
  }
}

/** The diagnostic for a decoder that failed to load or to decode. */
export function decoderFailureDiagnostic(error: unknown): CameraDiagnostic {
  const message = error instanceof Error ? error.message : String(error);
  return { code: "camera.decoder-failed", message: `The barcode decoder failed: ${message}` };
}

/** The diagnostic for a camera track that ended while scanning. */
export const DISCONNECTED: CameraDiagnostic = {
  code: "camera.disconnected",
  message: "The camera was disconnected",
};

function isNamed(value: unknown): value is { name: string } {
  return typeof value === "object" && value !== null && typeof (value as { name?: unknown }).name === "string";
}
