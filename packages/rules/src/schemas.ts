// The rule model's wire format: one zod schema per shape, the TypeScript types inferred from them. The feed
// documents (feed/feed-document-schemas.ts) embed RuleNoticeSchema, so a feed can never carry a notice the
// evaluator cannot read. Documented with a full example in docs/rule-feed.md ("The rule model").
// Unknown fields are dropped, not refused: a newer publisher may add fields an older till does not know.
import { isValidGtin } from "@scangate/gs1";
import { z } from "zod";
import { type Result, type RulesError, rulesError } from "./errors.js";
import { isOrderedRange } from "./selectors-range.js";

export { type StorePolicy, type StorePolicyInput, StorePolicySchema } from "./policy-schema.js";

/** A calendar date "YYYY-MM-DD" that exists (no 30 February). */
export const CalendarDateSchema = z.iso.date();

/** Text per BCP 47 language tag, e.g. `{ "zh-CN": "抽检不合格", en: "Failed inspection" }`. */
export const LocalizedTextSchema = z.record(z.string().regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/), z.string().min(1));

const GtinSchema = z
  .string()
  .regex(/^\d{14}$/, "GTIN-14: 14 digits, GTIN-8/12/13 zero-padded")
  .refine(isValidGtin, "GTIN-14 with a valid check digit");

/** `{ from, to }`, ends included, ordered as selectors-range.ts decides (numeric or lexicographic). */
const RangeSchema = z
  .object({ from: z.string().min(1).max(20), to: z.string().min(1).max(20) })
  .refine((range) => isOrderedRange(range.from, range.to), "range `from` lies after `to`");

/** The AIs whose dates a notice can be scoped by: GS1 recall tracking-key types (production, packaging, best
 * before, sell by, expiry, expiry date-time). 7003 is compared on its calendar date. */
export const DateAiSchema = z.enum(["11", "13", "15", "16", "17", "7003"]);

const DateWindowSchema = z
  .object({ ai: DateAiSchema, from: CalendarDateSchema.optional(), to: CalendarDateSchema.optional() })
  .refine((window) => window.from !== undefined || window.to !== undefined, "a date window needs `from` or `to`")
  .refine((window) => !(window.from && window.to && window.from > window.to), "window `from` lies after `to`");

/**
 * Which scans a notice names: a GTIN-14 AND every constraint present. `batches` and `batchRanges` together are
 * one constraint (the batch is listed or in a range); so are `serials` and `serialRanges`; each date window is
 * its own constraint (two windows on one AI: use two selectors).
 */
export const ProductSelectorSchema = z.object({
  gtin: GtinSchema,
  batches: z.array(z.string().min(1).max(20)).min(1).optional(),
  batchRanges: z.array(RangeSchema).min(1).optional(),
  serials: z.array(z.string().min(1).max(20)).min(1).optional(),
  serialRanges: z.array(RangeSchema).min(1).optional(),
  dates: z.array(DateWindowSchema).min(1).optional(),
  /** For the cashier screen, e.g. "Spinach 500 g". */
  description: z.string().optional(),
});
export type ProductSelector = z.infer<typeof ProductSelectorSchema>;

/** An instant with an offset ("2026-11-01T00:00:00Z"), or a calendar date compared with the store's date. */
const EffectiveBoundSchema = z.union([z.iso.datetime({ offset: true }), CalendarDateSchema]);

const ReasonSchema = z.object({
  /** GS1 productRecallReasonCode or a local hazard code, e.g. "ALLERGY_HAZARD_PEANUTS". */
  code: z.string().optional(),
  text: LocalizedTextSchema,
  /** An inspection's failed item, result and limit (SAMR 不合格项目║检验结果║标准值). */
  finding: z.object({ item: z.string(), result: z.string(), limit: z.string() }).optional(),
});

const ActionSchema = z.object({
  atTill: z.enum(["block", "warn"]),
  override: z
    .object({ allowed: z.boolean(), role: z.enum(["cashier", "supervisor"]).optional(), reasonRequired: z.boolean() })
    .optional(),
  /** When the scan lacks what the notice is scoped by (an EAN-13 has no batch): the GTIN-only fallback. */
  ifAttributeUnknown: z.enum(["block", "warn", "allow"]),
  customerMessage: LocalizedTextSchema.optional(),
  staffInstruction: LocalizedTextSchema.optional(),
});

/** One recall, withdrawal, failed-inspection finding, stop-sale or advisory, as a feed publishes it. */
export const RuleNoticeSchema = z.object({
  /** Stable publisher id, e.g. "samr:2026-11:17", "fda:F-1234-2027". */
  id: z.string().min(1).max(200),
  /** Monotonic per id: the highest version of an id is the notice; lower ones are ignored. */
  version: z.int().positive(),
  kind: z.enum(["recall", "withdrawal", "failed_inspection", "stop_sale", "advisory"]),
  /** `closed` (recall closed out) and `cancelled` notices never act at the till. */
  status: z.enum(["active", "closed", "cancelled"]),
  /** Kept for audit: who published it upstream and under which reference. */
  source: z.object({
    authority: z.enum(["GS1_RECALL", "FDA", "FSIS", "RASFF", "SAMR", "ZJ_AMR", "PRODUCER", "RETAILER"]),
    ref: z.string().optional(),
    url: z.url().optional(),
  }),
  issuer: z
    .object({
      gln: z
        .string()
        .regex(/^\d{13}$/)
        .optional(),
      name: z.string(),
    })
    .optional(),
  severity: z.object({
    scheme: z.enum(["FDA", "GS1", "CN_RECALL", "RASFF", "LOCAL"]),
    /** The source's own level: "I", "CLASS_2", "一级", "alert". */
    level: z.string(),
    normalized: z.enum(["critical", "high", "medium", "low"]),
  }),
  reasons: z.array(ReasonSchema).min(1),
  effective: z.object({ from: EffectiveBoundSchema, until: EffectiveBoundSchema.optional() }),
  /** ISO 3166-1 or 3166-2 codes ("CN", "CN-ZJ"); absent = everywhere. "CN" covers "CN-ZJ". */
  regions: z
    .array(z.string().regex(/^[A-Z]{2}(-[A-Z0-9]{1,3})?$/))
    .min(1)
    .optional(),
  /** Store GLNs; absent = every store. */
  stores: z
    .array(z.string().regex(/^\d{13}$/))
    .min(1)
    .optional(),
  action: ActionSchema,
  /** OR across selectors. */
  products: z.array(ProductSelectorSchema).min(1),
  links: z.object({ recallStatus: z.url().optional() }).optional(),
});
export type RuleNotice = z.infer<typeof RuleNoticeSchema>;

const RuleNoticeListSchema = z.array(RuleNoticeSchema);

/** Reads a JSON array of notices (e.g. a publisher's notices.json). Never throws for bad input. */
export function parseRuleNotices(json: unknown): Result<RuleNotice[], RulesError> {
  const parsed = RuleNoticeListSchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: rulesError("MALFORMED_NOTICE", "not a valid notice list", parsed.error.issues) };
}
