// Writing GS1 data back out: as an element string (what a symbol encodes), bracketed HRI (what people read),
// or a canonical GS1 Digital Link URI (what a consumer's phone opens).
import { lookupAi } from "./ai-table.js";
import { formatDigitalLink } from "./digital-link-format.js";
import { GS } from "./element-string.js";
import type { Gs1Error, Result } from "./errors.js";
import { writeBracketed } from "./hri.js";

/** Anything with elements: a parse result's `Gs1Data`, or elements built by hand. */
export interface Gs1ElementList {
  readonly elements: readonly { readonly ai: string; readonly raw: string }[];
}

/**
 * The element string of the data, with GS (ASCII 29) after every field that does not have a predefined
 * length, except the last; no AIM id (prepend "]d2", "]Q3" or "]C1" for the symbol you encode).
 * @example toElementString(parse("(01)09506000134352(10)ABC(17)261231").value) // "010950600013435210ABC\u001d17261231"
 */
export function toElementString(data: Gs1ElementList): string {
  let text = "";
  data.elements.forEach(({ ai, raw }, index) => {
    text += ai + raw;
    if (index < data.elements.length - 1 && !lookupAi(ai)?.predefinedLength) text += GS;
  });
  return text;
}

/** The bracketed element string, e.g. "(01)09506000134352(17)261231(10)ABC123"; "(" in data is written "\(". */
export function toHri(data: Gs1ElementList): string {
  return writeBracketed(data.elements);
}

/** Options for {@link toDigitalLink}. */
export interface ToDigitalLinkOptions {
  /**
   * Scheme, host and optional path prefix of the URI.
   * @default "https://id.gs1.org"
   */
  readonly domain?: string;
}

/**
 * The canonical GS1 Digital Link URI: the primary key, its qualifiers in dictionary order, and the other
 * attributes in the query string. Fails with BAD_DIGITAL_LINK when the data has no primary key (e.g. GTIN) or
 * carries an AI that a Digital Link may not.
 */
export function toDigitalLink(data: Gs1ElementList, options: ToDigitalLinkOptions = {}): Result<string, Gs1Error> {
  return formatDigitalLink(data.elements, options.domain === undefined ? {} : { domain: options.domain });
}
