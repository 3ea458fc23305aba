// A product selector compiled once at index time, and the three-way answer it gives a scan. A constraint the scan
// cannot answer (no batch on an EAN-13, no AI 17 on the label) is "unknown", never a silent match or miss: the
// notice's `ifAttributeUnknown` decides what the till does then.
import type { Gs1Data } from "@scangate/gs1";
import type { ProductSelector } from "./schemas.js";
import { type CompiledRange, compileRange, inRange } from "./selectors-range.js";

/** One constraint over a scan attribute: exact values and ranges, matched when either holds. */
interface ValueConstraint {
  readonly exact: ReadonlySet<string> | undefined;
  readonly ranges: readonly CompiledRange[];
}

type DateAi = "11" | "13" | "15" | "16" | "17" | "7003";

interface DateConstraint {
  readonly ai: DateAi;
  readonly from: string | undefined;
  readonly to: string | undefined;
}

/** A selector ready for matching; the GTIN is the index key, so it is not repeated here. */
export interface CompiledSelector {
  readonly batch: ValueConstraint | undefined;
  readonly serial: ValueConstraint | undefined;
  readonly dates: readonly DateConstraint[];
}

/** How a selector answers a scan. */
export type SelectorMatch = "match" | "no_match" | "unknown";

function valueConstraint(
  exact: readonly string[] | undefined,
  ranges: readonly { from: string; to: string }[] | undefined,
): ValueConstraint | undefined {
  if (exact === undefined && ranges === undefined) return undefined;
  return { exact: exact === undefined ? undefined : new Set(exact), ranges: (ranges ?? []).map(compileRange) };
}

/** Compiles a selector's constraints (sets for exact values, each range's order decided once). */
export function compileSelector(selector: ProductSelector): CompiledSelector {
  return {
    batch: valueConstraint(selector.batches, selector.batchRanges),
    serial: valueConstraint(selector.serials, selector.serialRanges),
    dates: (selector.dates ?? []).map((window) => ({ ai: window.ai, from: window.from, to: window.to })),
  };
}

function holds(constraint: ValueConstraint, value: string): boolean {
  if (constraint.exact?.has(value)) return true;
  for (const range of constraint.ranges) if (inRange(range, value)) return true;
  return false;
}

/** The scan's calendar date for a date AI; AI 7003 (date and time) is compared on its date. */
function dateOf(data: Gs1Data, ai: DateAi): string | undefined {
  switch (ai) {
    case "11":
      return data.productionDate;
    case "13":
      return data.packagingDate;
    case "15":
      return data.bestBefore;
    case "16":
      return data.sellBy;
    case "17":
      return data.expiry;
    case "7003":
      return data.expiryTime?.slice(0, 10);
  }
}

/** Matches a scan: "no_match" as soon as a known attribute fails, "unknown" when only missing ones remain. */
export function matchSelector(selector: CompiledSelector, data: Gs1Data): SelectorMatch {
  let unknown = false;
  if (selector.batch !== undefined) {
    if (data.batch === undefined) unknown = true;
    else if (!holds(selector.batch, data.batch)) return "no_match";
  }
  if (selector.serial !== undefined) {
    if (data.serial === undefined) unknown = true;
    else if (!holds(selector.serial, data.serial)) return "no_match";
  }
  for (const window of selector.dates) {
    const date = dateOf(data, window.ai);
    if (date === undefined) unknown = true;
    else if ((window.from !== undefined && date < window.from) || (window.to !== undefined && date > window.to))
      return "no_match";
  }
  return unknown ? "unknown" : "match";
}
