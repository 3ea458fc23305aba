// The store's own rules, which no feed carries: what expiry, sell-by and best-before dates do at the till, the
// near-expiry markdown, and how old a feed may be. A category overrides the default field by field.
import { z } from "zod";
import { type Result, type RulesError, rulesError } from "./errors.js";

const HOUR_MS = 3_600_000;

const DateRuleSchema = <Action extends z.ZodType<"block" | "warn" | "allow">>(action: Action) =>
  z.object({
    action,
    /** Days after the printed date the item may still be sold. @default 0 */
    graceDays: z.int().min(0).max(3650).default(0),
  });

const MarkdownSchema = z.union([
  z.object({ withinDays: z.int().min(0), percentOff: z.int().min(1).max(100), reasonCode: z.string().min(1) }),
  z.object({
    withinDays: z.int().min(0),
    priceMinor: z.int().min(0),
    currency: z.string().regex(/^[A-Z]{3}$/),
    reasonCode: z.string().min(1),
  }),
]);

const AnyAction = z.enum(["block", "warn", "allow"]);

/** Per-AI date rules. useBy: AI 17 and 7003; sellBy: AI 16; bestBefore: AI 15 (never blocks). */
const DateRulesShape = {
  useBy: DateRuleSchema(AnyAction),
  sellBy: DateRuleSchema(AnyAction),
  bestBefore: DateRuleSchema(z.enum(["warn", "allow"])),
  /** Within `withinDays` of the first printed date (17/7003, else 16, else 15): a markdown, not a refusal. */
  markdown: MarkdownSchema,
};

const DefaultDateRulesSchema = z.object({
  useBy: DateRulesShape.useBy.default({ action: "block", graceDays: 0 }),
  sellBy: DateRulesShape.sellBy.default({ action: "warn", graceDays: 0 }),
  bestBefore: DateRulesShape.bestBefore.default({ action: "warn", graceDays: 0 }),
  markdown: MarkdownSchema.optional(),
});

const CategoryDateRulesSchema = z.object({
  useBy: DateRulesShape.useBy.optional(),
  sellBy: DateRulesShape.sellBy.optional(),
  bestBefore: DateRulesShape.bestBefore.optional(),
  /** `null` switches a default markdown off for this category. */
  markdown: MarkdownSchema.nullable().optional(),
});

const StalenessSchema = z
  .object({
    /** Feed age after which every verdict carries a FEED_STALE reason (action unchanged). @default 24 h */
    staleAfterMs: z
      .int()
      .min(0)
      .default(24 * HOUR_MS),
    /** Feed age after which `veryStaleAction` applies. @default 72 h */
    veryStaleAfterMs: z
      .int()
      .min(0)
      .default(72 * HOUR_MS),
    /** What a very stale feed does to a scan otherwise allowed. @default "warn" */
    veryStaleAction: AnyAction.default("warn"),
    /** "notified_gtins": only GTINs with a notice in the feed (a feed cannot vouch for what it never named);
     * "all_gtins": every scan. @default "notified_gtins" */
    veryStaleAppliesTo: z.enum(["notified_gtins", "all_gtins"]).default("notified_gtins"),
  })
  .refine((policy) => policy.veryStaleAfterMs >= policy.staleAfterMs, "veryStaleAfterMs below staleAfterMs");

/** A store's policy; every field has a default, so `{}` is the default policy. */
export const StorePolicySchema = z.object({
  dates: DefaultDateRulesSchema.default({
    useBy: { action: "block", graceDays: 0 },
    sellBy: { action: "warn", graceDays: 0 },
    bestBefore: { action: "warn", graceDays: 0 },
  }),
  /** Overrides per product category (the till's catalogue names the category). */
  categories: z.record(z.string().min(1), CategoryDateRulesSchema).default({}),
  staleness: StalenessSchema.default({
    staleAfterMs: 24 * HOUR_MS,
    veryStaleAfterMs: 72 * HOUR_MS,
    veryStaleAction: "warn",
    veryStaleAppliesTo: "notified_gtins",
  }),
});
/** A store policy with every default filled in. */
export type StorePolicy = z.infer<typeof StorePolicySchema>;
/** What a store writes: any field may be left out. */
export type StorePolicyInput = z.input<typeof StorePolicySchema>;

/** The policy when a till names none: expired (17/7003) blocks, past sell-by or best-before warns, 24 h / 72 h staleness. */
export const DEFAULT_STORE_POLICY: StorePolicy = StorePolicySchema.parse({});

/** Reads a store policy from JSON, filling defaults. Never throws for bad input. */
export function parseStorePolicy(json: unknown): Result<StorePolicy, RulesError> {
  const parsed = StorePolicySchema.safeParse(json);
  if (parsed.success) return { ok: true, value: parsed.data };
  return { ok: false, error: rulesError("MALFORMED_POLICY", "not a valid store policy", parsed.error.issues) };
}
