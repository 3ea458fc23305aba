// Joins the reports of one scan: data longer than one report's Decoded Data field (56 bytes on Honeywell) arrives
// in several reports, each but the last with Decode Data Continued set (research/scanners.md §8 item 13). Pure:
// time comes in as an argument, and the caller owns the timeout that ends a scan whose last report never came.
import type { HidPosReport } from "./report-decoder.js";

/** A scan whose last report has not arrived yet. */
export interface PendingHidScan {
  readonly symbology?: string;
  readonly parts: readonly Uint8Array[];
  /** When its first report arrived, epoch ms. */
  readonly at: number;
}

/** The reports of one scan, joined. */
export interface JoinedHidScan {
  readonly symbology?: string;
  readonly data: Uint8Array;
  readonly at: number;
  /** The continued flag promised more, but the next report never came. */
  readonly truncated: boolean;
}

/** The outcome of one report: a scan still waiting for more, or a finished one (or neither, for an empty report). */
export interface HidJoinStep {
  readonly pending?: PendingHidScan;
  readonly completed?: JoinedHidScan;
}

/**
 * Adds one report to the scan in progress.
 *
 * @example
 * let pending: PendingHidScan | undefined;
 * const step = joinHidReport(pending, report, scheduler.now());
 * pending = step.pending;
 * if (step.completed) emit(step.completed);
 */
export function joinHidReport(pending: PendingHidScan | undefined, report: HidPosReport, at: number): HidJoinStep {
  const symbology = pending?.symbology ?? report.symbology;
  const next: PendingHidScan = {
    ...(symbology !== undefined ? { symbology } : {}),
    parts: [...(pending?.parts ?? []), report.data],
    at: pending?.at ?? at,
  };
  if (report.continued) return { pending: next };
  const joined = finishHidScan(next, false);
  // Some scanners send a zero-length report after a scan; it is not a scan of its own.
  return joined.data.length === 0 && joined.symbology === undefined ? {} : { completed: joined };
}

/**
 * Ends a scan whose continuation never came (timeout, unplug): what arrived, marked `truncated`. A truncated GS1
 * string can still parse (a batch cut short is a shorter batch), so consumers must look at the flag.
 */
export function flushTruncatedHidScan(pending: PendingHidScan): JoinedHidScan {
  return finishHidScan(pending, true);
}

function finishHidScan(pending: PendingHidScan, truncated: boolean): JoinedHidScan {
  const data = new Uint8Array(pending.parts.reduce((length, part) => length + part.length, 0));
  let offset = 0;
  for (const part of pending.parts) {
    data.set(part, offset);
    offset += part.length;
  }
  return {
    ...(pending.symbology !== undefined ? { symbology: pending.symbology } : {}),
    data,
    at: pending.at,
    truncated,
  };
}
