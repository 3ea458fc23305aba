// diagnose: a scan of a shipped test label, changed the way real scanners and hosts change data, must be explained
// finding by finding, each with the setting that fixes it.
import { describe, expect, it } from "vitest";
import { diagnose } from "../src/diagnose/diagnose.js";
import type { DiagnoseFinding } from "../src/diagnose/findings.js";
import { TEST_LABELS, type TestLabel } from "../src/test-labels.js";

const GS = "\u001d";
const label = (id: TestLabel["id"]) => TEST_LABELS.find((candidate) => candidate.id === id) as TestLabel;
const dataMatrix = label("gs1-datamatrix").expected; // ]d2 01095212345432131729123110ABC123<GS>21SER42
const [head, tail] = dataMatrix.text.split(GS) as [string, string];

const codes = (findings: readonly DiagnoseFinding[]) => findings.map((finding) => finding.code);

describe("diagnose", () => {
  it("passes a scan that is exactly the label, for every shipped label", () => {
    for (const { expected } of TEST_LABELS) {
      expect(diagnose(expected, expected)).toEqual({ passed: true, findings: [] });
    }
  });

  it("finds a missing AIM id", () => {
    const { passed, findings } = diagnose({ text: dataMatrix.text }, dataMatrix);
    expect(passed).toBe(false);
    expect(findings).toEqual([expect.objectContaining({ code: "aim.missing", expected: "]d2", severity: "error" })]);
  });

  it("finds an AIM id where the label has none", () => {
    const findings = diagnose({ symbology: "]C0", text: "ABC" }, { text: "ABC" }).findings;
    expect(findings).toEqual([expect.objectContaining({ code: "aim.unexpected", found: "]C0" })]);
  });

  it("finds a different AIM id (a symbology converted or read without FNC1)", () => {
    const findings = diagnose({ symbology: "]d1", text: dataMatrix.text }, dataMatrix).findings;
    expect(findings).toEqual([expect.objectContaining({ code: "aim.mismatch", expected: "]d2", found: "]d1" })]);
  });

  it("finds a leading GS in place of the AIM id, and nothing else", () => {
    expect(codes(diagnose({ text: GS + dataMatrix.text }, dataMatrix).findings)).toEqual(["aim.leading-gs"]);
  });

  it("finds a lost GS", () => {
    const findings = diagnose({ symbology: "]d2", text: head + tail }, dataMatrix).findings;
    expect(codes(findings)).toEqual(["gs.missing"]);
  });

  it.each(["|", "~", "{GS}", "<GS>", "[FNC1]"])("finds GS substituted by %s and names the substitute", (substitute) => {
    const findings = diagnose({ symbology: "]d2", text: head + substitute + tail }, dataMatrix).findings;
    expect(findings).toEqual([expect.objectContaining({ code: "gs.substituted", substitute })]);
  });

  it("finds a doubled GS", () => {
    const findings = diagnose({ symbology: "]d2", text: head + GS + GS + tail }, dataMatrix).findings;
    expect(codes(findings)).toEqual(["gs.doubled"]);
  });

  it.each(["029", "0029"])("finds an Alt-code leak: %s where GS was expected", (digits) => {
    const findings = diagnose({ symbology: "]d2", text: head + digits + tail }, dataMatrix).findings;
    expect(findings).toEqual([expect.objectContaining({ code: "gs.alt-code-leak", found: digits })]);
  });

  it("finds a US scanner on an AZERTY host, with the map of changed characters, AIM id included", () => {
    // Typed by hand from the French layout: ] → $, 2 → é, 1 → &, A → Q …
    const azerty = `$déà&àç(é&é"'('"é&"&èéç&é"&&àQBC&é"${GS}é&SER'é`;
    const [finding, ...others] = diagnose({ text: azerty }, dataMatrix).findings;
    expect(others).toEqual([]);
    expect(finding).toMatchObject({ code: "layout.mismatch", layout: "azerty-fr", severity: "error" });
    expect(finding && "map" in finding ? finding.map : "").toBe("]→$, 2→é, 0→à, 1→&, 9→ç, 5→(, 3→\", 4→', 7→è, A→Q");
  });

  it("finds a US scanner on a QWERTZ host from the AIM id alone", () => {
    const findings = diagnose({ text: `+d2${dataMatrix.text}` }, dataMatrix).findings;
    expect(findings).toEqual([
      expect.objectContaining({
        code: "layout.mismatch",
        layout: "qwertz-de",
        map: "]→+",
        changes: [{ expected: "]", found: "+" }],
      }),
    ]);
  });

  it("finds Caps Lock inverting the case of letters, AIM id included", () => {
    const text = `${head.replace("ABC", "abc")}${GS}${tail.replace("SER", "ser")}`;
    expect(codes(diagnose({ symbology: "]D2", text }, dataMatrix).findings)).toEqual(["case.inverted"]);
    expect(codes(diagnose({ symbology: "]d2", text }, dataMatrix).findings)).toEqual(["case.inverted"]);
  });

  it("finds a scan cut short, with both lengths", () => {
    const findings = diagnose({ symbology: "]d2", text: dataMatrix.text.slice(0, 20) }, dataMatrix).findings;
    expect(findings).toEqual([
      expect.objectContaining({ code: "data.truncated", receivedLength: 20, expectedLength: dataMatrix.text.length }),
    ]);
  });

  it("finds a substituted GS in a scan cut short after it", () => {
    const text = `${head}|${tail.slice(0, 3)}`;
    expect(codes(diagnose({ symbology: "]d2", text }, dataMatrix).findings)).toEqual([
      "gs.substituted",
      "data.truncated",
    ]);
  });

  it("reports what nothing explains as a mismatch at its offset", () => {
    const text = dataMatrix.text.replace("0109521234543213", "0109521234543214");
    expect(diagnose({ symbology: "]d2", text }, dataMatrix).findings).toEqual([
      expect.objectContaining({ code: "data.mismatch", offset: 15, expected: "3", found: "4" }),
    ]);
    expect(diagnose({ symbology: "]d2", text: `${dataMatrix.text}\r` }, dataMatrix).findings).toEqual([
      expect.objectContaining({ code: "data.mismatch", offset: dataMatrix.text.length, expected: "", found: "\r" }),
    ]);
  });

  it("finds several changes at once: no AIM id and a substitute, as a typical wedge sends", () => {
    expect(codes(diagnose({ text: `${head}|${tail}` }, dataMatrix).findings)).toEqual([
      "aim.missing",
      "gs.substituted",
    ]);
  });

  it("warns about what ScanGate repaired on the way, though the scan now matches", () => {
    const scan = { ...dataMatrix, normalizations: ["gs:ctrl-]", "gs:substitute:|", "layout:us-codes"] };
    const { passed, findings } = diagnose(scan, dataMatrix);
    expect(passed).toBe(false);
    expect(findings).toEqual([
      expect.objectContaining({ code: "gs.substituted", severity: "warning", substitute: "|" }),
      expect.objectContaining({ code: "layout.mismatch", severity: "warning", changes: [] }),
    ]);
  });

  it("names the setting to change for every finding, in each vendor's words", () => {
    const findings = [
      ...diagnose({ text: `${head}|${tail}` }, dataMatrix).findings,
      ...diagnose({ text: `+d2${dataMatrix.text}` }, dataMatrix).findings,
    ];
    for (const finding of findings) {
      expect(finding.setting).toMatch(/\w/);
      expect(finding.message).toMatch(/\w/);
      expect(finding.vendorSettings.map((vendor) => vendor.vendor)).toEqual([
        "Honeywell",
        "Zebra",
        "Datalogic",
        "Newland",
      ]);
    }
    expect(findings[0]?.vendorSettings).toContainEqual({
      vendor: "Zebra",
      setting: "Transmit Code ID Character → AIM Code ID",
      verified: true,
    });
  });
});
