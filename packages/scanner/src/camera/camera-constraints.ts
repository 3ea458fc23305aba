// Which camera to ask for, in order: the one the cashier chose last time (remembered by device id), else the one
// facing away from the screen. Tills and phones default to the rear camera: a front camera picked by default made
// a zxing-based scanner "barely usable" (capacitor-community/barcode-scanner PR #190, research scanners.md §6.1).

/** What the camera should be. */
export interface CameraPreference {
  /** The camera chosen before, if any. */
  readonly deviceId?: string;
  readonly facingMode: "environment" | "user";
  /** Constraints of the app's own, applied over ScanGate's (resolution, zoom, frame rate …). */
  readonly extra?: MediaTrackConstraints;
}

// 1280 × 720 reads small DataMatrix codes from a comfortable distance and still decodes in a few ms (§11.2).
const IDEAL_SIZE: MediaTrackConstraints = { width: { ideal: 1280 }, height: { ideal: 720 } };

/**
 * The `video` constraints to try, in order. A remembered camera is asked for exactly, so an unplugged one fails
 * (OverconstrainedError) and the next attempt takes the facing mode instead of any camera at all.
 */
export function constraintAttempts(preference: CameraPreference): MediaTrackConstraints[] {
  const byFacing: MediaTrackConstraints = { ...IDEAL_SIZE, facingMode: { ideal: preference.facingMode } };
  const attempts =
    preference.deviceId === undefined
      ? [byFacing]
      : [{ ...IDEAL_SIZE, deviceId: { exact: preference.deviceId } }, byFacing];
  return attempts.map((attempt) => ({ ...attempt, ...preference.extra }));
}

/** Whether a `getUserMedia` rejection means "that camera is not there", so the next attempt may succeed. */
export function isMissingCamera(error: unknown): boolean {
  const name = typeof error === "object" && error !== null ? (error as { name?: unknown }).name : undefined;
  return name === "OverconstrainedError" || name === "NotFoundError";
}
