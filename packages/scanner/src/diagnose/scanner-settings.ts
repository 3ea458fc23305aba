// The scanner settings a diagnose finding points to, in each vendor's words. Sources: research scanners.md §7 and
// the vendors' programming guides found while writing docs/scanner-setup.md. `verified: false` marks a name read
// only second-hand (a forum, a driver's readme, a related model) or not found at all: check the model's guide.

/** The scanner makers whose setting names ScanGate knows. */
export type ScannerVendor = "Honeywell" | "Zebra" | "Datalogic" | "Newland";

/** One vendor's name for a setting. */
export interface VendorSetting {
  readonly vendor: ScannerVendor;
  readonly setting: string;
  /** False where the name was not found in a programming guide for a current model. */
  readonly verified: boolean;
}

/** What to change on a scanner, in general words and per vendor. */
export interface SettingAdvice {
  /** Vendor-neutral, e.g. "Transmit the AIM symbology identifier". */
  readonly setting: string;
  readonly vendors: readonly VendorSetting[];
}

/** The settings diagnose can name. */
export type SettingTopic =
  | "aim-id"
  | "gs-control-character"
  | "keypad-emulation"
  | "keyboard-country"
  | "caps-lock"
  | "keystroke-delay"
  | "symbology-conversion"
  | "lossless-interface";

function advice(setting: string, ...vendors: [ScannerVendor, string, boolean][]): SettingAdvice {
  return { setting, vendors: vendors.map(([vendor, name, verified]) => ({ vendor, setting: name, verified })) };
}

/** Each topic's setting, per vendor. */
export const SCANNER_SETTINGS: Readonly<Record<SettingTopic, SettingAdvice>> = {
  "aim-id": advice(
    "Transmit the AIM symbology identifier as a prefix",
    ["Honeywell", "AIM ID prefix (Code ID prefix)", false],
    ["Zebra", "Transmit Code ID Character → AIM Code ID", true],
    ["Datalogic", "Global AIM ID → Enable", true],
    ["Newland", "AIM ID prefix", false],
  ),
  "gs-control-character": advice(
    "Send FNC1 as the control character GS (Ctrl+] on a keyboard wedge), or switch to HID POS / serial",
    ["Honeywell", "Control Character Output", false],
    ["Zebra", "FN1 Substitution Values", false],
    ["Datalogic", "Control Character Emulation → Ctrl+key", true],
    ["Newland", "Function key mapping (Ctrl+ASCII)", false],
  ),
  "keypad-emulation": advice(
    "Turn off keypad (Alt + numpad) emulation, or decode Alt sequences on the host",
    ["Honeywell", "Emulate keypad (Alt mode)", false],
    ["Zebra", "Emulate Keypad (with leading zero)", false],
    ["Datalogic", "Alt mode", false],
    ["Newland", "Emulate ALT+Keypad", false],
  ),
  "keyboard-country": advice(
    "Set the scanner's keyboard country to the host's layout (US on both sides is safest), or use HID POS / serial",
    ["Honeywell", "Keyboard Country", false],
    ["Zebra", "Country Keyboard Types", false],
    ["Datalogic", "Country Mode", true],
    ["Newland", "Keyboard layout (serial command tag KBW, subtag CTY)", true],
  ),
  "caps-lock": advice(
    "Make the scanner ignore the host's Caps Lock",
    ["Honeywell", "Caps Lock on/off, Autocaps", false],
    ["Zebra", "Caps Lock Override, Simulated Caps Lock", true],
    ["Datalogic", "Caps Lock state (name not found)", false],
    ["Newland", "Caps Lock / case conversion (name not found)", false],
  ),
  "keystroke-delay": advice(
    "Shorten the delay between keystrokes so a scan arrives as one burst, or use HID POS / serial",
    ["Honeywell", "Intercharacter Delay", false],
    ["Zebra", "USB Keystroke Delay, Fast HID Keyboard Emulation", true],
    ["Datalogic", "Intercharacter delay (name not found)", false],
    ["Newland", "Inter-keystroke delay (name not found)", false],
  ),
  "symbology-conversion": advice(
    "Turn off symbology conversion and emulation, so each barcode is sent as read",
    ["Honeywell", "Symbology conversion (name not found)", false],
    ["Zebra", "Convert GS1 DataBar to UPC/EAN", false],
    ["Datalogic", "GS1-128 emulation; Convert to GTIN; GS1 2D Conversion", true],
    ["Newland", "Symbology conversion (name not found)", false],
  ),
  "lossless-interface": advice(
    "Use an interface that sends bytes, not keystrokes: USB HID POS or USB serial",
    ["Honeywell", "USB HID POS (terminal ID 131)", true],
    ["Zebra", "SNAPI or USB CDC serial (IBM HID carries no DataMatrix or QR)", true],
    ["Datalogic", "USB-COM", false],
    ["Newland", "USB HID-POS", true],
  ),
};
