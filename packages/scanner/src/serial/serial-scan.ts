// A serial frame → the Scan the till receives.
import { splitAimPrefix } from "../aim-prefix.js";
import { decodeLatin1 } from "../latin1.js";
import type { Scan } from "../types.js";
import type { SerialFrame } from "./frame-splitter.js";

/**
 * Builds the `Scan` for one serial frame: Latin-1 text (GS stays "\u001d"), and the leading AIM id, when the
 * scanner sends one, moved to `symbology`.
 *
 * @example
 * serialScan({ bytes, at }, "serial:0c2e:0b0a"); // { text: "0109521234543213", symbology: "]d2", … }
 */
export function serialScan(frame: SerialFrame, device: string): Scan {
  const split = splitAimPrefix(decodeLatin1(frame.bytes));
  return {
    text: split.text,
    ...(split.symbology !== undefined ? { symbology: split.symbology, symbologySource: "device" as const } : {}),
    source: "serial",
    device,
    at: frame.at,
    raw: frame.bytes,
  };
}
