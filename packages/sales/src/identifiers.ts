// The identifiers in a sale event. Two spellings, both valid EPCIS 2.0 (§6.4 / the `GS1-EPC-Format` header):
//   - GS1 Digital Link URIs on id.gs1.org (the default): need no company prefix length, and any receiver can turn
//     them into URNs (GS1's translator, OpenEPCIS' DL↔EPC translator);
//   - EPC URNs (TDS 2.1 §6): `urn:epc:class:lgtin:`, `urn:epc:id:sgtin:`, `urn:epc:id:sgln:` — only when the
//     till is configured with company prefix lengths; a GTIN or GLN outside that table falls back to Digital Link.
import { toDigitalLink } from "@scangate/gs1";
import { type CompanyPrefixLengths, companyPrefixLength } from "./company-prefix.js";

/** How identifiers are written: Digital Link, or EPC URNs where the company prefix length is known. */
export interface IdentifierStyle {
  /** Company prefix lengths; absent = always Digital Link. */
  readonly companyPrefixLengths?: CompanyPrefixLengths;
}

// TDS 2.1 §6.3.1 (Table 6-1): these CSET 82 characters must be %-escaped in the serial/lot part of an EPC URI.
const URN_ESCAPES: Readonly<Record<string, string>> = {
  '"': "%22",
  "%": "%25",
  "&": "%26",
  "/": "%2F",
  "<": "%3C",
  ">": "%3E",
  "?": "%3F",
};
const escapeUrnPart = (text: string) => text.replace(/["%&/<>?]/g, (char) => URN_ESCAPES[char] ?? char);

function digitalLink(elements: readonly { ai: string; raw: string }[]): string {
  const link = toDigitalLink({ elements });
  // The sale schema admitted only valid GTINs/GLNs and CSET 82 values, which always make a Digital Link.
  if (!link.ok) throw new Error(`unreachable: ${link.error.message}`);
  return link.value;
}

/** `<company prefix>.<indicator + item reference>` of a GTIN-14, or undefined without a known prefix length. */
function gtinUrnParts(gtin14: string, style: IdentifierStyle): string | undefined {
  const length = style.companyPrefixLengths && companyPrefixLength(style.companyPrefixLengths, gtin14.slice(1));
  if (length === undefined) return undefined;
  return `${gtin14.slice(1, 1 + length)}.${gtin14[0]}${gtin14.slice(1 + length, 13)}`;
}

/** GTIN-8/12/13/14 → GTIN-14 (zero-padded, GenSpecs §3.2). */
export const toGtin14 = (gtin: string): string => gtin.padStart(14, "0");

/** The class a line's quantity counts: GTIN + batch (LGTIN), or the GTIN alone when no batch was scanned. */
export function productClassId(gtin14: string, batch: string | undefined, style: IdentifierStyle): string {
  const parts = gtinUrnParts(gtin14, style);
  if (parts !== undefined)
    // A GTIN without a lot is the EPC pattern of all its serials (TDS §8.2 / EPCIS 2.0 §8.3.3 quantity classes).
    return batch === undefined
      ? `urn:epc:idpat:sgtin:${parts}.*`
      : `urn:epc:class:lgtin:${parts}.${escapeUrnPart(batch)}`;
  return digitalLink(
    batch === undefined
      ? [{ ai: "01", raw: gtin14 }]
      : [
          { ai: "01", raw: gtin14 },
          { ai: "10", raw: batch },
        ],
  );
}

/** One serialised unit: SGTIN. */
export function serialisedItemId(gtin14: string, serial: string, style: IdentifierStyle): string {
  const parts = gtinUrnParts(gtin14, style);
  if (parts !== undefined) return `urn:epc:id:sgtin:${parts}.${escapeUrnPart(serial)}`;
  return digitalLink([
    { ai: "01", raw: gtin14 },
    { ai: "21", raw: serial },
  ]);
}

/**
 * A location: the store (`extension` absent → SGLN extension `0`, Digital Link `/414/<GLN>`) or a point in it
 * such as a till (`/414/<GLN>/254/<extension>`).
 */
export function locationId(gln: string, extension: string | undefined, style: IdentifierStyle): string {
  const length = style.companyPrefixLengths && companyPrefixLength(style.companyPrefixLengths, gln);
  if (length !== undefined)
    return `urn:epc:id:sgln:${gln.slice(0, length)}.${gln.slice(length, 12)}.${escapeUrnPart(extension ?? "0")}`;
  return digitalLink(
    extension === undefined
      ? [{ ai: "414", raw: gln }]
      : [
          { ai: "414", raw: gln },
          { ai: "254", raw: extension },
        ],
  );
}
