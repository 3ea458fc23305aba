// What of a completed sale streams back to the producer (@scangate/sales' Sale): GTIN, batch, serials, quantity,
// time, and what the till gated — nothing about the customer or the payment. In-store scale labels (restricted
// circulation numbers, prefix 02/20–29) mean nothing outside the store, so those lines stay out.
import { isRestrictedCirculation } from "@scangate/gs1";
import type { Sale, SaleLine } from "@scangate/sales";
import type { BasketLine } from "../basket/basket-line.js";
import type { CompletedSale } from "../sale/completed-sale.js";

function gateRecordOf(line: BasketLine): SaleLine["gate"] {
  if (line.gate === "allow") return undefined;
  const noticeIds = (line.verdict?.reasons ?? []).flatMap((reason) =>
    reason.source === "notice" ? [reason.noticeId] : [],
  );
  const resolution = line.resolution;
  return {
    action: line.gate,
    overridden: resolution !== undefined,
    ...(resolution ? { overriddenBy: resolution.by, role: resolution.role } : {}),
    ...(resolution ? { reasonCode: resolution.reasonCode ?? "ACKNOWLEDGED" } : {}),
    ...(noticeIds.length > 0 ? { noticeIds: noticeIds.slice(0, 20) } : {}),
  };
}

/** The sale as the sales outbox records it; `undefined` when no line carries a GTIN a producer knows. */
export function saleRecordOf(sale: CompletedSale): Sale | undefined {
  const lines = sale.lines.filter((line) => !isRestrictedCirculation(line.gtin));
  if (lines.length === 0) return undefined;
  return {
    id: sale.id,
    soldAtMs: sale.soldAtMs,
    lines: lines.map((line): SaleLine => {
      const gate = gateRecordOf(line);
      const measured = line.quantity.kind === "weight";
      return {
        gtin: line.gtin,
        ...(line.batch !== undefined ? { batch: line.batch } : {}),
        ...(line.serial !== undefined ? { serials: [line.serial] } : {}),
        quantity: line.quantity.kind === "weight" ? line.quantity.kg : line.quantity.units,
        ...(measured ? { uom: "KGM" } : {}),
        ...(gate ? { gate } : {}),
      };
    }),
  };
}
