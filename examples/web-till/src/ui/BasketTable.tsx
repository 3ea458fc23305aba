// The basket as a table: one row per line with its batch, expiry, quantity or weight, price, markdown and gate.
import type { BasketLine } from "@scangate/checkout";
import { HeaderRow } from "./fields.js";
import { kilograms, money } from "./format.js";
import { useTill } from "./till-context.js";
import { useProductNames } from "./use-product-names.js";

function gateText(line: BasketLine, t: ReturnType<typeof useTill>["t"]): string {
  if (line.resolution?.kind === "overridden") return t("gate.overridden");
  if (line.resolution?.kind === "acknowledged") return t("gate.acknowledged");
  return t(`gate.${line.gate}`);
}

export function BasketTable({ lines, locked }: { lines: readonly BasketLine[]; locked: boolean }) {
  const { parts, t, locale } = useTill();
  const nameOf = useProductNames(
    lines.map((line) => line.gtin),
    locale,
  );
  if (lines.length === 0) return <p class="empty">{t("till.empty")}</p>;
  return (
    <table class="basket">
      <caption class="visually-hidden">{t("till.basket")}</caption>
      <HeaderRow
        columns={[
          { label: t("col.item") },
          { label: t("col.batch") },
          { label: t("col.expiry") },
          { label: t("col.qty"), numeric: true },
          { label: t("col.price"), numeric: true },
          { label: t("col.markdown"), numeric: true },
          { label: t("col.amount"), numeric: true },
          { label: t("col.gate") },
          { label: t("col.actions"), hidden: true },
        ]}
      />
      <tbody>
        {lines.map((line) => (
          <tr key={line.id} class={`gate-${line.gate}`} data-gtin={line.gtin}>
            <th scope="row">{nameOf(line.gtin, line.name)}</th>
            <td>{line.batch ?? "—"}</td>
            <td>{line.expiry ?? line.sellBy ?? line.bestBefore ?? "—"}</td>
            <td class="num">
              {line.quantity.kind === "weight"
                ? t("line.kg", { kg: kilograms(line.quantity.kg, locale) })
                : t("line.units", { units: line.quantity.units })}
            </td>
            <td class="num">{money(line.unitPriceMinor, locale)}</td>
            <td class="num">{line.markdown ? money(-line.markdown.discountMinor, locale) : "—"}</td>
            <td class="num">{money(line.totalMinor, locale)}</td>
            <td>
              <span class={`gate gate-${line.gate}`}>{gateText(line, t)}</span>
            </td>
            <td>
              <button
                type="button"
                class="icon"
                disabled={locked}
                aria-label={t("line.remove", { name: nameOf(line.gtin, line.name) })}
                onClick={() => void parts.checkout.removeLine(line.id, "till")}
              >
                ✕
              </button>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
