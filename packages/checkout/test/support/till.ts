// A till assembled from real parts for the engine tests: the rule engine (buildIndex + evaluate) over notices the
// test can change mid-basket, a catalogue of Zhejiang market goods, the payment bridge with the cash provider on
// fake-indexeddb, and a fixed store clock (2026-11-29 10:00 in Shanghai).
import { cash, createPaymentBridge, type PaymentBridge } from "@scangate/payments";
import { buildIndex, evaluate, parseStorePolicy, type RuleNotice, type StorePolicyInput } from "@scangate/rules";
import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import { asyncScheduler, type SchedulerLike } from "rxjs";
import { onTestFinished } from "vitest";
import type { Catalog } from "../../src/catalog/catalog.js";
import { type CatalogItem, type CatalogItemInput, CatalogItemSchema } from "../../src/catalog/catalog-item.js";
import type { Checkout } from "../../src/engine/checkout-api.js";
import type { CheckoutOptions } from "../../src/engine/checkout-options.js";
import { createCheckout } from "../../src/engine/create-checkout.js";

export const NOW_MS = Date.parse("2026-11-29T02:00:00Z"); // 10:00 in Asia/Shanghai
export const TODAY = "2026-11-29";

/** Products (GTIN-14 with valid check digits). */
export const MILK = "06901234567892"; // 纯牛奶 ¥12.50
export const EGGS = "06901234000122"; // 土鸡蛋 ¥18.00
export const PORK = "06901234000139"; // 五花肉 ¥36.00/kg
export const TOFU = "02000123000008"; // 豆腐 sold from the stall's scale: ¥8.00/kg (scale label item code 00123)
export const WINE = "06901234000146"; // 黄酒, serialised ¥58.00

export const CATALOG: CatalogItemInput[] = [
  { gtin: MILK, name: "纯牛奶 1L", priceMinor: 1250, category: "dairy", taxRatePercent: 9 },
  { gtin: EGGS, name: "土鸡蛋 10枚", priceMinor: 1800, taxRatePercent: 9 },
  { gtin: PORK, name: "五花肉", priceMinor: 3600, unit: "kg", category: "fresh_meat", taxRatePercent: 9 },
  { gtin: TOFU, name: "豆腐", priceMinor: 800, unit: "kg" },
  { gtin: WINE, name: "绍兴黄酒", priceMinor: 5800, taxRatePercent: 13 },
];

/** A catalogue over a Map: the smallest real `Catalog`. */
export function mapCatalog(
  items: readonly CatalogItemInput[],
): Catalog & { put(item: CatalogItemInput): Promise<void> } {
  const byGtin = new Map<string, CatalogItem>();
  const add = (item: CatalogItemInput) => byGtin.set(item.gtin, CatalogItemSchema.parse(item));
  for (const item of items) add(item);
  return {
    lookup: async (gtin) => byGtin.get(gtin),
    put: async (item) => {
      add(item);
    },
  };
}

/** A failed-inspection notice on MILK batch `batch`; `override` lets a supervisor sell it with a reason. */
export function inspectionNotice(id: string, batch: string, overrideAllowed = false): RuleNotice {
  return {
    id,
    version: 1,
    kind: "failed_inspection",
    status: "active",
    source: { authority: "ZJ_AMR", ref: id },
    severity: { scheme: "CN_RECALL", level: "一级", normalized: "critical" },
    reasons: [{ text: { "zh-CN": "该批次抽检不合格", en: "Batch failed inspection" } }],
    effective: { from: "2026-11-01" },
    action: {
      atTill: "block",
      ifAttributeUnknown: "warn",
      ...(overrideAllowed ? { override: { allowed: true, role: "supervisor", reasonRequired: true } } : {}),
    },
    products: [{ gtin: MILK, batches: [batch] }],
  } as RuleNotice;
}

/** The rules a till holds, changeable mid-test (a recall arriving while the customer queues). */
export function heldRules(notices: RuleNotice[] = []) {
  let index = buildIndex(notices);
  return {
    rules: {
      verdict: ((data, context) => ({ ok: true, value: evaluate(data, { ...context, index }) })) as NonNullable<
        CheckoutOptions["rules"]
      >["verdict"],
    },
    publish(next: RuleNotice[]) {
      index = buildIndex(next);
    },
  };
}

/** A scheduler whose clock reads `clock.nowMs`; timers run on real time. */
export function clockAt(clock: { nowMs: number }): SchedulerLike {
  return {
    now: () => clock.nowMs,
    schedule: asyncScheduler.schedule.bind(asyncScheduler) as SchedulerLike["schedule"],
  };
}

let dbCounter = 0;

/** A till with real parts; `overrides` replace any option. */
export function openTill(
  options: {
    notices?: RuleNotice[];
    policy?: StorePolicyInput;
    clock?: { nowMs: number };
    overrides?: Partial<CheckoutOptions>;
  } = {},
): {
  checkout: Checkout;
  bridge: PaymentBridge;
  rules: ReturnType<typeof heldRules>;
  catalog: ReturnType<typeof mapCatalog>;
  clock: { nowMs: number };
} {
  const clock = options.clock ?? { nowMs: NOW_MS };
  const scheduler = clockAt(clock);
  const rules = heldRules(options.notices);
  const catalog = mapCatalog(CATALOG);
  dbCounter += 1;
  const bridge = createPaymentBridge({
    providers: [cash()],
    dbName: `checkout-test-payments-${dbCounter}-${Math.random().toString(36).slice(2)}`,
    indexedDB,
    IDBKeyRange,
    scheduler,
  });
  onTestFinished(() => bridge.close());
  const policy = options.policy ? parseStorePolicy(options.policy) : undefined;
  if (policy && !policy.ok) throw new Error(policy.error.message);
  let ids = 0;
  const checkout = createCheckout({
    catalog,
    rules: rules.rules,
    payments: bridge,
    store: { gln: "6901234000016", name: "朱家角菜场 12号摊", region: "CN-ZJ" },
    cashier: "0012",
    scheduler,
    newId: (kind) => `${kind}-${++ids}`,
    ...(policy ? { policy: policy.value } : {}),
    ...options.overrides,
  });
  return { checkout, bridge, rules, catalog, clock };
}
