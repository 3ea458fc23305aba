import { type Gs1Data, parse } from "@scangate/gs1";
import { describe, expect, it } from "vitest";
import { type EvaluateContext, evaluate } from "../src/evaluate.js";
import {
  DEFAULT_STORE_POLICY,
  parseStorePolicy,
  type StorePolicy,
  type StorePolicyInput,
} from "../src/policy-schema.js";
import { buildIndex } from "../src/rule-index.js";
import type { RuleNotice } from "../src/schemas.js";
import { storeDate } from "../src/store-date.js";

const GTIN = "09521234543213";
const HOUR_MS = 3_600_000;
const EMPTY = buildIndex([]);

function scan(text: string, today: string): Gs1Data {
  const result = parse(text, { today });
  if (!result.ok) throw new Error(`test scan does not parse: ${result.error.code}`);
  return result.value;
}

function policy(input: StorePolicyInput): StorePolicy {
  const parsed = parseStorePolicy(input);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.value;
}

const verdictAt = (text: string, today: string, extra: Partial<EvaluateContext> = {}) =>
  evaluate(scan(text, today), { today, index: EMPTY, ...extra });

describe("expiry on the store's calendar date", () => {
  it("sells on the day of expiry and blocks the day after, in Asia/Shanghai across UTC midnight", () => {
    const lastEvening = storeDate(Date.parse("2026-12-31T15:30:00Z")); // 23:30 in Shanghai
    const nextMorning = storeDate(Date.parse("2026-12-31T16:30:00Z")); // 00:30 in Shanghai; UTC still says 31 Dec
    expect(verdictAt(`(01)${GTIN}(17)261231`, lastEvening).action).toBe("allow");
    const blocked = verdictAt(`(01)${GTIN}(17)261231`, nextMorning);
    expect(blocked.action).toBe("block");
    expect(blocked.reasons).toEqual([
      {
        source: "policy",
        code: "EXPIRED",
        action: "block",
        ai: "17",
        date: "2026-12-31",
        daysLeft: -1,
        category: undefined,
      },
    ]);
  });

  it("reads a day 00 as the month's last day (as gs1 parses it)", () => {
    expect(verdictAt(`(01)${GTIN}(17)270200`, "2027-02-28").action).toBe("allow");
    expect(verdictAt(`(01)${GTIN}(17)270200`, "2027-03-01").action).toBe("block");
  });

  it("judges AI 7003 on its date", () => {
    expect(verdictAt(`(01)${GTIN}(7003)2612311530`, "2026-12-31").action).toBe("allow");
    expect(verdictAt(`(01)${GTIN}(7003)2612311530`, "2027-01-01").reasons[0]).toMatchObject({
      code: "EXPIRED",
      ai: "7003",
    });
  });

  it("sell-by warns, best-before warns by default; grace days and allow per category", () => {
    expect(verdictAt(`(01)${GTIN}(16)261128`, "2026-11-29").reasons[0]).toMatchObject({
      code: "PAST_SELL_BY",
      action: "warn",
    });
    expect(verdictAt(`(01)${GTIN}(15)261128`, "2026-11-29").reasons[0]).toMatchObject({
      code: "PAST_BEST_BEFORE",
      action: "warn",
    });
    const lenient = policy({
      categories: { dry: { bestBefore: { action: "allow" } }, bread: { useBy: { action: "block", graceDays: 2 } } },
    });
    expect(verdictAt(`(01)${GTIN}(15)261128`, "2026-11-29", { policy: lenient, category: "dry" }).action).toBe("allow");
    expect(verdictAt(`(01)${GTIN}(17)261127`, "2026-11-29", { policy: lenient, category: "bread" }).action).toBe(
      "allow",
    );
    expect(verdictAt(`(01)${GTIN}(17)261126`, "2026-11-29", { policy: lenient, category: "bread" }).action).toBe(
      "block",
    );
    expect(verdictAt(`(01)${GTIN}(17)261126`, "2026-11-29", { policy: lenient, category: "unknown" }).action).toBe(
      "block",
    );
  });
});

describe("near-expiry markdown", () => {
  const marked = policy({
    dates: { markdown: { withinDays: 2, percentOff: 30, reasonCode: "NEAR_EXPIRY_30" } },
    categories: {
      fish: { markdown: { withinDays: 1, priceMinor: 990, currency: "CNY", reasonCode: "FISH_EOD" } },
      wine: { markdown: null },
    },
  });

  it("applies within N days of expiry, ends included, and not once expired", () => {
    expect(verdictAt(`(01)${GTIN}(17)261201`, "2026-11-29", { policy: marked }).markdown).toEqual({
      reasonCode: "NEAR_EXPIRY_30",
      ai: "17",
      daysLeft: 2,
      percentOff: 30,
    });
    expect(verdictAt(`(01)${GTIN}(17)261129`, "2026-11-29", { policy: marked })).toMatchObject({
      action: "allow",
      markdown: { daysLeft: 0 },
    });
    expect(verdictAt(`(01)${GTIN}(17)261202`, "2026-11-29", { policy: marked }).markdown).toBeUndefined();
    expect(verdictAt(`(01)${GTIN}(17)261128`, "2026-11-29", { policy: marked }).markdown).toBeUndefined();
  });

  it("a category sets a fixed price or switches the markdown off", () => {
    expect(verdictAt(`(01)${GTIN}(17)261130`, "2026-11-29", { policy: marked, category: "fish" }).markdown).toEqual({
      reasonCode: "FISH_EOD",
      ai: "17",
      daysLeft: 1,
      priceMinor: 990,
      currency: "CNY",
    });
    expect(
      verdictAt(`(01)${GTIN}(17)261130`, "2026-11-29", { policy: marked, category: "wine" }).markdown,
    ).toBeUndefined();
  });
});

describe("stale feed", () => {
  const notice: RuleNotice = {
    id: "x",
    version: 1,
    kind: "recall",
    status: "active",
    source: { authority: "PRODUCER" },
    severity: { scheme: "LOCAL", level: "1", normalized: "high" },
    reasons: [{ text: { en: "recall" } }],
    effective: { from: "2026-01-01" },
    action: { atTill: "block", ifAttributeUnknown: "allow" },
    products: [{ gtin: GTIN, batches: ["OLD"] }],
  };
  const index = buildIndex([notice]);
  const at = (feedAgeMs: number, gtin = GTIN, chosen: StorePolicy = DEFAULT_STORE_POLICY) =>
    evaluate(scan(`(01)${gtin}(10)NEW`, "2026-11-29"), { today: "2026-11-29", index, feedAgeMs, policy: chosen });

  it("fresh: no feed reason; stale: an informational reason; very stale: warns on GTINs the feed names", () => {
    expect(at(24 * HOUR_MS).reasons).toEqual([]);
    expect(at(24 * HOUR_MS + 1)).toMatchObject({ action: "allow", reasons: [{ code: "FEED_STALE", action: "allow" }] });
    expect(at(72 * HOUR_MS + 1)).toMatchObject({ action: "warn", reasons: [{ code: "FEED_VERY_STALE" }] });
    expect(at(72 * HOUR_MS + 1, "09506000134352").action).toBe("allow");
  });

  it("a store may block when very stale, for every GTIN", () => {
    const strict = policy({
      staleness: {
        staleAfterMs: HOUR_MS,
        veryStaleAfterMs: 2 * HOUR_MS,
        veryStaleAction: "block",
        veryStaleAppliesTo: "all_gtins",
      },
    });
    expect(at(2 * HOUR_MS + 1, "09506000134352", strict).action).toBe("block");
    expect(at(HOUR_MS + 1, "09506000134352", strict).action).toBe("allow");
  });

  it("refuses a policy whose thresholds are out of order, with a typed error", () => {
    const parsed = parseStorePolicy({ staleness: { staleAfterMs: 10, veryStaleAfterMs: 5 } });
    expect(parsed).toMatchObject({ ok: false, error: { code: "MALFORMED_POLICY" } });
  });
});
