// Notices compiled for the till: per GTIN, the notices that name it with their selectors compiled. Everything
// decidable without the scan and the clock is settled here (latest version per id, closed and cancelled notices
// dropped, range orders, effective bounds), so evaluate() only looks up one GTIN and walks a short array.
import type { RuleNotice } from "./schemas.js";
import { type CompiledSelector, compileSelector } from "./selectors.js";

/** An effective bound, kept both ways: epoch ms (when the caller passes `nowMs`) and its written calendar date. */
export interface EffectiveBound {
  readonly date: string;
  readonly ms: number;
}

/** A notice in force at build time with its selectors for one GTIN. */
export interface IndexedNotice {
  readonly notice: RuleNotice;
  readonly from: EffectiveBound;
  readonly until: EffectiveBound | undefined;
  readonly selectors: readonly CompiledSelector[];
}

/** Built by buildIndex; read by evaluate. Treat as opaque. */
export interface RuleIndex {
  /** GTIN-14 → the notices that name it. */
  readonly byGtin: ReadonlyMap<string, readonly IndexedNotice[]>;
  /** How many notices are in force (after versions and closures were resolved). */
  readonly noticeCount: number;
}

/** A date-only bound ("2026-11-01") stands for the store's whole day; as epoch ms it is read as UTC midnight. */
function effectiveBound(text: string): EffectiveBound {
  return { date: text.slice(0, 10), ms: text.length === 10 ? Date.parse(`${text}T00:00:00Z`) : Date.parse(text) };
}

function addEntry(byGtin: Map<string, IndexedNotice[]>, gtin: string, entry: IndexedNotice): void {
  const list = byGtin.get(gtin);
  if (list === undefined) byGtin.set(gtin, [entry]);
  else list.push(entry);
}

/** The index entries of one notice in force: one per GTIN it names, with that GTIN's selectors compiled. */
function entriesOf(notice: RuleNotice, add: (gtin: string, entry: IndexedNotice) => void): void {
  const from = effectiveBound(notice.effective.from);
  const until = notice.effective.until === undefined ? undefined : effectiveBound(notice.effective.until);
  const only = notice.products.length === 1 ? notice.products[0] : undefined;
  if (only !== undefined) {
    // The common case, a notice naming one product: no per-notice grouping map (1M notices: −1M maps).
    add(only.gtin, { notice, from, until, selectors: [compileSelector(only)] });
    return;
  }
  const perGtin = new Map<string, CompiledSelector[]>();
  for (const selector of notice.products) {
    const compiled = compileSelector(selector);
    const list = perGtin.get(selector.gtin);
    if (list === undefined) perGtin.set(selector.gtin, [compiled]);
    else list.push(compiled);
  }
  for (const [gtin, selectors] of perGtin) add(gtin, { notice, from, until, selectors });
}

/**
 * Indexes notices by GTIN. Pure and synchronous. Of several versions of one id the highest wins (the first of
 * equal ones); a winner that is `closed` or `cancelled` is left out, so a recall closed by a later version stops
 * blocking.
 * @example
 * const index = buildIndex(parsed.value);
 * evaluate(scan, { today: storeDate(clock()), index });
 */
export function buildIndex(notices: readonly RuleNotice[]): RuleIndex {
  const latest = new Map<string, RuleNotice>();
  for (const notice of notices) {
    const held = latest.get(notice.id);
    if (held === undefined || notice.version > held.version) latest.set(notice.id, notice);
  }
  const byGtin = new Map<string, IndexedNotice[]>();
  const add = (gtin: string, entry: IndexedNotice) => addEntry(byGtin, gtin, entry);
  let noticeCount = 0;
  for (const notice of latest.values()) {
    if (notice.status !== "active") continue;
    noticeCount++;
    entriesOf(notice, add);
  }
  return { byGtin, noticeCount };
}

/**
 * A new index equal to `buildIndex` over the old notice set with `replaced` taken out and `added` put in, built
 * in time proportional to the change rather than to the whole set (a 1,000-notice delta on 100,000 held).
 * `index` is not modified. Each id is assumed to appear once in the set, as in a feed state.
 * @param replaced the notices leaving the set: the held versions of every id that was removed or upserted
 * @param added the notices entering it (the upserts)
 */
export function updateIndex(
  index: RuleIndex,
  replaced: readonly RuleNotice[],
  added: readonly RuleNotice[],
): RuleIndex {
  const byGtin = new Map(index.byGtin);
  // Each touched GTIN's list is copied once before it is changed, so the old index keeps serving meanwhile.
  const copied = new Set<string>();
  const listOf = (gtin: string): IndexedNotice[] => {
    const list = byGtin.get(gtin);
    if (copied.has(gtin) && list !== undefined) return list as IndexedNotice[];
    const copy = list === undefined ? [] : [...list];
    copied.add(gtin);
    byGtin.set(gtin, copy);
    return copy;
  };
  let noticeCount = index.noticeCount;
  const leaving = new Set(replaced);
  for (const notice of leaving) {
    if (notice.status !== "active") continue;
    noticeCount--;
    for (const selector of notice.products) {
      const list = listOf(selector.gtin);
      const kept = list.filter((entry) => !leaving.has(entry.notice));
      if (kept.length === 0) byGtin.delete(selector.gtin);
      else byGtin.set(selector.gtin, kept);
    }
  }
  for (const notice of added) {
    if (notice.status !== "active") continue;
    noticeCount++;
    entriesOf(notice, (gtin, entry) => listOf(gtin).push(entry));
  }
  return { byGtin, noticeCount };
}
