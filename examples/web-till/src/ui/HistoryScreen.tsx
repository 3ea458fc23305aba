// The till's sales (from the checkout's sale journal, newest first), with a refund of what is left of a sale: the
// checkout records it in the journal and sends the money back the way it came (the wallet, else the drawer).
import type { CompletedSale } from "@scangate/checkout";
import { useEffect, useState } from "preact/hooks";
import { errorText } from "./AlarmList.js";
import { HeaderRow, Outcome } from "./fields.js";
import { money, timeOfDay } from "./format.js";
import { useTill } from "./till-context.js";

export function HistoryScreen({ onShow }: { onShow: (saleId: string) => void }) {
  const { parts, t, locale } = useTill();
  const [sales, setSales] = useState<CompletedSale[] | undefined>(undefined);
  const [refunded, setRefunded] = useState<Readonly<Record<string, number>>>({});
  const [message, setMessage] = useState<{ text: string; failed: boolean } | undefined>(undefined);

  const load = async () => {
    const list = await parts.journal.list({ limit: 50 });
    const totals: Record<string, number> = {};
    for (const sale of list)
      totals[sale.id] = (await parts.journal.refundsOf(sale.id)).reduce((sum, refund) => sum + refund.amountMinor, 0);
    setRefunded(totals);
    setSales(list);
  };
  useEffect(() => void load(), [parts]);

  const refund = async (sale: CompletedSale) => {
    const done = await parts.checkout.refund(sale.id, {
      amountMinor: sale.totals.totalMinor - (refunded[sale.id] ?? 0),
      by: "till",
      reason: "till refund",
    });
    setMessage(
      done.ok
        ? { text: t("history.refunded", { amount: money(done.value.amountMinor, locale) }), failed: false }
        : { text: t("history.refundFailed", { detail: errorText(done.error, t) }), failed: true },
    );
    await load();
  };

  return (
    <section class="panel" aria-labelledby="history-title">
      <h2 id="history-title">{t("history.title")}</h2>
      {message && <Outcome {...message} />}
      {sales !== undefined && sales.length === 0 && <p>{t("history.empty")}</p>}
      {sales !== undefined && sales.length > 0 && (
        <table class="history">
          <HeaderRow
            columns={[
              { label: t("history.time") },
              { label: t("history.receiptNo") },
              { label: t("history.items"), numeric: true },
              { label: t("history.total"), numeric: true },
              { label: t("history.paidBy") },
              { label: t("col.actions"), hidden: true },
            ]}
          />
          <tbody>
            {sales.map((sale) => (
              <tr key={sale.id}>
                <td>{timeOfDay(sale.soldAtMs, locale, sale.timeZone)}</td>
                <th scope="row">{sale.id}</th>
                <td class="num">{sale.totals.units}</td>
                <td class="num">{money(sale.totals.totalMinor, locale)}</td>
                <td>{sale.tenders.map((tender) => tender.wallet ?? tender.kind).join(", ")}</td>
                <td class="row-actions">
                  <button type="button" onClick={() => onShow(sale.id)}>
                    {t("history.show")}
                  </button>
                  {(refunded[sale.id] ?? 0) >= sale.totals.totalMinor ? (
                    <span>{t("history.refunded", { amount: money(refunded[sale.id] ?? 0, locale) })}</span>
                  ) : (
                    <button
                      type="button"
                      aria-label={t("history.refundOf", { id: sale.id })}
                      onClick={() => void refund(sale)}
                    >
                      {t("history.refund")}
                    </button>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
