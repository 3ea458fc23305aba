// What a successful parse returns: the elements in scan order with typed values, and the fields a till needs
// (GTIN, batch, expiry, weight, price …) read off them once, so that callers never search the element list.
import { type FieldName, fieldFor } from "./data-fields.js";
import type { Gs1Warning } from "./errors.js";
import type { RawElement } from "./raw-element.js";
import type { RcnValue } from "./restricted-circulation.js";
import { type Gs1Measure, type Gs1Money, type Gs1Value, typedValue, type ValueContext } from "./values.js";

/** One AI with its data. */
export interface Gs1Element {
  readonly ai: string;
  /** The dictionary's data title, e.g. "USE BY or EXPIRY". */
  readonly title: string;
  /** The AI's data field exactly as encoded. */
  readonly raw: string;
  /** The typed value: see {@link Gs1Value}. */
  readonly value: Gs1Value;
}

/** The shape the input arrived in. */
export type Gs1Source =
  /** A GS1 element string behind a GS1 AIM id (]C1, ]e0, ]d2, ]Q3, ]J1). */
  | "scan-data"
  /** A GS1 element string without an AIM id (as keyboard wedges often send it), maybe with a leading GS. */
  | "element-string"
  /** A bracketed element string: "(01)…(17)…". */
  | "hri"
  /** A GS1 Digital Link URI, with or without a plain AIM id (]Q1, ]d1, ]J0). */
  | "digital-link"
  /** A plain GTIN-8/12/13/14 (EAN/UPC, ITF-14), read as AI (01). */
  | "gtin"
  /** A restricted-circulation EAN-13 (in-store scale label) decoded by an RCN scheme. */
  | "rcn";

/** Extra facts from a Digital Link URI. */
export interface DigitalLinkDetails {
  /** Scheme, host and any path before the primary key, e.g. "https://example.com/products". */
  readonly stem: string;
  /** Query parameters that are not AIs (e.g. linkType), in order. */
  readonly ignoredQueryParameters: readonly { readonly name: string; readonly value: string }[];
}

/** A scan read as GS1 data. */
export interface Gs1Data {
  readonly elements: readonly Gs1Element[];
  readonly warnings: readonly Gs1Warning[];
  readonly source: Gs1Source;
  /** The AIM symbology identifier the scan came with, e.g. "]d2". */
  readonly symbology?: string;
  /** GTIN-14 from AI (01), or AI (02) for the contained trade items of a logistic unit. */
  readonly gtin?: string;
  /** SSCC, AI (00). */
  readonly sscc?: string;
  /** Batch or lot, AI (10). */
  readonly batch?: string;
  /** Serial number, AI (21). */
  readonly serial?: string;
  /** Use-by or expiry date "YYYY-MM-DD", AI (17); a day 00 is read as the month's last day. */
  readonly expiry?: string;
  /** Best-before date, AI (15). */
  readonly bestBefore?: string;
  /** Sell-by date, AI (16). */
  readonly sellBy?: string;
  /** Production date, AI (11). */
  readonly productionDate?: string;
  /** Packaging date, AI (13). */
  readonly packagingDate?: string;
  /** Expiry date and time "YYYY-MM-DDTHH:MM", AI (7003). */
  readonly expiryTime?: string;
  /** Variant, AI (20). */
  readonly variant?: string;
  /** Net weight: AI 310n (kg), 320n (lb) or 356n (troy oz); or the weight embedded in a scale label. */
  readonly netWeight?: Gs1Measure;
  /** Price of a variable-measure item: AI 392n / 393n; or the price embedded in a scale label. */
  readonly price?: Gs1Money;
  /** Amount payable: AI 390n / 391n. */
  readonly amount?: Gs1Money;
  /** Count of items: AI (30) variable count, or (37) count of trade items. */
  readonly count?: number;
  /** The decoded scale label, when the GTIN is a restricted-circulation number the RCN scheme knows. */
  readonly rcn?: RcnValue;
  /** Set for Digital Link input. */
  readonly digitalLink?: DigitalLinkDetails;
}

type Writable<T> = { -readonly [K in keyof T]: T[K] };

/**
 * Fills a field unless an earlier element did: one named store per field (a keyed load and store on a computed
 * name would make every Gs1Data slow to build).
 */
function setField(data: Writable<Gs1Data>, field: FieldName, value: Gs1Value): void {
  switch (field) {
    case "gtin":
      data.gtin ??= value as string;
      break;
    case "batch":
      data.batch ??= value as string;
      break;
    case "serial":
      data.serial ??= value as string;
      break;
    case "expiry":
      data.expiry ??= value as string;
      break;
    case "bestBefore":
      data.bestBefore ??= value as string;
      break;
    case "sellBy":
      data.sellBy ??= value as string;
      break;
    case "productionDate":
      data.productionDate ??= value as string;
      break;
    case "packagingDate":
      data.packagingDate ??= value as string;
      break;
    case "expiryTime":
      data.expiryTime ??= value as string;
      break;
    case "variant":
      data.variant ??= value as string;
      break;
    case "sscc":
      data.sscc ??= value as string;
      break;
    case "count":
      data.count ??= value as number;
      break;
    case "netWeight":
      data.netWeight ??= value as Gs1Measure;
      break;
    case "price":
      data.price ??= value as Gs1Money;
      break;
    case "amount":
      data.amount ??= value as Gs1Money;
      break;
  }
}

/** Builds Gs1Data from validated raw elements. */
export function buildGs1Data(
  rawElements: readonly RawElement[],
  warnings: readonly Gs1Warning[],
  source: Gs1Source,
  context: ValueContext,
): Writable<Gs1Data> {
  // Sized up front: less to allocate and collect on every scan than a list grown by push().
  const elements = new Array<Gs1Element>(rawElements.length);
  const data: Writable<Gs1Data> = { elements, warnings, source };
  for (let i = 0; i < rawElements.length; i++) {
    const { ai, raw, definition } = rawElements[i] as RawElement;
    const value = typedValue(definition, raw, context);
    const field = fieldFor(definition);
    if (field !== null) setField(data, field, value);
    elements[i] = { ai, title: definition.title, raw, value };
  }
  return data;
}
