// The README's error tables must list exactly the codes of the code: the payment codes, the bridge codes, and the
// gateway-code mapping (GATEWAY_CODE_MAP) row by row.
import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { GATEWAY_CODE_MAP } from "../src/gateway/gateway-codes.js";
import { GATEWAY_CODES } from "../src/gateway/protocol.js";

const readme = readFileSync(new URL("../README.md", import.meta.url), "utf8");
const errorsSource = readFileSync(new URL("../src/errors.ts", import.meta.url), "utf8");

function unionCodes(typeName: string): string[] {
  const declaration = new RegExp(`export type ${typeName} =([\\s\\S]*?);\\n`).exec(errorsSource)?.[1] ?? "";
  return [...declaration.matchAll(/\| "([A-Za-z_]+)"/g)].map((match) => match[1] ?? "").sort();
}

/** First-column codes of the table that follows `heading` (up to the next heading or table). */
function tableCodes(from: string, to: string): string[] {
  const section = readme.slice(readme.indexOf(from), readme.indexOf(to, readme.indexOf(from) + from.length));
  return [...section.matchAll(/^\| `([A-Za-z_]+)` +\|/gm)].map((match) => match[1] ?? "").sort();
}

describe("README error tables", () => {
  it("lists every payment error code, and no other", () => {
    const codes = unionCodes("PaymentErrorCode");
    expect(codes).toEqual([
      "cancelled",
      "code_invalid_or_used",
      "customer_action_required",
      "declined",
      "integration",
      "outcome_unknown",
      "unavailable",
    ]);
    expect(tableCodes("Providers answer with a `PaymentError`", "The bridge refuses")).toEqual(codes);
  });

  it("lists every bridge error code, and no other", () => {
    const codes = unionCodes("BridgeErrorCode");
    expect(codes.length).toBe(11);
    expect(tableCodes("The bridge refuses requests", "### Gateway codes")).toEqual(codes);
  });

  it("maps every gateway code to the ScanGate code the client really uses", () => {
    const section = readme.slice(readme.indexOf("### Gateway codes"), readme.indexOf("## Mapping onto an acquirer"));
    const rows = [...section.matchAll(/^\| `([A-Z_]+)` +\| (`[a-z_]+`|\(success\))/gm)].map((match) => [
      match[1],
      (match[2] ?? "").replaceAll("`", ""),
    ]);
    const expected = GATEWAY_CODES.map((code) => [
      code,
      GATEWAY_CODE_MAP[code] === "ok" ? "(success)" : GATEWAY_CODE_MAP[code],
    ]);
    expect(rows).toEqual(expected);
  });

  it("documents every simulator fault in docs/gateway-protocol.md", () => {
    const protocolDoc = readFileSync(new URL("../docs/gateway-protocol.md", import.meta.url), "utf8");
    const scriptSource = readFileSync(new URL("../src/simulator/sim-script.ts", import.meta.url), "utf8");
    const declaration = /export type SimulatorFaultKind =([\s\S]*?);\n/.exec(scriptSource)?.[1] ?? "";
    const kinds = [...declaration.matchAll(/\| "([A-Z_0-9]+)"/g)].map((match) => match[1] ?? "").sort();
    expect(kinds.length).toBe(8);
    const documented = [...protocolDoc.matchAll(/^\| `([A-Z_0-9]+)` +\|/gm)].map((match) => match[1] ?? "").sort();
    expect(documented).toEqual(kinds);
  });
});
