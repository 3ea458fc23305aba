// The scanner self-test (research scanners.md §9.6): the cashier scans a shipped test label, and diagnose says
// exactly what arrived differently and which scanner setting fixes it.
import type { ExpectedScan } from "../test-labels.js";
import type { Scan } from "../types.js";
import { compareText, invertCase, type TextComparison } from "./compare-text.js";
import { type DiagnoseFinding, finding } from "./findings.js";

/** The result of {@link diagnose}. */
export interface Diagnosis {
  /** True when the scan is exactly the label's and nothing was repaired on the way. */
  readonly passed: boolean;
  /** Errors first (what differs), then warnings (what ScanGate repaired). */
  readonly findings: readonly DiagnoseFinding[];
}

const GS = "\u001d";
const LAYOUT_NAMES = { "azerty-fr": "French AZERTY", "qwertz-de": "German QWERTZ" } as const;

interface Reading {
  readonly aim: readonly DiagnoseFinding[];
  readonly comparison: TextComparison;
  /** The AIM id arrived with its letter's case inverted (Caps Lock). */
  readonly aimCaseInverted?: boolean;
}

/**
 * Compares a scan of a test label with what the label holds (see `TEST_LABELS`) and reports each change: a
 * missing, unexpected or different AIM id, a leading GS in place of the AIM id, a GS lost, substituted, doubled or
 * leaked as Alt-code digits, characters changed by a keyboard-layout mismatch (with the map, e.g. "1→&"), Caps Lock,
 * a cut-off end, and any other difference. Every finding names the setting to change, per vendor.
 *
 * @example
 * const label = TEST_LABELS[0]; // GS1 DataMatrix
 * diagnose({ text: "01095212345432131729123110ABC123|21SER42" }, label.expected).findings.map((f) => f.code);
 * // ["aim.missing", "gs.substituted"]
 */
export function diagnose(scan: Pick<Scan, "text" | "symbology" | "normalizations">, expected: ExpectedScan): Diagnosis {
  const reading = bestReading(readings(scan, expected));
  const errors = [...reading.aim, ...comparisonFindings(reading)];
  const warnings = repairFindings(scan.normalizations ?? []).filter(
    (repair) => !errors.some((error) => error.code === repair.code),
  );
  const findings = [...errors, ...warnings];
  return { passed: findings.length === 0, findings };
}

/** The ways the scan may relate to the label, most specific first. */
function readings(scan: Pick<Scan, "text" | "symbology" | "normalizations">, expected: ExpectedScan): Reading[] {
  const found = scan.symbology;
  const wanted = expected.symbology;
  if (found === wanted) return [{ aim: [], comparison: compareText(scan.text, expected.text) }];
  if (wanted === undefined) {
    const unexpected = finding("aim.unexpected", "error", `The scanner sent the AIM id ${found}; the label has none`, {
      found: found as string,
    });
    return [{ aim: [unexpected], comparison: compareText(scan.text, expected.text) }];
  }
  if (found !== undefined) {
    if ([...found].map(invertCase).join("") === wanted) {
      return [{ aim: [], comparison: compareText(scan.text, expected.text), aimCaseInverted: true }];
    }
    const message = `The scanner sent the AIM id ${found} for a ${wanted} label: it converts or misreads the symbology`;
    const mismatch = finding("aim.mismatch", "error", message, { expected: wanted, found });
    return [{ aim: [mismatch], comparison: compareText(scan.text, expected.text) }];
  }
  const missing = finding("aim.missing", "error", `The AIM id ${wanted} is missing: the scanner does not send it`, {
    expected: wanted,
  });
  const result: Reading[] = [];
  if (scan.text.startsWith(GS)) {
    const message = `A GS arrived where the AIM id ${wanted} belongs (FNC1 in first position sent as a character)`;
    const leadingGs = finding("aim.leading-gs", "error", message, { expected: wanted });
    result.push({ aim: [leadingGs], comparison: compareText(scan.text.slice(1), expected.text) });
  }
  result.push({ aim: [missing], comparison: compareText(scan.text, expected.text) });
  // The AIM id may have arrived inside the text, changed by the layout so the source could not recognise it ("$dé").
  result.push({ aim: [], comparison: compareText(scan.text, wanted + expected.text) });
  return result;
}

function bestReading(candidates: readonly Reading[]): Reading {
  const explained = candidates.find(
    (reading) =>
      reading.comparison.mismatch === undefined &&
      // Reading the AIM id from the text only counts when a layout or Caps Lock explains why it was not split off.
      (reading.aim.length > 0 ||
        reading.aimCaseInverted === true ||
        candidates.length === 1 ||
        reading.comparison.layout !== undefined ||
        reading.comparison.caseInverted),
  );
  if (explained !== undefined) return explained;
  // Nothing explains everything: report the reading that explains the longest stretch.
  const reach = (reading: Reading) => reading.comparison.mismatch?.offset ?? Number.POSITIVE_INFINITY;
  return candidates.reduce((best, reading) => (reach(reading) > reach(best) ? reading : best));
}

function comparisonFindings({ comparison, aimCaseInverted }: Reading): DiagnoseFinding[] {
  const findings: DiagnoseFinding[] = [];
  const { separator, layout, layoutChanges, truncated, mismatch } = comparison;
  if (separator?.kind === "missing") {
    findings.push(finding("gs.missing", "error", "The GS separators are missing: FNC1 was not sent", {}));
  } else if (separator?.kind === "doubled") {
    findings.push(finding("gs.doubled", "error", "Each GS separator arrived twice", {}));
  } else if (separator?.kind === "alt-code-leak") {
    const message = `"${separator.found}" arrived where GS belongs: an Alt+0029 keypad sequence lost its Alt key`;
    findings.push(finding("gs.alt-code-leak", "error", message, { found: separator.found }));
  } else if (separator?.kind === "substituted") {
    const shown = printable(separator.substitute);
    const message = `"${shown}" arrived where GS belongs: the scanner substitutes FNC1 (parse reads it with gsSubstitutes: ["${shown}"])`;
    findings.push(finding("gs.substituted", "error", message, { substitute: separator.substitute }));
  }
  if (layoutChanges.length > 0) {
    const map = layoutChanges.map((change) => `${change.expected}→${change.found}`).join(", ");
    const host = layout === undefined ? "another layout" : LAYOUT_NAMES[layout];
    const message = `The scanner types for a US keyboard but the host reads ${host}: ${map}`;
    const evidence = layout === undefined ? { changes: layoutChanges, map } : { layout, changes: layoutChanges, map };
    findings.push(finding("layout.mismatch", "error", message, evidence));
  }
  if (comparison.caseInverted || aimCaseInverted === true) {
    findings.push(finding("case.inverted", "error", "Letters arrived in the wrong case: Caps Lock is on", {}));
  }
  if (truncated !== undefined) {
    const message = `Only ${truncated.receivedLength} of ${truncated.expectedLength} characters arrived`;
    findings.push(finding("data.truncated", "error", message, truncated));
  }
  if (mismatch !== undefined) {
    const expected = mismatch.expected === "" ? "the end" : `"${printable(mismatch.expected)}"`;
    const message = `At character ${mismatch.offset}, "${printable(mismatch.found)}" arrived where the label has ${expected}`;
    findings.push(finding("data.mismatch", "error", message, mismatch));
  }
  return findings;
}

/** What the source's `normalizations` say it repaired: the scan looks right, but the scanner still changed it. */
function repairFindings(normalizations: readonly string[]): DiagnoseFinding[] {
  const findings: DiagnoseFinding[] = [];
  for (const normalization of normalizations) {
    if (normalization.startsWith("gs:substitute:")) {
      const substitute = normalization.slice("gs:substitute:".length);
      const message = `The scanner sends "${printable(substitute)}" for GS; ScanGate replaced it`;
      findings.push(finding("gs.substituted", "warning", message, { substitute }));
    } else if (normalization.startsWith("layout:")) {
      const message = "The scanner's keyboard layout differs from the host's; ScanGate repaired the characters";
      findings.push(finding("layout.mismatch", "warning", message, { changes: [], map: "" }));
    } else if (normalization === "aim:leading-gs") {
      const message = "The scanner sent a GS in place of the AIM id; ScanGate removed it";
      findings.push(finding("aim.leading-gs", "warning", message, {}));
    }
  }
  return findings;
}

/** Control characters shown as their names, for messages. */
function printable(text: string): string {
  return text.replaceAll(GS, "<GS>").replaceAll("\r", "<CR>").replaceAll("\n", "<LF>").replaceAll("\t", "<TAB>");
}
