// The demo's two notices: a producer recall of one tofu batch, and a market-regulator failed inspection of one
// bean-sprout batch (the finding format follows SAMR's 不合格项目║检验结果║标准值).
import type { RuleNotice } from "@scangate/rules";
import { DEMO_CATALOGUE } from "./demo-catalogue.js";

type DemoNoticeFields = Pick<RuleNotice, "id" | "kind" | "source" | "severity" | "reasons" | "action"> &
  Partial<Pick<RuleNotice, "regions">>;

function demoNotice(
  fields: DemoNoticeFields,
  today: string,
  gtin: string,
  batch: string,
  description: string,
): RuleNotice {
  return {
    ...fields,
    version: 1,
    status: "active",
    effective: { from: today },
    products: [{ gtin, batches: [batch], description }],
  };
}

/** The recall and the failed-inspection notice, effective from `today`. */
export function demoNotices(today: string): RuleNotice[] {
  const tofu = DEMO_CATALOGUE[0]?.gtin ?? "";
  const sprouts = DEMO_CATALOGUE[2]?.gtin ?? "";
  const recall: DemoNoticeFields = {
    id: "demo:recall:tofu-TF2411B",
    kind: "recall",
    source: { authority: "PRODUCER", ref: "DEMO-RC-001" },
    severity: { scheme: "CN_RECALL", level: "二级", normalized: "high" },
    reasons: [
      {
        code: "MICROBIAL",
        text: { "zh-CN": "菌落总数超标，主动召回", en: "Aerobic plate count too high: voluntary recall" },
      },
    ],
    action: { atTill: "block", ifAttributeUnknown: "warn", override: { allowed: false, reasonRequired: true } },
  };
  const failedInspection: DemoNoticeFields = {
    id: "demo:samr:sprouts-LD2411F",
    kind: "failed_inspection",
    source: { authority: "ZJ_AMR", ref: "浙市监抽检〔2026〕DEMO" },
    severity: { scheme: "LOCAL", level: "不合格", normalized: "high" },
    reasons: [
      {
        code: "ADDITIVE",
        text: {
          "zh-CN": "抽检不合格：检出4-氯苯氧乙酸钠",
          en: "Failed inspection: sodium 4-chlorophenoxyacetate found",
        },
        finding: { item: "4-氯苯氧乙酸钠", result: "0.125 mg/kg", limit: "不得检出" },
      },
    ],
    regions: ["CN-ZJ"],
    action: { atTill: "block", ifAttributeUnknown: "block" },
  };
  return [
    demoNotice(recall, today, tofu, "TF2411B", "老豆腐 500克"),
    demoNotice(failedInspection, today, sprouts, "LD2411F", "绿豆芽 300克"),
  ];
}
