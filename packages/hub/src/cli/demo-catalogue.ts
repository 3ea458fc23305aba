// The demo's goods: what a Hangzhou wet-market stall and a neighbourhood supermarket sell, under one demo GS1
// company prefix (690 is GS1 China's range; 6901234 is made up for the demo). Batches carry expiry dates relative
// to the day the demo is seeded, so some are always expired.
import { gtinCheckDigit } from "@scangate/gs1";

/** A demo company prefix in GS1 China's 690–699 range. */
export const DEMO_COMPANY_PREFIX = "6901234";

/** One product with its batches; `expiresInDays` < 0 is an expired batch. */
export interface DemoProduct {
  readonly gtin: string;
  readonly name: { readonly "zh-CN": string; readonly en: string };
  readonly where: "wet-market" | "supermarket";
  /** Sold by weight: quantities in KGM. */
  readonly byWeight?: true;
  readonly batches: readonly { readonly batch: string; readonly expiresInDays: number }[];
}

function demoGtin(itemReference: string): string {
  const payload = `0${DEMO_COMPANY_PREFIX}${itemReference}`;
  return `${payload}${gtinCheckDigit(payload)}`;
}

// item reference, names, where it sells, batches as "batch:expires-in-days" (negative: already expired).
const ROWS: readonly (readonly [string, string, string, DemoProduct["where"], string])[] = [
  ["00011", "老豆腐 500克", "Firm tofu 500 g", "wet-market", "TF2411A:-2 TF2411B:2"],
  ["00028", "嫩豆腐 400克", "Silken tofu 400 g", "wet-market", "NT2411C:3"],
  ["00035", "绿豆芽 300克", "Mung bean sprouts 300 g", "wet-market", "LD2411F:1 LD2411E:-1"],
  ["00042", "上海青 500克", "Shanghai bok choy 500 g", "wet-market", "QC2411:4"],
  ["00059", "土鸡蛋 10枚", "Free-range eggs, 10", "wet-market", "EG2411:20"],
  ["00066", "鲜猪五花肉（称重）", "Fresh pork belly (by weight)", "wet-market", "PK2411H:2"],
  ["00073", "东北大米 5千克", "Northeast rice 5 kg", "supermarket", "RC2409:300"],
  ["00080", "生抽酱油 500毫升", "Light soy sauce 500 ml", "supermarket", "SS2406:540"],
  ["00097", "鲜牛奶 1升", "Fresh milk 1 L", "supermarket", "MK2411K:-3 MK2411M:5"],
  ["00103", "猪肉白菜水饺 1千克", "Pork and cabbage dumplings 1 kg", "supermarket", "DP2410:150"],
  ["00110", "涪陵榨菜 80克", "Fuling pickled mustard 80 g", "supermarket", "ZC2408:280"],
];

/** The demo catalogue. */
export const DEMO_CATALOGUE: readonly DemoProduct[] = ROWS.map(([itemReference, zh, en, where, batches]) => ({
  gtin: demoGtin(itemReference),
  name: { "zh-CN": zh, en },
  where,
  ...(en.includes("by weight") ? { byWeight: true as const } : {}),
  batches: batches.split(" ").map((entry) => {
    const [batch, days] = entry.split(":") as [string, string];
    return { batch, expiresInDays: Number(days) };
  }),
}));
