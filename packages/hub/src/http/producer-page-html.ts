// The producer page's HTML: a login form, and the sales view (filters, chart, table). No script, no build step.
import type { SalesRow } from "../storage/hub-storage.js";
import { escapeHtml } from "./html.js";
import { formatNumber, salesChartSvg } from "./sales-chart-svg.js";

const STYLE = `body{font-family:system-ui,"PingFang SC","Microsoft YaHei",sans-serif;margin:2rem;max-width:60rem;color:#222}
table{border-collapse:collapse;width:100%;font-size:.9rem}th,td{border-bottom:1px solid #ddd;padding:.3rem .5rem;text-align:left}
td.n{text-align:right;font-variant-numeric:tabular-nums}form.filters{display:flex;gap:.5rem;flex-wrap:wrap;align-items:end}
label{display:flex;flex-direction:column;font-size:.8rem}.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:1rem;font-size:.85rem}
.error{color:#b00020}`;

function page(title: string, body: string): string {
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1"><title>${escapeHtml(title)}</title><style>${STYLE}</style></head><body>${body}</body></html>`;
}

/** The login form, with an optional refusal message. */
export function loginPage(message?: string): string {
  const error = message === undefined ? "" : `<p class="error">${escapeHtml(message)}</p>`;
  return page(
    "ScanGate hub — producer sign-in",
    `<h1>Producer sales</h1>${error}<form method="post" action="/producer/login"><label>Producer token <input name="token" type="password" autocomplete="current-password" required size="60"></label> <button type="submit">Sign in</button></form>`,
  );
}

/** What the sales view shows. */
export interface SalesPageContent {
  readonly producerId: string;
  readonly filters: Readonly<Record<string, string>>;
  readonly sales?: { readonly rows: readonly SalesRow[]; readonly truncated: boolean };
  readonly error?: string;
}

function filterForm(filters: Readonly<Record<string, string>>): string {
  const field = (name: string, label: string, type = "text") =>
    `<label>${label}<input name="${name}" type="${type}" value="${escapeHtml(filters[name] ?? "")}"></label>`;
  return `<form class="filters" method="get" action="/producer">${field("from", "From", "date")}${field("to", "To", "date")}${field("gtin", "GTIN")}${field("batch", "Batch")}${field("store", "Store GLN")}<button type="submit">Show</button></form>`;
}

function table(rows: readonly SalesRow[]): string {
  const body = rows
    .map(
      (row) =>
        `<tr><td>${escapeHtml(row.day)}</td><td>${escapeHtml(row.gtin)}</td><td>${escapeHtml(row.batch ?? "—")}</td><td>${escapeHtml(row.store)}</td><td class="n">${formatNumber(row.quantity)}</td><td>${escapeHtml(row.uom ?? "units")}</td><td class="n">${row.events}</td></tr>`,
    )
    .join("");
  return `<table><thead><tr><th>Day</th><th>GTIN</th><th>Batch</th><th>Store</th><th>Quantity</th><th>Unit</th><th>Sales</th></tr></thead><tbody>${body}</tbody></table>`;
}

/** The sales view. */
export function salesPage(content: SalesPageContent): string {
  const header = `<h1>Sales of ${escapeHtml(content.producerId)}</h1><form method="post" action="/producer/logout"><button type="submit">Sign out</button></form>${filterForm(content.filters)}`;
  if (content.error !== undefined || content.sales === undefined)
    return page("Producer sales", `${header}<p class="error">${escapeHtml(content.error ?? "")}</p>`);
  const { rows, truncated } = content.sales;
  const note = truncated ? `<p>Showing the first ${rows.length} rows; narrow the filters to see the rest.</p>` : "";
  return page(
    "Producer sales",
    `${header}<h2>Units sold per batch per day</h2>${salesChartSvg(rows)}<h2>Sales by day, batch and store</h2>${note}${table(rows)}`,
  );
}
