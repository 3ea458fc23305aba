// What a line costs and how the basket counts: fixed-price and weighed items, scale labels, near-expiry markdowns,
// serialised units, dual-marked packs, and the basket commands.
import { describe, expect, it } from "vitest";
import type { BasketLine } from "../src/basket/basket-line.js";
import { EGGS, MILK, openTill, PORK, TOFU, WINE } from "./support/till.js";

async function added(result: Promise<{ ok: boolean; value?: unknown; error?: unknown }>): Promise<BasketLine> {
  const outcome = await result;
  if (!outcome.ok) throw new Error(`refused: ${JSON.stringify(outcome.error)}`);
  return (outcome.value as { line?: BasketLine }).line ?? (outcome.value as BasketLine);
}

describe("weighed items", () => {
  it("charges the price encoded on the label, and checks it against weight × price per kg", async () => {
    const { checkout } = openTill();
    // 0.525 kg of pork at ¥36.00/kg = ¥18.90, label says ¥18.90
    const line = await added(checkout.scan(`]d201${PORK}3103000525\u001d3922001890`));
    expect(line).toMatchObject({
      quantity: { kind: "weight", kg: 0.525 },
      amountMinor: 1890,
      gate: "allow",
      checks: [],
    });
  });

  it("warns when the label price is off by more than the tolerance", async () => {
    const { checkout } = openTill();
    const line = await added(checkout.scan(`]d201${PORK}3103000525\u001d3922001290`)); // ¥12.90 for ¥18.90 of pork
    expect(line).toMatchObject({
      amountMinor: 1290,
      gate: "warn",
      checks: [{ code: "WEIGHT_PRICE_MISMATCH", encodedPriceMinor: 1290, computedPriceMinor: 1890 }],
    });
  });

  it("prices a weight-only barcode from the catalogue, rounding half up to the fen", async () => {
    const { checkout } = openTill();
    const line = await added(checkout.scan(`]d201${PORK}3103000333`)); // 0.333 kg × 3600 = 1198.8 → 1199
    expect(line).toMatchObject({ amountMinor: 1199, quantity: { kind: "weight", kg: 0.333 } });
  });

  it("reads the stall's own scale label (China scale layout) and charges its printed price", async () => {
    const { checkout } = openTill();
    const line = await added(checkout.scan("2000123012506"));
    expect(line).toMatchObject({ gtin: TOFU, name: "豆腐", amountMinor: 1250 });
  });

  it("sells a kg item added by hand by its weight", async () => {
    const { checkout } = openTill();
    const line = await added(checkout.addItem({ gtin: PORK, kg: 1.25 }));
    expect(line).toMatchObject({ amountMinor: 4500, quantity: { kind: "weight", kg: 1.25 } });
  });
});

describe("markdowns", () => {
  it("takes the near-expiry markdown off the line, visibly", async () => {
    const policy = { dates: { markdown: { withinDays: 3, percentOff: 30, reasonCode: "NEAR_EXPIRY_30" } } };
    const { checkout } = openTill({ policy });
    const line = await added(checkout.scan(`]d201${MILK}17261201\u001d10L1`)); // 2 days left
    expect(line).toMatchObject({
      amountMinor: 1250,
      markdown: { reasonCode: "NEAR_EXPIRY_30", discountMinor: 375, daysLeft: 2 },
      totalMinor: 875,
    });
    expect(checkout.snapshot().totals).toMatchObject({ subtotalMinor: 1250, markdownMinor: 375, totalMinor: 875 });
  });
});

describe("counting", () => {
  it("adds a second identical scan to the same line", async () => {
    const { checkout } = openTill();
    await checkout.scan(`]E0${EGGS.slice(1)}`);
    const line = await added(checkout.scan(`]E0${EGGS.slice(1)}`));
    expect(line).toMatchObject({ quantity: { kind: "count", units: 2 }, amountMinor: 3600 });
    expect(checkout.snapshot().lines).toHaveLength(1);
  });

  it("refuses the same serialised unit twice, and warns on a serial this store sold before", async () => {
    const sold = new Map([["SN-0001", "sale-7"]]);
    const journal = {
      add: async () => ({ ok: true }),
      findSerial: async (_gtin: string, serial: string) =>
        sold.has(serial) ? { saleId: sold.get(serial) as string } : undefined,
    };
    const { checkout } = openTill({ overrides: { journal } });
    await added(checkout.scan(`]d201${WINE}21SN-0002`));
    expect(await checkout.scan(`]d201${WINE}21SN-0002`)).toMatchObject({
      ok: false,
      error: { code: "SERIAL_ALREADY_IN_BASKET", lineIds: ["L1"] },
    });
    const copied = await added(checkout.scan(`]d201${WINE}21SN-0001`));
    expect(copied).toMatchObject({ gate: "warn", checks: [{ code: "SERIAL_SOLD_BEFORE", soldInSaleId: "sale-7" }] });
  });

  it("counts a dual-marked pack once: its DataMatrix replaces the EAN-13 read a moment before", async () => {
    const { checkout } = openTill();
    const ean = { text: MILK.slice(1), symbology: "]E0", source: "keyboard" as const, at: 0 };
    await checkout.scan(ean);
    await checkout.scan({
      text: `01${MILK}17261231\u001d10L9`,
      symbology: "]d2",
      source: "keyboard",
      at: 1,
      supersedes: ean,
    } as never);
    expect(checkout.snapshot().lines).toMatchObject([{ gtin: MILK, batch: "L9" }]);
  });

  it("refuses an unknown code with its GTIN, for quick-add, and a code that is no product", async () => {
    const { checkout } = openTill();
    expect(await checkout.scan("]E04006381333931")).toMatchObject({
      ok: false,
      error: { code: "UNKNOWN_ITEM", gtin: "04006381333931" },
    });
    expect(checkout.snapshot().alarms).toMatchObject([{ kind: "refused", error: { code: "UNKNOWN_ITEM" } }]);
    expect(await checkout.scan("]C100095012345000000010")).toMatchObject({
      ok: false,
      error: { code: "NOT_A_PRODUCT" },
    });
    expect(await checkout.scan("]C101123")).toMatchObject({ ok: false, error: { code: "UNREADABLE_SCAN" } });
  });
});

describe("quick-add", () => {
  it("asks the stall owner for an unknown code, saves the answer and sells it; refuses a bad answer", async () => {
    const asked: string[] = [];
    const { checkout, catalog } = openTill({
      overrides: {
        quickAdd: async (gtin) => {
          asked.push(gtin);
          return gtin === "04006381333931"
            ? { gtin, name: "茭白", priceMinor: 600, unit: "kg" }
            : { gtin, name: "", priceMinor: -1 };
        },
      },
    });
    const line = await added(checkout.scan("]d201040063813339313103000650"));
    expect(line).toMatchObject({ name: "茭白", quantity: { kind: "weight", kg: 0.65 }, amountMinor: 390 });
    expect(await catalog.lookup("04006381333931")).toMatchObject({ name: "茭白", priceMinor: 600 });
    expect(await checkout.scan("]E05012345678900")).toMatchObject({
      ok: false,
      error: { code: "UNKNOWN_ITEM", gtin: "05012345678900", detail: expect.stringContaining("quick-add") },
    });
    expect(asked).toEqual(["04006381333931", "05012345678900"]);
  });
});

describe("basket commands", () => {
  it("sets a quantity, removes a line, holds and recalls a basket, voids one", async () => {
    const { checkout } = openTill();
    const eggs = await added(checkout.addItem({ gtin: EGGS }));
    expect(await checkout.setQuantity(eggs.id, 3)).toMatchObject({ ok: true, value: { amountMinor: 5400 } });
    expect(await checkout.setQuantity(eggs.id, 0)).toMatchObject({ ok: false, error: { code: "INVALID_QUANTITY" } });
    const held = await checkout.hold();
    expect(held).toMatchObject({ ok: true, value: { totalMinor: 5400 } });
    expect(checkout.snapshot().lines).toEqual([]);
    await checkout.addItem({ gtin: MILK });
    if (!held.ok) throw new Error("hold refused");
    await checkout.recall(held.value.id);
    const state = checkout.snapshot();
    expect(state.lines).toMatchObject([{ gtin: EGGS, quantity: { units: 3 } }]);
    expect(state.held).toMatchObject([{ totalMinor: 1250 }]); // the basket that was open is parked
    expect(await checkout.voidBasket({ by: "0012", reasonCode: "CUSTOMER_LEFT" })).toMatchObject({ ok: true });
    expect(checkout.snapshot().lines).toEqual([]);
  });
});
