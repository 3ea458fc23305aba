// Rule notices for the store tests, in the feed's own notice shape (src/schemas.ts).
import type { RuleNotice } from "../../src/schemas.js";

/** A GTIN with a valid check digit, and the batch a recall names. */
export const GTIN = "09521234543213";
export const RECALLED_BATCH = "LOT2027A";

/** A batch-scoped recall that blocks at the till; `status: "closed"` when the recall has been closed out. */
export function recallNotice(id: string, status: RuleNotice["status"] = "active", version = 1): RuleNotice {
  return {
    id,
    version,
    kind: "recall",
    status,
    source: { authority: "PRODUCER" },
    severity: { scheme: "LOCAL", level: "1", normalized: "critical" },
    reasons: [{ text: { en: "Listeria found in batch LOT2027A" } }],
    effective: { from: "2026-11-01T00:00:00.000Z" },
    action: { atTill: "block", ifAttributeUnknown: "warn" },
    products: [{ gtin: GTIN, batches: [RECALLED_BATCH] }],
  } as RuleNotice;
}
