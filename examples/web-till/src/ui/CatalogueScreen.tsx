// The stall's catalogue: search, and quick-add of a product the till did not know (the checkout refuses an
// unknown code with UNKNOWN_ITEM and its GTIN, which arrives here pre-filled): name, price, per unit or per kg.
import type { CatalogItem } from "@scangate/checkout";
import { useEffect, useState } from "preact/hooks";
import { HeaderRow, Outcome, TextField } from "./fields.js";
import { minorFromYuan, money } from "./format.js";
import { useTill } from "./till-context.js";

export function CatalogueScreen({ initialGtin }: { initialGtin: string | undefined }) {
  const { parts, t, locale } = useTill();
  const [query, setQuery] = useState("");
  const [items, setItems] = useState<CatalogItem[]>([]);
  const [gtin, setGtin] = useState(initialGtin ?? "");
  const [name, setName] = useState("");
  const [price, setPrice] = useState("");
  const [unit, setUnit] = useState<"each" | "kg">("each");
  const [message, setMessage] = useState<{ text: string; failed: boolean } | undefined>(undefined);

  const refresh = async (text: string) => {
    const found = text.trim() ? await parts.catalog.search(text.trim()) : await parts.catalog.list();
    if (found.ok) setItems(found.value);
  };
  useEffect(() => void refresh(query), [query, parts]);

  const save = async (event: Event) => {
    event.preventDefault();
    const priceMinor = minorFromYuan(price);
    if (priceMinor === undefined) {
      setMessage({ text: t("catalogue.invalid", { detail: t("catalogue.price") }), failed: true });
      return;
    }
    const saved = await parts.catalog.put({ gtin: gtin.trim(), name: name.trim(), priceMinor, unit });
    if (!saved.ok) {
      const detail = (saved.error.rows ?? []).map((row) => row.field).join(", ") || saved.error.code;
      setMessage({ text: t("catalogue.invalid", { detail }), failed: true });
      return;
    }
    setMessage({ text: t("catalogue.saved", { name: saved.value.name }), failed: false });
    setGtin("");
    setName("");
    setPrice("");
    await refresh(query);
  };

  return (
    <div class="catalogue">
      <section class="panel" aria-labelledby="quick-add-title">
        <h2 id="quick-add-title">{t("catalogue.quickAdd")}</h2>
        <form class="grid-form" onSubmit={save}>
          <TextField
            label={t("catalogue.gtin")}
            name="gtin"
            inputMode="numeric"
            required
            value={gtin}
            onValue={setGtin}
          />
          <TextField label={t("catalogue.name")} name="name" required value={name} onValue={setName} />
          <TextField
            label={t("catalogue.price")}
            name="price"
            inputMode="decimal"
            required
            value={price}
            onValue={setPrice}
          />
          <fieldset>
            <legend>{t("catalogue.unit")}</legend>
            <label class="inline">
              <input type="radio" name="unit" checked={unit === "each"} onChange={() => setUnit("each")} />
              {t("catalogue.unitEach")}
            </label>
            <label class="inline">
              <input type="radio" name="unit" checked={unit === "kg"} onChange={() => setUnit("kg")} />
              {t("catalogue.unitKg")}
            </label>
          </fieldset>
          <button type="submit" class="primary">
            {t("catalogue.save")}
          </button>
        </form>
        {message && <Outcome {...message} />}
      </section>
      <section class="panel" aria-labelledby="catalogue-title">
        <h2 id="catalogue-title">{t("catalogue.title")}</h2>
        <label>
          {t("catalogue.search")}
          <input type="search" value={query} onInput={(event) => setQuery(event.currentTarget.value)} />
        </label>
        <p>{t("catalogue.count", { count: items.length })}</p>
        <table class="items">
          <HeaderRow
            columns={[
              { label: t("catalogue.name") },
              { label: t("catalogue.gtin") },
              { label: t("catalogue.price"), numeric: true },
              { label: t("catalogue.unit") },
            ]}
          />
          <tbody>
            {items.map((item) => (
              <tr key={item.gtin}>
                <th scope="row">{item.names?.[locale] ?? item.name}</th>
                <td>{item.gtin}</td>
                <td class="num">{money(item.priceMinor, locale, item.currency)}</td>
                <td>{item.unit === "kg" ? t("catalogue.unitKg") : t("catalogue.unitEach")}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
