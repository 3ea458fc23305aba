// What dualMarked needs to know about one read: its GTIN, its elements, which carrier it came from and, in GS1
// scanning mode 3, the set it belongs to. Pure functions over one scan.
import { type Gs1Element, type ParseOptions, parse } from "@scangate/gs1";
import { splitAimPrefix } from "../aim-prefix.js";
import { type Scan, scanData } from "../types.js";

/** A scan split from the GS1 scanning-mode-3 set identifier a scanner put in front of it. */
export interface ModeThreeRead {
  /** The set identifier shared by every label read from one pack in one trigger pull. */
  readonly setId: string;
  /** The scan without the set identifier. */
  readonly scan: Scan;
}

/** One product read, as dualMarked compares them. */
export interface ProductRead {
  readonly scan: Scan;
  readonly gtin: string;
  readonly elements: readonly Gs1Element[];
  /** Which barcode it came from: "ean-upc" for a plain GTIN, else the AIM id or the shape of the data. */
  readonly carrier: string;
  readonly setId?: string;
}

/**
 * The default mode-3 reader. Mode 3 "transmits all GS1-compliant labels with a standardized 8-digit set identifier
 * prefix" (Datalogic's description of the GS1 readiness criteria, research pos-domain.md §1.2 item 3); ahead of the
 * AIM id, the source cannot split the id off, so the scan arrives as `text: "12345678]E09521234543213"`.
 * Where the digits sit exactly is not verified on a scanner; a different layout needs its own reader.
 */
export function readModeThreePrefix(scan: Scan): ModeThreeRead | undefined {
  const setId = /^\d{8}/.exec(scan.text)?.[0];
  if (scan.symbology !== undefined || setId === undefined) return undefined;
  const { symbology, text } = splitAimPrefix(scan.text.slice(setId.length));
  if (symbology === undefined) return undefined;
  const normalizations = [...(scan.normalizations ?? []), `mode3:set-id:${setId}`];
  return { setId, scan: { ...scan, symbology, text, symbologySource: "device", normalizations } };
}

/** The read's GTIN and elements, or undefined when it is no GS1 product code. */
export function productRead(
  scan: Scan,
  setId: string | undefined,
  gs1: ParseOptions | undefined,
): ProductRead | undefined {
  const parsed = parse(scanData(scan), gs1);
  if (!parsed.ok || parsed.value.gtin === undefined) return undefined;
  const { gtin, elements, source } = parsed.value;
  const carrier = source === "gtin" || source === "rcn" ? "ean-upc" : (scan.symbology ?? source);
  return setId === undefined ? { scan, gtin, elements, carrier } : { scan, gtin, elements, carrier, setId };
}

/**
 * Whether two reads are the two barcodes of one pack: the same GTIN, from different carriers (or the same mode-3
 * set), and no AI with two different values. Two reads of one carrier are two packs: the same EAN-13 scanned
 * twice is two items, and repeated reads of one code are `dedupe`'s job. A set identifier on both decides alone.
 */
export function areTwins(a: ProductRead, b: ProductRead): boolean {
  if (a.gtin !== b.gtin) return false;
  if (a.setId !== undefined && b.setId !== undefined) {
    if (a.setId !== b.setId) return false;
  } else if (a.carrier === b.carrier) {
    return false;
  }
  const values = new Map(a.elements.map((element) => [element.ai, element.raw]));
  return b.elements.every((element) => (values.get(element.ai) ?? element.raw) === element.raw);
}

/** More elements, more to check at the till: a GS1 DataMatrix with expiry and batch beats the EAN-13 beside it. */
export function isRicher(a: ProductRead, than: ProductRead): boolean {
  return a.elements.length > than.elements.length;
}

/** A read with nothing but its GTIN, which a richer twin may still follow. */
export function isGtinOnly(read: ProductRead): boolean {
  return read.elements.length === 1;
}
