// The HID usages a HID POS scanner is read and driven by: USB HID Usage Tables, "Bar Code Scanner Page" (0x8C),
// which the HID Point of Sale Usage Tables 1.02 §3 define (research/scanners.md §4.1). WebHID hands usages over as
// 32-bit extended usages, `page << 16 | id`.

/** Usage page 0x8C, "Bar Code Scanner". */
export const BARCODE_SCANNER_PAGE = 0x8c;

/**
 * Honeywell's "REM" interface: the HID POS report layout on a vendor page (qzind/tray#1312). It has no
 * standard usages to read offsets from, so ScanGate reads it with the Honeywell fixed layout.
 */
export const HONEYWELL_REM_PAGE = 0xff8c;

/** Generic Desktop page; its Keyboard usage is what a scanner in keyboard mode shows. */
const GENERIC_DESKTOP_PAGE = 0x01;

/** A 32-bit extended usage, as WebHID reports it in `HIDReportItem.usages`. */
export function extendedUsage(page: number, id: number): number {
  return ((page << 16) | id) >>> 0;
}

/** The extended usages ScanGate reads or writes. */
export const HID_POS_USAGES = {
  /** Application collection of a scanner (0x8C:0x02). */
  barCodeScanner: extendedUsage(BARCODE_SCANNER_PAGE, 0x02),
  /** Generic Desktop Keyboard (0x01:0x06): the collection a scanner in keyboard mode shows. */
  keyboard: extendedUsage(GENERIC_DESKTOP_PAGE, 0x06),
  /** Generic Desktop Byte Count (0x01:0x3B): how many Decoded Data bytes of this report are valid. */
  byteCount: extendedUsage(GENERIC_DESKTOP_PAGE, 0x3b),
  /** Symbology Identifier 1–3 (0x8C:0xFB–0xFD): the AIM id's "]", code character and modifier. */
  symbologyIdentifier1: extendedUsage(BARCODE_SCANNER_PAGE, 0xfb),
  symbologyIdentifier2: extendedUsage(BARCODE_SCANNER_PAGE, 0xfc),
  symbologyIdentifier3: extendedUsage(BARCODE_SCANNER_PAGE, 0xfd),
  /** Decoded Data (0x8C:0xFE): the scanned bytes (buffered bytes). */
  decodedData: extendedUsage(BARCODE_SCANNER_PAGE, 0xfe),
  /** Decode Data Continued (0x8C:0xFF): more of this scan follows in the next report. */
  decodeDataContinued: extendedUsage(BARCODE_SCANNER_PAGE, 0xff),
  /** Sound Error Beep (0x8C:0x85). */
  soundErrorBeep: extendedUsage(BARCODE_SCANNER_PAGE, 0x85),
  /** Sound Good Read Beep (0x8C:0x86). */
  soundGoodReadBeep: extendedUsage(BARCODE_SCANNER_PAGE, 0x86),
} as const;
