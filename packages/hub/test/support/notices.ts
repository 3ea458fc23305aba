// Rule notices in the rule model's shape (@scangate/rules RuleNoticeSchema), for the admin API tests.
import type { RuleNotice } from "@scangate/rules";
import { TOFU } from "./epcis-fixtures.js";

/** A batch recall of TOFU that blocks at the till. */
export function recall(id: string, batches: string[] = ["TF1"]): Omit<RuleNotice, "version"> {
  return {
    id,
    kind: "recall",
    status: "active",
    source: { authority: "PRODUCER" },
    severity: { scheme: "LOCAL", level: "1", normalized: "critical" },
    reasons: [{ text: { en: "Listeria found", "zh-CN": "检出李斯特菌" } }],
    effective: { from: "2027-03-01" },
    action: { atTill: "block", ifAttributeUnknown: "warn" },
    products: [{ gtin: TOFU, batches }],
  };
}
