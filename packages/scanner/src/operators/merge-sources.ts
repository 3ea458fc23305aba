// One till, several scanners: a wedge for the cashier, a camera for the customer's phone, typed codes. The issue
// (#4) calls this `merge(...sources)`; it is exported as `mergeSources` so it does not shadow rxjs's `merge`.
import { combineLatest, map, merge, type Observable, startWith } from "rxjs";
import type { Scan, ScannerStatus, ScanSource, ScanSourceKind } from "../types.js";

/** One source's part of a {@link MergedScannerStatus}. */
export interface SourceStatus {
  readonly kind: ScanSourceKind;
  /** The device label the merged scans of this source carry when a scan names none (see {@link mergeSources}). */
  readonly device: string;
  readonly status: ScannerStatus;
}

/**
 * The merged sources' condition. `state` is the best of the sources' states, since the till can scan while any
 * source is ready; `diagnostic` is the first source's diagnostic there is; `sources` has each one, for a status bar.
 */
export interface MergedScannerStatus extends ScannerStatus {
  readonly sources: readonly SourceStatus[];
}

/** What {@link mergeSources} returns: a scan source without a single kind. */
export interface MergedScanSource {
  readonly scans$: Observable<Scan>;
  readonly status$: Observable<MergedScannerStatus>;
}

/** Better first: what a till can do with the source. */
const STATE_RANK: Readonly<Record<ScannerStatus["state"], number>> = {
  ready: 0,
  connecting: 1,
  idle: 2,
  disconnected: 3,
  failed: 4,
};

const IDLE: ScannerStatus = { state: "idle" };

/**
 * Merges scan sources into one (the issue's `merge(...sources)`). Each scan is tagged with its source's `kind` as
 * `source`, and keeps its `device`; a scan without one gets the source's kind, numbered when two sources share a
 * kind (`"keyboard:1"`, `"keyboard:2"`). `status$` emits whenever a source's status changes; a source that has not
 * reported yet counts as `idle`. Subscribing to `scans$` subscribes to every source's `scans$`.
 *
 * @example
 * const till = mergeSources(keyboardWedge(window), camera(video), manual(typed$));
 * till.scans$.pipe(dedupe()).subscribe(onScan);
 * till.status$.subscribe(showStatusBar);
 */
export function mergeSources(...sources: readonly ScanSource[]): MergedScanSource {
  if (sources.length === 0) throw new TypeError("mergeSources needs at least one scan source");
  const labelled = withDeviceLabels(sources);
  const scans$ = merge(
    ...labelled.map(({ source, device }) =>
      source.scans$.pipe(map((scan): Scan => ({ ...scan, source: source.kind, device: scan.device ?? device }))),
    ),
  );
  const status$ = combineLatest(labelled.map(({ source }) => source.status$.pipe(startWith(IDLE)))).pipe(
    map((statuses) => mergedStatus(labelled, statuses)),
  );
  return { scans$, status$ };
}

/** Each source with the device label its unnamed scans get: its kind, numbered when two sources share a kind. */
function withDeviceLabels(sources: readonly ScanSource[]): { source: ScanSource; device: string }[] {
  const total = new Map<ScanSourceKind, number>();
  for (const { kind } of sources) total.set(kind, (total.get(kind) ?? 0) + 1);
  const seen = new Map<ScanSourceKind, number>();
  return sources.map((source) => {
    const number = (seen.get(source.kind) ?? 0) + 1;
    seen.set(source.kind, number);
    return { source, device: total.get(source.kind) === 1 ? source.kind : `${source.kind}:${number}` };
  });
}

function mergedStatus(
  labelled: readonly { source: ScanSource; device: string }[],
  statuses: readonly ScannerStatus[],
): MergedScannerStatus {
  const parts = labelled.map(
    ({ source, device }, index): SourceStatus => ({ kind: source.kind, device, status: statuses[index] ?? IDLE }),
  );
  const best = parts.reduce((a, b) => (STATE_RANK[b.status.state] < STATE_RANK[a.status.state] ? b : a));
  const diagnostic = parts.find((part) => part.status.diagnostic !== undefined)?.status.diagnostic;
  return diagnostic === undefined
    ? { state: best.status.state, sources: parts }
    : { state: best.status.state, diagnostic, sources: parts };
}
