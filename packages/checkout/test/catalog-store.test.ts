import { IDBKeyRange, indexedDB } from "fake-indexeddb";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { catalogToCsv } from "../src/catalog/catalog-csv.js";
import type { CatalogItem } from "../src/catalog/catalog-item.js";
import { createCatalog } from "../src/catalog/create-catalog.js";
import { memoryCatalog } from "../src/catalog/memory-catalog.js";
import { PORK_ITEM, STALL_ITEMS } from "./support-parts/catalog-fixture.js";
import { freshDbName } from "./support-parts/fresh-db.js";

const open = () => createCatalog({ dbName: freshDbName("catalog"), indexedDB, IDBKeyRange });
const stallCsv = (() => {
  const memory = memoryCatalog(STALL_ITEMS);
  if (!memory.ok) throw new Error("fixture invalid");
  return memory.value.list().then(catalogToCsv);
})();

describe("createCatalog on fake-indexeddb", () => {
  it("round-trips CSV and JSON exports through a fresh catalogue", async () => {
    const first = open();
    expect(await first.importCsv(await stallCsv)).toEqual({
      ok: true,
      value: { added: 4, updated: 0, removed: 0, skipped: [] },
    });
    const csv = await first.exportCsv();
    const json = await first.exportJson();
    const second = open();
    const third = open();
    expect(csv.ok && (await second.importCsv(csv.value)).ok).toBe(true);
    expect(json.ok && (await third.importJson(json.value)).ok).toBe(true);
    const items = await first.list();
    expect(items.ok && items.value).toHaveLength(4);
    expect(await second.list()).toEqual(items);
    expect(await third.list()).toEqual(items);
    expect(await first.lookup("06901234567892")).toMatchObject({ name: "五花肉", names: { en: "Pork belly" } });
    expect(await first.lookup("06901234567891")).toBeUndefined();
  });

  it("merge keeps items missing from the file; replace drops them", async () => {
    const file = "gtin,name,price\n6901234567892,五花肉,30.00\n4006381333931,Pen,5\n";
    const merged = open();
    await merged.importCsv(await stallCsv);
    expect(await merged.importCsv(file)).toEqual({
      ok: true,
      value: { added: 1, updated: 1, removed: 0, skipped: [] },
    });
    expect((await merged.list()).ok && ((await merged.list()) as { value: CatalogItem[] }).value).toHaveLength(5);
    expect((await merged.lookup("06901234567892"))?.priceMinor).toBe(3000);

    const replaced = open();
    await replaced.importCsv(await stallCsv);
    expect(await replaced.importCsv(file, { mode: "replace" })).toEqual({
      ok: true,
      value: { added: 1, updated: 1, removed: 3, skipped: [] },
    });
    const left = await replaced.list();
    expect(left.ok && left.value.map((item) => item.gtin)).toEqual(["04006381333931", "06901234567892"]);
  });

  it("refuses a whole file with one bad row, changing nothing, and imports the good rows with skipInvalid", async () => {
    const catalog = open();
    await catalog.importCsv(await stallCsv);
    const before = await catalog.exportJson();
    const file = "gtin,name,price\n4006381333931,Pen,5\n4006381333932,Bad check digit,1\n";
    const refused = await catalog.importCsv(file, { mode: "replace" });
    expect(refused).toMatchObject({
      ok: false,
      error: { code: "INVALID_ROWS", rows: [{ code: "BAD_GTIN", row: 3, field: "gtin" }] },
    });
    expect(await catalog.exportJson()).toEqual(before);

    const partial = await catalog.importCsv(file, { skipInvalid: true });
    expect(partial).toMatchObject({ ok: true, value: { added: 1, skipped: [{ code: "BAD_GTIN", row: 3 }] } });
    expect(await catalog.lookup("04006381333931")).toMatchObject({ name: "Pen", priceMinor: 500 });
  });

  it("refuses JSON that is not a catalogue, and reports bad items by position", async () => {
    const catalog = open();
    expect(await catalog.importJson("{")).toMatchObject({ ok: false, error: { code: "MALFORMED_JSON" } });
    expect(await catalog.importJson('{"products":[]}')).toMatchObject({ ok: false, error: { code: "MALFORMED_JSON" } });
    expect(await catalog.importJson('[{"gtin":"96385074","name":"A","priceMinor":-1}, 7]')).toMatchObject({
      ok: false,
      error: {
        code: "INVALID_ROWS",
        rows: [
          { row: 1, field: "priceMinor", code: "INVALID_FIELD" },
          { row: 2, field: "gtin", code: "BAD_GTIN" },
          { row: 2, field: "name" },
          { row: 2, field: "priceMinor" },
        ],
      },
    });
  });

  it("puts and removes single items from a quick-add form", async () => {
    const catalog = open();
    expect(await catalog.put({ gtin: "96385074", name: " Soy sauce ", priceMinor: 990 })).toMatchObject({
      ok: true,
      value: { gtin: "00000096385074", name: "Soy sauce", currency: "CNY", unit: "each" },
    });
    expect(await catalog.put({ gtin: "96385075", name: "x", priceMinor: 1 })).toMatchObject({
      ok: false,
      error: { code: "INVALID_ROWS", rows: [{ code: "BAD_GTIN" }] },
    });
    expect(await catalog.remove("00000096385074")).toEqual({ ok: true, value: true });
    expect(await catalog.remove("00000096385074")).toEqual({ ok: true, value: false });
    expect(await catalog.lookup("00000096385074")).toBeUndefined();
  });
});

describe("search", () => {
  const items: CatalogItem[] = [
    { ...PORK_ITEM, keywords: "wuhuarou whr" },
    { gtin: "09506000134352", name: "Oat milk 1L", priceMinor: 1250, currency: "CNY", unit: "each" },
    { gtin: "04006381333931", name: "Pen 4352", priceMinor: 500, currency: "CNY", unit: "each" },
    {
      gtin: "00000096385074",
      name: "Milk powder",
      names: { "zh-Hans": "奶粉" },
      priceMinor: 9900,
      currency: "CNY",
      unit: "each",
    },
    { gtin: "00036000291452", name: "Soy milk", priceMinor: 450, currency: "CNY", unit: "each" },
  ];
  const seeded = async () => {
    const catalog = open();
    await catalog.importJson(JSON.stringify(items));
    return catalog;
  };
  const names = (result: { ok: boolean; value?: CatalogItem[] }) => result.value?.map((item) => item.name);

  it("ranks the exact GTIN first, then prefixes and GTIN endings, then substrings", async () => {
    const catalog = await seeded();
    expect(names(await catalog.search("9506000134352"))).toEqual(["Oat milk 1L"]);
    // "4352" ends Oat milk's GTIN and starts a word of "Pen 4352" (rank 1), and sits inside no other GTIN.
    expect(names(await catalog.search("4352"))).toEqual(["Oat milk 1L", "Pen 4352"]);
    expect(names(await catalog.search("milk"))).toEqual(["Milk powder", "Oat milk 1L", "Soy milk"]);
    expect(names(await catalog.search("ilk"))).toEqual(["Milk powder", "Oat milk 1L", "Soy milk"]);
    expect(names(await catalog.search("6385"))).toEqual(["Milk powder"]);
  });

  it("finds Chinese names, other-language names and keywords, whatever the case or width typed", async () => {
    const catalog = await seeded();
    expect(names(await catalog.search("花肉"))).toEqual(["五花肉"]);
    expect(names(await catalog.search("PORK"))).toEqual(["五花肉"]);
    expect(names(await catalog.search("ＷＨＲ"))).toEqual(["五花肉"]); // full-width Latin from a Chinese IME
    expect(names(await catalog.search("４３５２"))).toEqual(["Oat milk 1L", "Pen 4352"]);
    expect(names(await catalog.search("奶粉"))).toEqual(["Milk powder"]);
    expect(names(await catalog.search("  "))).toEqual([]);
    expect(names(await catalog.search("milk", { limit: 1 }))).toEqual(["Milk powder"]);
  });

  it("sees an item another catalogue instance on the same database added after the last search", async () => {
    const dbName = freshDbName("catalog");
    const till = createCatalog({ dbName, indexedDB, IDBKeyRange });
    const backOffice = createCatalog({ dbName, indexedDB, IDBKeyRange });
    await till.importJson(JSON.stringify(items));
    expect(names(await till.search("pen"))).toEqual(["Pen 4352"]);
    await backOffice.put({ gtin: "4006381333948", name: "Pencil", priceMinor: 200 });
    expect(names(await till.search("pen"))).toEqual(["Pen 4352", "Pencil"]);
    await backOffice.remove("04006381333931");
    expect(names(await till.search("pen"))).toEqual(["Pencil"]);
  });

  it("memoryCatalog searches the same way and refuses invalid items", async () => {
    const memory = memoryCatalog(items);
    expect(memory.ok && names({ ok: true, value: await memory.value.search("4352") })).toEqual([
      "Oat milk 1L",
      "Pen 4352",
    ]);
    expect(memoryCatalog([{ gtin: "123", name: "", priceMinor: 1.5 }])).toMatchObject({
      ok: false,
      error: { code: "INVALID_ROWS", rows: [{ field: "gtin" }, { field: "name" }, { field: "priceMinor" }] },
    });
  });
});

const tag = fc.constantFrom("en", "fr", "zh-Hant", "ja");
// Text with what breaks naive CSV: quotes, commas, CR/LF, Chinese, full-width and emoji.
const cellText = fc
  .array(fc.constantFrom("a", "Z", " ", '"', ",", "\n", "\r\n", "\r", "五", "花", "肉", "１", "😀", "é", "'", "="), {
    minLength: 1,
    maxLength: 12,
  })
  .map((parts) => parts.join(""));
const name = cellText.map((text) => `n${text}x`); // names are trimmed by the schema: keep the ends non-blank
const gtin = fc.integer({ min: 0, max: 9_999_999_999_999 }).map((body) => {
  const digits = String(body).padStart(13, "0");
  let sum = 0;
  for (let i = 0; i < 13; i += 1) sum += Number(digits[12 - i]) * (i % 2 === 0 ? 3 : 1);
  return `${digits}${(10 - (sum % 10)) % 10}`;
});
const item = fc.record(
  {
    gtin,
    name,
    names: fc.dictionary(tag, name, { minKeys: 1, maxKeys: 3 }),
    priceMinor: fc.integer({ min: 0, max: 100_000_000 }),
    currency: fc.constantFrom("CNY", "JPY", "USD"),
    unit: fc.constantFrom("each", "kg") as fc.Arbitrary<"each" | "kg">,
    category: fc.constantFrom("fresh_meat", "dairy"),
    taxRatePercent: fc.constantFrom(0, 6, 9, 13, 5.5),
    keywords: cellText,
  },
  { requiredKeys: ["gtin", "name", "priceMinor", "currency", "unit"] },
);

describe("search by GTIN", () => {
  it("puts the item with the typed GTIN first, typed with or without its leading zeros", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(item, { selector: (entry) => entry.gtin, minLength: 1, maxLength: 8 }),
        fc.nat(),
        async (entries, pick) => {
          const memory = memoryCatalog(entries);
          if (!memory.ok) throw new Error(memory.error.code);
          const target = entries[pick % entries.length]?.gtin ?? "";
          for (const typed of [target, target.replace(/^0+/, "")])
            expect((await memory.value.search(typed))[0]?.gtin).toBe(target);
        },
      ),
      { seed: 11, numRuns: 100 },
    );
  });
});

describe("exportCsv → importCsv", () => {
  it("round-trips any valid catalogue, names with quotes, commas, line breaks and Chinese included", async () => {
    await fc.assert(
      fc.asyncProperty(fc.uniqueArray(item, { selector: (entry) => entry.gtin, maxLength: 8 }), async (entries) => {
        const source = open();
        const imported = await source.importJson(JSON.stringify(entries));
        expect(imported.ok).toBe(true);
        const csv = await source.exportCsv();
        const target = open();
        expect(csv.ok && (await target.importCsv(csv.value, { mode: "replace" }))).toMatchObject({ ok: true });
        expect(await target.list()).toEqual(await source.list());
      }),
      { seed: 9, numRuns: 60 },
    );
  });
});
