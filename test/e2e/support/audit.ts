// The fault suite's audit: what the tills' journals say was sold and paid, against what the hub holds and what the
// payment gateway simulator charged.
import type { LineQuantity, SaleTender } from "@scangate/checkout";
import type { GatewaySimulator } from "@scangate/payments/simulator";
import { MILK, RECALLED } from "./shop.js";

/** A completed sale as a till's journal keeps it, from any kind of till. */
export interface AuditedSale {
  readonly till: string;
  readonly id: string;
  readonly lines: readonly { readonly gtin: string; readonly batch?: string; readonly quantity: LineQuantity }[];
  readonly tenders: readonly Pick<SaleTender, "kind" | "outTradeNo">[];
  /** The till already held the recall when it settled this sale. */
  readonly settledAfterRecall: boolean;
}

/** One row of the hub's producer/sales view. */
export interface HubSalesRow {
  readonly gtin: string;
  readonly batch: string | null;
  readonly quantity: number;
}

/** The audit's findings: every one but `sales` and `walletPayments` must be 0. */
export interface AuditFindings {
  readonly sales: number;
  readonly walletPayments: number;
  /** Units sold by a till that the hub does not have. */
  readonly lost: number;
  /** Units the hub has more than once, or that no till sold; plus receipts journaled twice. */
  readonly duplicated: number;
  /** Charges kept by the gateway that no till's sale records. */
  readonly paymentsLost: number;
  /** Trades charged (and kept) more than once. */
  readonly chargedTwice: number;
  /** Sales of the recalled batch settled after the recall had reached the till. */
  readonly gateMisses: number;
  /** Which sales those were, to look into. */
  readonly gateMissSales: readonly AuditedSale[];
  /** Which charges were lost, to look into. */
  readonly lostCharges: readonly ReturnType<GatewaySimulator["ledger"]>["charges"][number][];
}

const units = (quantity: LineQuantity) => (quantity.kind === "count" ? quantity.units : quantity.kg);
const batchKey = (gtin: string, batch: string | null | undefined) => `${gtin}|${batch ?? ""}`;

export function audit(
  sales: readonly AuditedSale[],
  hubRows: readonly HubSalesRow[],
  ledger: ReturnType<GatewaySimulator["ledger"]>,
): AuditFindings {
  const sold = new Map<string, number>();
  const receipts = new Set<string>();
  let duplicated = 0;
  for (const sale of sales) {
    if (receipts.has(`${sale.till}/${sale.id}`)) duplicated++;
    receipts.add(`${sale.till}/${sale.id}`);
    for (const line of sale.lines)
      sold.set(
        batchKey(line.gtin, line.batch),
        (sold.get(batchKey(line.gtin, line.batch)) ?? 0) + units(line.quantity),
      );
  }
  const held = new Map<string, number>();
  for (const row of hubRows)
    held.set(batchKey(row.gtin, row.batch), (held.get(batchKey(row.gtin, row.batch)) ?? 0) + row.quantity);
  let lost = 0;
  for (const key of new Set([...sold.keys(), ...held.keys()])) {
    const difference = (held.get(key) ?? 0) - (sold.get(key) ?? 0);
    if (difference < 0) lost -= difference;
    else duplicated += difference;
  }

  const refunded = new Map<string, number>();
  for (const refund of ledger.refunds)
    refunded.set(refund.outTradeNo, (refunded.get(refund.outTradeNo) ?? 0) + refund.amountMinor);
  const walletTrades = new Set(
    sales.flatMap((sale) =>
      sale.tenders.flatMap((tender) => (tender.kind === "wallet" && tender.outTradeNo ? [tender.outTradeNo] : [])),
    ),
  );
  const gateMissSales = sales.filter(
    (sale) => sale.settledAfterRecall && sale.lines.some((line) => line.gtin === MILK && line.batch === RECALLED),
  );
  const kept = ledger.charges.filter((charge) => charge.amountMinor > (refunded.get(charge.outTradeNo) ?? 0));
  const lostCharges = kept.filter((charge) => !walletTrades.has(charge.outTradeNo));
  return {
    sales: receipts.size,
    walletPayments: walletTrades.size,
    lost,
    duplicated,
    paymentsLost: lostCharges.length,
    lostCharges,
    chargedTwice: kept.length - new Set(kept.map((charge) => charge.outTradeNo)).size,
    gateMisses: gateMissSales.length,
    gateMissSales,
  };
}
