// What diagnose can find, as stable codes in the ScannerDiagnostic style ("area.what"), each with its evidence and
// the scanner setting that fixes it. Renaming a code is a breaking change; docs/operators.md lists every one.
import type { ScannerDiagnostic } from "../types.js";
import type { CharacterChange } from "./compare-text.js";
import type { KeyboardLayoutName } from "./keyboard-layouts.js";
import { SCANNER_SETTINGS, type SettingTopic, type VendorSetting } from "./scanner-settings.js";

/** Every finding code. */
export type DiagnoseCode =
  | "aim.missing"
  | "aim.unexpected"
  | "aim.mismatch"
  | "aim.leading-gs"
  | "gs.missing"
  | "gs.substituted"
  | "gs.doubled"
  | "gs.alt-code-leak"
  | "layout.mismatch"
  | "case.inverted"
  | "data.truncated"
  | "data.mismatch";

interface FindingOf<C extends DiagnoseCode> extends ScannerDiagnostic {
  readonly code: C;
  /** "error": what arrived differs from the label. "warning": ScanGate repaired it on the way (see `normalizations`). */
  readonly severity: "error" | "warning";
  /** The vendor-neutral setting that fixes it. */
  readonly setting: string;
  /** The same setting in each vendor's words. */
  readonly vendorSettings: readonly VendorSetting[];
}

/** One thing the scanner (or the host's keyboard handling) changed, with its evidence. */
export type DiagnoseFinding =
  | (FindingOf<"aim.missing"> & { readonly expected: string })
  | (FindingOf<"aim.unexpected"> & { readonly found: string })
  | (FindingOf<"aim.mismatch"> & { readonly expected: string; readonly found: string })
  | (FindingOf<"aim.leading-gs"> & { readonly expected?: string })
  | FindingOf<"gs.missing">
  | (FindingOf<"gs.substituted"> & { readonly substitute: string })
  | FindingOf<"gs.doubled">
  | (FindingOf<"gs.alt-code-leak"> & { readonly found: string })
  | (FindingOf<"layout.mismatch"> & {
      /** The host layout that explains the changes; absent when ScanGate repaired it and the layout is unknown. */
      readonly layout?: KeyboardLayoutName;
      readonly changes: readonly CharacterChange[];
      /** The changes for a person: "1→&, 2→é". */
      readonly map: string;
    })
  | FindingOf<"case.inverted">
  | (FindingOf<"data.truncated"> & { readonly receivedLength?: number; readonly expectedLength?: number })
  | (FindingOf<"data.mismatch"> & { readonly offset: number; readonly expected: string; readonly found: string });

/** The evidence fields of one code's finding. */
export type FindingEvidence<C extends DiagnoseCode> = Omit<Extract<DiagnoseFinding, { code: C }>, keyof FindingOf<C>>;

const TOPIC: Readonly<Record<DiagnoseCode, SettingTopic>> = {
  "aim.missing": "aim-id",
  "aim.unexpected": "aim-id",
  "aim.mismatch": "symbology-conversion",
  "aim.leading-gs": "aim-id",
  "gs.missing": "gs-control-character",
  "gs.substituted": "gs-control-character",
  "gs.doubled": "gs-control-character",
  "gs.alt-code-leak": "keypad-emulation",
  "layout.mismatch": "keyboard-country",
  "case.inverted": "caps-lock",
  "data.truncated": "keystroke-delay",
  "data.mismatch": "lossless-interface",
};

/** Builds a finding with its setting advice. */
export function finding<C extends DiagnoseCode>(
  code: C,
  severity: "error" | "warning",
  message: string,
  evidence: FindingEvidence<C>,
): DiagnoseFinding {
  const { setting, vendors } = SCANNER_SETTINGS[TOPIC[code]];
  return { code, severity, message, setting, vendorSettings: vendors, ...evidence } as DiagnoseFinding;
}
