// The receipt of a sale (printable): each line with its batch and its GS1 Digital Link, built by the checkout's
// receiptOf/receiptHtml in the till's language.

import { type CompletedSale, receiptHtml, receiptOf } from "@scangate/checkout";
import { useEffect, useState } from "preact/hooks";
import { useTill } from "./till-context.js";

export function ReceiptScreen({ saleId, onDone }: { saleId: string | undefined; onDone: () => void }) {
  const { parts, t, locale } = useTill();
  const [sale, setSale] = useState<CompletedSale | undefined>(undefined);
  useEffect(() => {
    if (saleId === undefined) return;
    void parts.journal.get(saleId).then(setSale);
  }, [parts, saleId]);
  if (sale === undefined)
    return (
      <section class="panel">
        <h2>{t("receipt.title")}</h2>
        <p>{t("receipt.none")}</p>
      </section>
    );
  const html = receiptHtml(receiptOf(sale, { locale, footer: [t("receipt.footer")] }));
  return (
    <section class="panel receipt-screen" aria-labelledby="receipt-title">
      <h2 id="receipt-title">{t("receipt.title")}</h2>
      <div class="receipt" data-sale-id={sale.id} dangerouslySetInnerHTML={{ __html: html }} />
      <div class="actions no-print">
        <button type="button" onClick={() => window.print()}>
          {t("receipt.print")}
        </button>
        <button type="button" class="primary big" onClick={onDone}>
          {t("receipt.newSale")}
        </button>
      </div>
    </section>
  );
}
