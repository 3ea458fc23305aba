// Turns a parsed scan (or a hand-added item) and its catalogue row into a basket line: price, markdown, the rule
// verdict and the gate. The same code re-evaluates a line at settlement, so both gates judge a line identically.
import { type Gs1Data, toDigitalLink } from "@scangate/gs1";
import type { StorePolicy, TillAction, Verdict, VerdictFor } from "@scangate/rules";
import type { BasketLine, LineCheck } from "../basket/basket-line.js";
import { gateOf } from "../basket/line-gate.js";
import { type LinePrice, lineMarkdown } from "../basket/price-line.js";
import type { CatalogItem } from "../catalog/catalog-item.js";

/** What evaluating a line needs from the till. */
export interface GateContext {
  readonly rules: { readonly verdict: VerdictFor };
  readonly today: string;
  readonly policy: StorePolicy | undefined;
  readonly region: string | undefined;
  readonly storeGln: string;
  readonly whenNoRules: TillAction;
}

/** The data to evaluate a line with: its scan, or for a hand-added line its GTIN alone (so GTIN-scoped notices and
 * `ifAttributeUnknown` still apply). */
function dataOf(line: Pick<BasketLine, "gtin" | "scan">): Gs1Data {
  return (
    line.scan ?? {
      elements: [{ ai: "01", title: "GTIN", raw: line.gtin, value: line.gtin }],
      warnings: [],
      source: "gtin",
      gtin: line.gtin,
    }
  );
}

/** The rule verdict for a line, or the RULES_UNAVAILABLE check when the store holds no rules. */
export function judge(
  line: Pick<BasketLine, "gtin" | "scan" | "category">,
  context: GateContext,
): { verdict?: Verdict; checks: LineCheck[] } {
  const verdict = context.rules.verdict(dataOf(line), {
    today: context.today,
    ...(context.policy ? { policy: context.policy } : {}),
    ...(context.region ? { region: context.region } : {}),
    store: context.storeGln,
    ...(line.category ? { category: line.category } : {}),
  });
  if (verdict.ok) return { verdict: verdict.value, checks: [] };
  return {
    checks: [
      {
        code: "RULES_UNAVAILABLE",
        action: context.whenNoRules,
        message: `not gated: the rule store answered ${verdict.error.code}`,
      },
    ],
  };
}

/** The GS1 Digital Link of the unit sold (GTIN, batch, serial), for the consumer on the receipt. */
export function digitalLinkOf(gtin: string, batch: string | undefined, serial: string | undefined): string {
  const elements = [{ ai: "01", raw: gtin }];
  if (batch !== undefined) elements.push({ ai: "10", raw: batch });
  if (serial !== undefined) elements.push({ ai: "21", raw: serial });
  const link = toDigitalLink({ elements });
  // The elements come from a parse that validated them, so formatting cannot fail; keep the bare GTIN link if it does.
  return link.ok ? link.value : `https://id.gs1.org/01/${gtin}`;
}

/** Everything of a line but its id. */
export type LineDraft = Omit<BasketLine, "id">;

/** A new line for `item`, priced by `price`, judged by the rules. */
export function draftLine(
  item: CatalogItem,
  price: LinePrice,
  scan: Gs1Data | undefined,
  extraChecks: readonly LineCheck[],
  context: GateContext,
): LineDraft {
  const base = {
    gtin: item.gtin,
    name: item.name,
    ...(item.category ? { category: item.category } : {}),
    ...(scan ? { scan } : {}),
  };
  const { verdict, checks } = judge(base, context);
  const markdown = lineMarkdown(verdict?.markdown, price);
  const allChecks = [...price.checks, ...extraChecks, ...checks];
  return {
    ...base,
    ...(scan?.batch !== undefined ? { batch: scan.batch } : {}),
    ...(scan?.serial !== undefined ? { serial: scan.serial } : {}),
    ...(scan?.expiry !== undefined ? { expiry: scan.expiry } : {}),
    ...(scan?.bestBefore !== undefined ? { bestBefore: scan.bestBefore } : {}),
    ...(scan?.sellBy !== undefined ? { sellBy: scan.sellBy } : {}),
    quantity: price.quantity,
    unitPriceMinor: price.unitPriceMinor,
    amountMinor: price.amountMinor,
    ...(markdown ? { markdown } : {}),
    totalMinor: price.amountMinor - (markdown?.discountMinor ?? 0),
    ...(item.taxRatePercent !== undefined ? { taxRatePercent: item.taxRatePercent } : {}),
    ...(verdict ? { verdict } : {}),
    checks: allChecks,
    gate: gateOf(verdict, allChecks),
    digitalLink: digitalLinkOf(item.gtin, scan?.batch, scan?.serial),
  };
}

/** The line with another unit count (a count line only): amount and markdown follow. */
export function withUnits(line: BasketLine, units: number): BasketLine {
  const amountMinor = units * line.unitPriceMinor;
  const price: LinePrice = {
    quantity: { kind: "count", units },
    unitPriceMinor: line.unitPriceMinor,
    amountMinor,
    checks: [],
  };
  const markdown = lineMarkdown(line.verdict?.markdown, price);
  const { markdown: _old, ...rest } = line;
  return {
    ...rest,
    quantity: price.quantity,
    amountMinor,
    ...(markdown ? { markdown } : {}),
    totalMinor: amountMinor - (markdown?.discountMinor ?? 0),
  };
}

const RANK: Readonly<Record<TillAction, number>> = { allow: 0, warn: 1, block: 2 };

/**
 * The line judged again against the rules held now (the settlement gate). A resolution survives only when the gate
 * did not get more severe: an acknowledged warn does not cover a block that arrived since.
 */
export function regate(line: BasketLine, context: GateContext): BasketLine {
  const { verdict, checks } = judge(line, context);
  const ownChecks = line.checks.filter((check) => check.code !== "RULES_UNAVAILABLE");
  const allChecks = [...ownChecks, ...checks];
  const gate = gateOf(verdict, allChecks);
  const { verdict: _verdict, resolution, ...rest } = line;
  const keepResolution = resolution !== undefined && RANK[gate] <= RANK[line.gate];
  return {
    ...rest,
    ...(verdict ? { verdict } : {}),
    checks: allChecks,
    gate,
    ...(keepResolution ? { resolution } : {}),
  };
}
