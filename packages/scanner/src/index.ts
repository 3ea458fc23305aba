// @scangate/scanner — every barcode scanner a till has (keyboard wedge, WebHID, Web Serial, camera) as one
// stream of scans, with the operators a checkout needs (dedupe, classify, dual-marked packs) and a self-test.

export { type AimSplit, splitAimPrefix } from "./aim-prefix.js";
// Payment code or product?
export {
  type Classification,
  type ClassifyOptions,
  type ClassifyRule,
  classify,
  type UnknownScanReason,
} from "./classify/classify.js";
export { PAYMENT_CODE_FORMATS, type PaymentCodeFormat } from "./classify/payment-codes.js";
// Scanner self-test
export type { CharacterChange } from "./diagnose/compare-text.js";
export { type Diagnosis, diagnose } from "./diagnose/diagnose.js";
export type { DiagnoseCode, DiagnoseFinding } from "./diagnose/findings.js";
export type { KeyboardLayoutName } from "./diagnose/keyboard-layouts.js";
export {
  SCANNER_SETTINGS,
  type ScannerVendor,
  type SettingAdvice,
  type SettingTopic,
  type VendorSetting,
} from "./diagnose/scanner-settings.js";
// Beep and vibration
export { type AudioContextLike, type FeedbackOptions, feedback } from "./feedback/feedback.js";
export {
  FEEDBACK_SOUNDS,
  type FeedbackKind,
  type FeedbackSound,
  type ScheduledTone,
  scheduleTones,
  type Tone,
} from "./feedback/sounds.js";
// USB HID POS scanners (WebHID)
export { findWebHid } from "./hid/find-web-hid.js";
export type { HidBeepError, HidBeepKind } from "./hid/hid-beep.js";
export type {
  HidCollectionInfoLike,
  HidDeviceFilter,
  HidDeviceLike,
  HidInputReportEventLike,
  HidLike,
  HidReportInfoLike,
  HidReportItemLike,
  HidRequestLike,
} from "./hid/hid-device-like.js";
export {
  HID_SCANNER_FILTERS,
  type HidRequestError,
  type RequestHidScannerOptions,
  requestHidScanner,
} from "./hid/request-hid-scanner.js";
export { type HidScanSource, type WebHidOptions, webHid } from "./hid/web-hid.js";
// Keyboard-wedge scanners
export type { KeyboardCalibration, KeyboardCalibrationError } from "./keyboard/calibrate.js";
export type { KeyboardLayoutMode } from "./keyboard/candidates.js";
export type { CalibrateOptions } from "./keyboard/keyboard-reader.js";
export { type KeyboardWedge, keyboardWedge } from "./keyboard/keyboard-wedge.js";
export { KEYBOARD_WEDGE_DEFAULTS, type KeyboardWedgeOptions } from "./keyboard/keyboard-wedge-options.js";
// Typed-in codes
export { type ManualOptions, manual } from "./manual.js";
// Operators
export { type DedupeOptions, dedupe } from "./operators/dedupe.js";
export { type DualMarkedOptions, type DualMarkedScan, dualMarked } from "./operators/dual-marked.js";
export type { ModeThreeRead } from "./operators/dual-marked-reads.js";
export {
  type MergedScannerStatus,
  type MergedScanSource,
  mergeSources,
  type SourceStatus,
} from "./operators/merge-sources.js";
// Serial-mode scanners (Web Serial)
export { findWebSerial } from "./serial/find-web-serial.js";
export type {
  SerialLike,
  SerialOpenOptionsLike,
  SerialPortInfoLike,
  SerialPortLike,
} from "./serial/serial-port-like.js";
export { SERIAL_RECONNECT_DELAYS_MS, type WebSerialOptions, webSerial } from "./serial/web-serial.js";
export { type ExpectedScan, TEST_LABELS, type TestLabel, type TestLabelId } from "./test-labels.js";
// Contracts
export {
  type Scan,
  type ScannerDiagnostic,
  type ScannerStatus,
  type ScanSource,
  type ScanSourceKind,
  scanData,
} from "./types.js";
