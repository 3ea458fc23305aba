// A completed sale as the engine hands it over: a weighed line with a markdown and an acknowledged warning, a
// two-unit line let through by an override, and a serialised line; paid in cash with change.
import type { BasketLine } from "../../src/basket/basket-line.js";
import type { CompletedSale } from "../../src/sale/completed-sale.js";

/** 2026-11-29 06:03:05 UTC = 14:03:05 in Shanghai. */
export const SOLD_AT_MS = Date.UTC(2026, 10, 29, 6, 3, 5);

const PORK_LINE: BasketLine = {
  id: "L1",
  gtin: "06901234567892",
  name: "五花肉",
  category: "fresh_meat",
  batch: "B2611",
  expiry: "2026-12-01",
  quantity: { kind: "weight", kg: 0.532 },
  unitPriceMinor: 2800,
  amountMinor: 1490,
  markdown: { reasonCode: "NEAR_EXPIRY_30", discountMinor: 149, daysLeft: 2 },
  totalMinor: 1341,
  taxRatePercent: 9,
  verdict: {
    action: "warn",
    reasons: [
      {
        source: "policy",
        code: "NEAR_EXPIRY",
        action: "warn",
        ai: "17",
        date: "2026-12-01",
        daysLeft: 2,
        category: "fresh_meat",
      },
    ],
  },
  checks: [],
  gate: "warn",
  resolution: { kind: "acknowledged", by: "0012", role: "cashier", atMs: SOLD_AT_MS - 60_000 },
  digitalLink: "https://id.gs1.org/01/06901234567892/10/B2611?17=261201",
};

const MILK_LINE: BasketLine = {
  id: "L2",
  gtin: "09506000134352",
  name: "Oat milk 1L 燕麦奶",
  batch: "LOT7",
  bestBefore: "2026-11-28",
  quantity: { kind: "count", units: 2 },
  unitPriceMinor: 1250,
  amountMinor: 2500,
  totalMinor: 2500,
  verdict: {
    action: "block",
    reasons: [
      {
        source: "policy",
        code: "PAST_BEST_BEFORE",
        action: "block",
        ai: "15",
        date: "2026-11-28",
        daysLeft: -1,
        category: undefined,
      },
    ],
  },
  checks: [],
  gate: "block",
  resolution: {
    kind: "overridden",
    by: "0012",
    role: "supervisor",
    reasonCode: "CUSTOMER_INFORMED",
    atMs: SOLD_AT_MS - 30_000,
  },
  digitalLink: "https://id.gs1.org/01/09506000134352/10/LOT7",
};

const SOY_LINE: BasketLine = {
  id: "L3",
  gtin: "00000096385074",
  name: "Soy sauce",
  serial: "SER42",
  quantity: { kind: "count", units: 1 },
  unitPriceMinor: 990,
  amountMinor: 990,
  totalMinor: 990,
  taxRatePercent: 13,
  checks: [],
  gate: "allow",
  digitalLink: "https://id.gs1.org/01/00000096385074/21/SER42",
};

/** The sale, receipt number S-0001. */
export const SALE: CompletedSale = {
  id: "S-0001",
  soldAtMs: SOLD_AT_MS,
  storeDate: "2026-11-29",
  timeZone: "Asia/Shanghai",
  storeGln: "6901234000004",
  storeName: "东门菜市场 12 号摊",
  cashier: "0012",
  lines: [PORK_LINE, MILK_LINE, SOY_LINE],
  totals: {
    currency: "CNY",
    subtotalMinor: 4980,
    markdownMinor: 149,
    totalMinor: 4831,
    units: 4,
    taxes: [
      { ratePercent: 9, taxMinor: 111, grossMinor: 1341 },
      { ratePercent: 13, taxMinor: 114, grossMinor: 990 },
    ],
  },
  tenders: [{ kind: "cash", amountMinor: 4831, tenderedMinor: 5000, changeMinor: 169 }],
};

/** A sale like `SALE` with other id, time, lines or tenders. */
export function saleWith(changes: Partial<CompletedSale>): CompletedSale {
  return { ...SALE, ...changes };
}

/** A one-line sale of `serial` paid by wallet, for the journal. */
export function walletSale(id: string, soldAtMs: number, serial = `SER-${id}`): CompletedSale {
  const line: BasketLine = { ...SOY_LINE, serial, digitalLink: `https://id.gs1.org/01/00000096385074/21/${serial}` };
  return saleWith({
    id,
    soldAtMs,
    lines: [line],
    totals: { currency: "CNY", subtotalMinor: 990, markdownMinor: 0, totalMinor: 990, units: 1, taxes: [] },
    tenders: [{ kind: "wallet", amountMinor: 990, outTradeNo: `T${id}`, wallet: "alipay" }],
  });
}
