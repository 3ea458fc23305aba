// Reading GTIN, batch and GLN out of the identifiers an EPCIS 2.0 sale event carries. EPCIS 2.0 accepts both the
// EPC URNs of the GS1 EPC Tag Data Standard (TDS 2.1 §6.3) and GS1 Digital Link URIs; the URNs split the company
// prefix from the item reference with a dot, so the full key is rebuilt here and its check digit recomputed.
import { gtinCheckDigit, parse } from "@scangate/gs1";

/** A trade item as a sale event names it: GTIN-14, and the batch or serial when the identifier has one. */
export interface ProductIdentifier {
  readonly gtin: string;
  readonly batch?: string;
  readonly serial?: string;
}

// TDS: company prefix + (indicator digit + item reference) = 13 digits; the lot/serial is URN-escaped.
// (An escaped lot of 20 characters may be up to 60 characters long: each may become "%XX".)
const LGTIN_URN = /^urn:epc:class:lgtin:(\d{6,12})\.(\d{1,7})\.(.{1,60})$/;
const SGTIN_URN = /^urn:epc:id:sgtin:(\d{6,12})\.(\d{1,7})\.(.{1,60})$/;
const SGTIN_PATTERN_URN = /^urn:epc:idpat:sgtin:(\d{6,12})\.(\d{1,7})\.\*$/;
// TDS: company prefix + location reference = 12 digits; the extension ("0" = none) is not part of the GLN.
const SGLN_URN = /^urn:epc:id:sgln:(\d{6,12})\.(\d{0,6})\.(.{1,60})$/;

/** The GTIN-14 of a company prefix and an indicator+item-reference pair, or undefined when they are not 13 digits. */
function gtinFromUrnParts(companyPrefix: string, indicatorAndItem: string): string | undefined {
  if (companyPrefix.length + indicatorAndItem.length !== 13) return undefined;
  const body = `${indicatorAndItem.slice(0, 1)}${companyPrefix}${indicatorAndItem.slice(1)}`;
  return `${body}${gtinCheckDigit(body)}`;
}

/** A URN-escaped lot or serial, decoded; undefined when the escape is broken or it is over GS1's 20 characters. */
function decodeUrnPart(part: string): string | undefined {
  try {
    const decoded = decodeURIComponent(part);
    return decoded.length <= 20 ? decoded : undefined;
  } catch {
    return undefined;
  }
}

function readDigitalLink(uri: string, today: string) {
  if (!/^https?:\/\//i.test(uri)) return undefined;
  const parsed = parse(uri, { today, rcn: false });
  return parsed.ok && parsed.value.source === "digital-link" ? parsed.value : undefined;
}

/**
 * Reads a class-level identifier (`quantityList[].epcClass`): an LGTIN URN, an SGTIN pattern URN (GTIN, no
 * batch), or a Digital Link with AI 01 and optionally 10.
 * @param today - the event's local date, for the Digital Link parser's two-digit-year window.
 */
export function readProductClass(epcClass: string, today: string): ProductIdentifier | undefined {
  const lgtin = LGTIN_URN.exec(epcClass);
  if (lgtin) {
    const gtin = gtinFromUrnParts(lgtin[1] as string, lgtin[2] as string);
    const batch = decodeUrnPart(lgtin[3] as string);
    return gtin === undefined || batch === undefined ? undefined : { gtin, batch };
  }
  const pattern = SGTIN_PATTERN_URN.exec(epcClass);
  if (pattern) {
    const gtin = gtinFromUrnParts(pattern[1] as string, pattern[2] as string);
    return gtin === undefined ? undefined : { gtin };
  }
  const link = readDigitalLink(epcClass, today);
  if (link?.gtin === undefined || link.serial !== undefined) return undefined;
  return link.batch === undefined ? { gtin: link.gtin } : { gtin: link.gtin, batch: link.batch };
}

/** Reads an instance-level identifier (`epcList[]`): an SGTIN URN or a Digital Link with AI 01 and 21. */
export function readProductInstance(epc: string, today: string): ProductIdentifier | undefined {
  const sgtin = SGTIN_URN.exec(epc);
  if (sgtin) {
    const gtin = gtinFromUrnParts(sgtin[1] as string, sgtin[2] as string);
    const serial = decodeUrnPart(sgtin[3] as string);
    return gtin === undefined || serial === undefined ? undefined : { gtin, serial };
  }
  const link = readDigitalLink(epc, today);
  if (link?.gtin === undefined || link.serial === undefined) return undefined;
  const base = { gtin: link.gtin, serial: link.serial };
  return link.batch === undefined ? base : { ...base, batch: link.batch };
}

/** Reads a store location (`bizLocation.id`): an SGLN URN or a Digital Link with AI 414; the GLN, 13 digits. */
export function readLocationGln(id: string, today: string): string | undefined {
  const sgln = SGLN_URN.exec(id);
  if (sgln) {
    const companyPrefix = sgln[1] as string;
    const locationReference = sgln[2] as string;
    if (companyPrefix.length + locationReference.length !== 12) return undefined;
    const body = `${companyPrefix}${locationReference}`;
    return `${body}${gtinCheckDigit(body)}`;
  }
  const link = readDigitalLink(id, today);
  return link?.elements.find((element) => element.ai === "414")?.raw;
}
