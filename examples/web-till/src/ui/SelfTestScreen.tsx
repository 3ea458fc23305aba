// The scanner self-test: the owner scans a test label and the till says what arrived differently and which scanner
// setting fixes it (diagnose from @scangate/scanner). The Digital Link label is drawn here as a QR code; the GS1
// labels are printed from the scanner package's docs. While this screen is open the checkout does not get scans.
import { type Diagnosis, diagnose, type Scan, TEST_LABELS, type TestLabelId } from "@scangate/scanner";
import { useEffect, useMemo, useState } from "preact/hooks";
import { renderSVG } from "uqr";
import { useTill } from "./till-context.js";

const visible = (text: string) => text.replaceAll("\u001d", "<GS>");

export function SelfTestScreen() {
  const { parts, t, locale } = useTill();
  const [labelId, setLabelId] = useState<TestLabelId>("gs1-digital-link-qr");
  const [scan, setScan] = useState<Scan | undefined>(undefined);
  const label = TEST_LABELS.find((candidate) => candidate.id === labelId) ?? TEST_LABELS[0];
  useEffect(() => {
    const subscription = parts.wedge.scans$.subscribe(setScan);
    return () => subscription.unsubscribe();
  }, [parts]);
  const diagnosis: Diagnosis | undefined = useMemo(
    () => (scan && label ? diagnose(scan, label.expected) : undefined),
    [scan, label],
  );
  const qr = useMemo(
    () => (label?.symbol.bcid === "qrcode" ? renderSVG(label.symbol.text, { border: 2 }) : undefined),
    [label],
  );
  if (label === undefined) return null;
  return (
    <section class="panel" aria-labelledby="self-test-title">
      <h2 id="self-test-title">{t("selfTest.title")}</h2>
      <p>{t("selfTest.intro")}</p>
      <label>
        {t("selfTest.label")}
        <select
          value={labelId}
          onChange={(event) => {
            setLabelId(event.currentTarget.value as TestLabelId);
            setScan(undefined);
          }}
        >
          {TEST_LABELS.map((candidate) => (
            <option key={candidate.id} value={candidate.id}>
              {candidate.title}
            </option>
          ))}
        </select>
      </label>
      {qr ? (
        <div class="qr" role="img" aria-label={label.title} dangerouslySetInnerHTML={{ __html: qr }} />
      ) : (
        <p class="label-text">
          <code>{label.symbol.text}</code>
        </p>
      )}
      {scan === undefined && <p role="status">{t("selfTest.waiting")}</p>}
      {scan && diagnosis && (
        <div role="status" class={diagnosis.passed ? "inline-ok" : "inline-error"}>
          <p>
            <strong>{diagnosis.passed ? t("selfTest.passed") : t("selfTest.failed")}</strong>
          </p>
          <dl>
            <dt>{t("selfTest.received")}</dt>
            <dd>
              <code>
                {scan.symbology ?? ""}
                {visible(scan.text)}
              </code>
            </dd>
            <dt>{t("selfTest.expected")}</dt>
            <dd>
              <code>
                {label.expected.symbology ?? ""}
                {visible(label.expected.text)}
              </code>
            </dd>
          </dl>
          <ul>
            {diagnosis.findings.map((finding) => (
              <li key={finding.code}>
                <strong>{t(`diagnose.${finding.code}`)}</strong>
                {locale === "en" ? ` (${finding.message})` : ""} — {t("selfTest.fix")}: {finding.setting}
                {finding.vendorSettings.length > 0 &&
                  ` (${finding.vendorSettings.map((vendor) => `${vendor.vendor}: ${vendor.setting}`).join("; ")})`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
}
