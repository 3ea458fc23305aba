// The scanner setting that turns on HID POS, in each vendor's words (research/scanners.md §4.3, §7), so the
// set-up screen can say what to scan instead of "wrong mode". Names only: the programming labels themselves are
// in each model's guide. Evidence per vendor is in docs/hid-and-serial.md.

const HONEYWELL =
  'Honeywell: scan the "HID POS" label in the USB interface section of the user\'s guide (Windows then lists the ' +
  'scanner as "POS HID Barcode scanner")';
const ZEBRA =
  'Zebra: choose a "HID POS" USB host type only if your model\'s Product Reference Guide lists one (e.g. DS8178 from ' +
  'firmware 023). "IBM Hand-Held USB" / "IBM Table-Top USB" (IBM HID) is not HID POS and carries no Data Matrix or QR ' +
  'codes; SNAPI is not supported yet. Otherwise use "USB CDC Host" with webSerial, or the keyboard wedge';
const DATALOGIC =
  'Datalogic: choose the HID POS USB interface if your model\'s Product Reference Guide lists one ("USB-OEM" is ' +
  'the IBM-style POS interface, not HID POS); otherwise use "USB-COM" with webSerial';
const NEWLAND = 'Newland: scan "USB HID-POS" in the USB interface section of the user guide';
const ANY =
  'Set the scanner\'s USB interface to "HID POS" (also named "USB HID POS", "HID-POS" or "POS HID scanner"); a ' +
  "scanner that only offers keyboard mode can only be read with keyboardWedge";

const BY_VENDOR_ID: ReadonlyMap<number, string> = new Map([
  [0x0c2e, HONEYWELL], // Honeywell (Metrologic)
  [0x0536, HONEYWELL], // Hand Held Products, now Honeywell
  [0x23d0, HONEYWELL], // Youjie, a Honeywell brand
  [0x05e0, ZEBRA], // Symbol, now Zebra
  [0x05f9, DATALOGIC],
  [0x1eab, NEWLAND],
]);

/**
 * The setting that puts a scanner of this USB vendor into HID POS mode, in the vendor's words.
 *
 * @example
 * hidPosModeSetting(0x1eab); // 'Newland: scan "USB HID-POS" in the USB interface section of the user guide'
 */
export function hidPosModeSetting(vendorId: number): string {
  return BY_VENDOR_ID.get(vendorId) ?? ANY;
}
