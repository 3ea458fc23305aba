import { describe, expect, it } from "vitest";
import { createCatalog } from "../src/catalog/create-catalog.js";

describe("createCatalog on real IndexedDB in Chromium", () => {
  it("imports a Chinese CSV, finds items by name and GTIN ending, and keeps them for a second instance", async () => {
    const dbName = `catalog-browser-${crypto.randomUUID()}`;
    const first = createCatalog({ dbName });
    const csv =
      '\uFEFFgtin,name,price,name_en\r\n6901234567892,五花肉,28.00,Pork belly\r\n09506000134352,"燕麦奶, 1L",12.50,Oat milk\r\n';
    expect(await first.importCsv(csv)).toEqual({ ok: true, value: { added: 2, updated: 0, removed: 0, skipped: [] } });
    const hits = await first.search("4352");
    expect(hits.ok && hits.value.map((item) => item.name)).toEqual(["燕麦奶, 1L"]);

    const second = createCatalog({ dbName });
    expect(await second.lookup("06901234567892")).toMatchObject({ name: "五花肉", priceMinor: 2800 });
    const exported = await second.exportCsv();
    expect(exported.ok && exported.value).toContain('"燕麦奶, 1L"');
  });
});
