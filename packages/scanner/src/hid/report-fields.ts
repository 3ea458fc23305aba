// Where each field of a HID report sits, from WebHID's description of the report descriptor. Fields are packed
// back to back, least significant bit first, in the order of the main items (HID 1.11 §5.6, §6.2.2.7); WebHID
// removes the report id byte, so bit 0 is the first bit after it.
import type { HidCollectionInfoLike, HidReportInfoLike, HidReportItemLike } from "./hid-device-like.js";

/** One field of a report: its usage (absent for padding) and where its bits are. */
export interface HidReportField {
  readonly usage: number | undefined;
  readonly bitOffset: number;
  readonly bitSize: number;
}

/** The fields of a report in order, with their bit offsets. */
export function reportFields(report: HidReportInfoLike): HidReportField[] {
  const fields: HidReportField[] = [];
  let bitOffset = 0;
  for (const item of report.items ?? []) {
    const bitSize = item.reportSize ?? 0;
    const count = item.reportCount ?? 0;
    for (let index = 0; index < count; index++) {
      fields.push({ usage: fieldUsage(item, index), bitOffset, bitSize });
      bitOffset += bitSize;
    }
  }
  return fields;
}

/** The report's length in bytes, without the report id. */
export function reportByteLength(report: HidReportInfoLike): number {
  let bits = 0;
  for (const item of report.items ?? []) bits += (item.reportSize ?? 0) * (item.reportCount ?? 0);
  return Math.ceil(bits / 8);
}

/** Every report of one kind in the collections and their children, depth first, in declaration order. */
export function collectReports(
  collections: readonly HidCollectionInfoLike[],
  kind: "inputReports" | "outputReports" | "featureReports",
): HidReportInfoLike[] {
  const reports: HidReportInfoLike[] = [];
  for (const collection of collections) {
    reports.push(...(collection[kind] ?? []), ...collectReports(collection.children ?? [], kind));
  }
  return reports;
}

/** Every collection, its children included, depth first. */
export function allCollections(collections: readonly HidCollectionInfoLike[]): HidCollectionInfoLike[] {
  return collections.flatMap((collection) => [collection, ...allCollections(collection.children ?? [])]);
}

// HID 1.11 §6.2.2.8: a usage range gives consecutive usages to consecutive fields; with a list, each field takes
// the next usage and the last one repeats (a 56-byte Decoded Data field list names 0xFE once).
function fieldUsage(item: HidReportItemLike, index: number): number | undefined {
  if (item.isRange && item.usageMinimum !== undefined && item.usageMaximum !== undefined) {
    return Math.min(item.usageMinimum + index, item.usageMaximum);
  }
  const usages = item.usages ?? [];
  return usages.length === 0 ? undefined : usages[Math.min(index, usages.length - 1)];
}
