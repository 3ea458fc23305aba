// A joined HID POS scan → the Scan the till receives.
import { splitAimPrefix } from "../aim-prefix.js";
import { decodeLatin1 } from "../latin1.js";
import type { Scan } from "../types.js";
import type { JoinedHidScan } from "./report-joiner.js";

/**
 * Builds the `Scan` for a joined HID POS scan: Latin-1 text (GS stays "\u001d"), the AIM id from the report's
 * symbology fields, or else from the start of the data, and "hid:truncated" when the last report never came.
 *
 * @example
 * hidScan({ symbology: "]d2", data, at, truncated: false }, "hid:0c2e:0b07");
 */
export function hidScan(joined: JoinedHidScan, device: string): Scan {
  const text = decodeLatin1(joined.data);
  // Reports without symbology fields (Newland, Unitech: research/scanners.md §4.2) carry the AIM id in the data
  // when the scanner's "AIM ID prefix" is on.
  const split = joined.symbology !== undefined ? { symbology: joined.symbology, text } : splitAimPrefix(text);
  return {
    text: split.text,
    ...(split.symbology !== undefined ? { symbology: split.symbology, symbologySource: "device" as const } : {}),
    source: "hid",
    device,
    at: joined.at,
    raw: joined.data,
    ...(joined.truncated ? { normalizations: ["hid:truncated"] } : {}),
  };
}
