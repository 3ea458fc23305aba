// Whether a refund may be recorded against a sale and the refunds it already has: pure, so the rules are read (and
// tested) in one place and run inside the journal's transaction on what it just read.
import { z } from "zod";
import type { CompletedSale } from "../sale/completed-sale.js";
import type { JournalRefund } from "./journal-db.js";
import type { JournalError } from "./journal-errors.js";

/** What `recordRefund` accepts (see `RefundInput`). */
export const RefundInputSchema = z.object({
  refundId: z.string().min(1).max(64),
  lineIds: z
    .array(z.string().min(1))
    .min(1)
    .refine((ids) => new Set(ids).size === ids.length, "a line is named twice")
    .optional(),
  amountMinor: z.int().positive().max(Number.MAX_SAFE_INTEGER),
  tender: z.enum(["cash", "wallet", "gateway"]),
  atMs: z.int().nonnegative(),
  by: z.string().min(1).max(64),
});

/** Why `refund` may not be recorded against `sale` after `earlier`, or `undefined` when it may. */
export function refundRefusal(
  sale: CompletedSale,
  earlier: readonly JournalRefund[],
  refund: JournalRefund,
): JournalError | undefined {
  const evidence = { saleId: sale.id, refundId: refund.refundId };
  const refundedLines = new Map(earlier.flatMap((done) => (done.lineIds ?? []).map((id) => [id, done.refundId])));
  let linesMinor = 0;
  for (const lineId of refund.lineIds ?? []) {
    const line = sale.lines.find((candidate) => candidate.id === lineId);
    if (line === undefined)
      return { code: "UNKNOWN_LINE", message: `sale ${sale.id} has no line ${lineId}`, ...evidence, lineId };
    const by = refundedLines.get(lineId);
    if (by !== undefined)
      return { code: "LINE_ALREADY_REFUNDED", message: `line ${lineId} was refunded by ${by}`, ...evidence, lineId };
    linesMinor += line.totalMinor;
  }
  const refundedMinor = earlier.reduce((sum, done) => sum + done.amountMinor, 0);
  const paidLeft = sale.totals.totalMinor - refundedMinor;
  const refundableMinor = refund.lineIds === undefined ? paidLeft : Math.min(paidLeft, linesMinor);
  if (refund.amountMinor > refundableMinor)
    return {
      code: "REFUND_EXCEEDS_PAID",
      message: `refund of ${refund.amountMinor} exceeds the ${refundableMinor} still refundable`,
      ...evidence,
      refundableMinor,
      requestedMinor: refund.amountMinor,
    };
  return undefined;
}
