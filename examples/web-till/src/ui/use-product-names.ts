// Product names in the till's language: a basket line carries the catalogue's main name (the stall's language);
// the catalogue row may carry others (`names.en`). Looked up once per GTIN.
import { useEffect, useState } from "preact/hooks";
import type { Locale } from "../messages/index.js";
import { useTill } from "./till-context.js";

/** `nameOf(gtin, fallback)` in `locale`, for the GTINs given. */
export function useProductNames(gtins: readonly string[], locale: Locale): (gtin: string, fallback: string) => string {
  const { parts } = useTill();
  const [names, setNames] = useState<Readonly<Record<string, Readonly<Record<string, string>>>>>({});
  const key = [...new Set(gtins)].sort().join(",");
  useEffect(() => {
    const missing = key.split(",").filter((gtin) => gtin !== "" && !(gtin in names));
    if (missing.length === 0) return;
    void Promise.all(
      missing.map(async (gtin) => [gtin, (await parts.catalog.lookup(gtin))?.names ?? {}] as const),
    ).then((found) => setNames((known) => ({ ...known, ...Object.fromEntries(found) })));
  }, [key, parts, names]);
  return (gtin, fallback) => (locale === "zh-CN" ? fallback : (names[gtin]?.[locale] ?? fallback));
}
