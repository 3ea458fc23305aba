// An inline SVG line chart of units sold per batch per day: one line per GTIN + batch (+ unit when sold by weight),
// days along the x axis. Plain SVG with <title> tooltips, so the page needs no script and no build step.
import type { SalesRow } from "../storage/hub-storage.js";
import { escapeHtml } from "./html.js";

const WIDTH = 760;
const HEIGHT = 260;
const PAD = { left: 48, right: 16, top: 16, bottom: 40 };
const COLOURS = [
  "#1f77b4",
  "#d62728",
  "#2ca02c",
  "#ff7f0e",
  "#9467bd",
  "#8c564b",
  "#e377c2",
  "#17becf",
  "#7f7f7f",
  "#bcbd22",
];

/** One line of the chart. */
interface Series {
  readonly label: string;
  readonly byDay: Map<string, number>;
}

/** Totals per series per day, summed over stores. */
function seriesOf(rows: readonly SalesRow[]): { days: string[]; series: Series[] } {
  const days = [...new Set(rows.map((row) => row.day))].sort();
  const series = new Map<string, Series>();
  for (const row of rows) {
    const label = `${row.gtin} · ${row.batch ?? "no batch"}${row.uom === null ? "" : ` (${row.uom})`}`;
    const line = series.get(label) ?? { label, byDay: new Map<string, number>() };
    line.byDay.set(row.day, (line.byDay.get(row.day) ?? 0) + row.quantity);
    series.set(label, line);
  }
  return { days, series: [...series.values()] };
}

/** The chart as an `<svg>` element, or a sentence when there is nothing to draw. */
export function salesChartSvg(rows: readonly SalesRow[], maxSeries = COLOURS.length): string {
  const { days, series } = seriesOf(rows);
  if (days.length === 0) return "<p>No sales in this period.</p>";
  const shown = series.slice(0, maxSeries);
  const maxValue = Math.max(1, ...shown.flatMap((line) => [...line.byDay.values()]));
  const plotWidth = WIDTH - PAD.left - PAD.right;
  const plotHeight = HEIGHT - PAD.top - PAD.bottom;
  const x = (index: number) => PAD.left + (days.length === 1 ? plotWidth / 2 : (index * plotWidth) / (days.length - 1));
  const y = (value: number) => PAD.top + plotHeight - (value / maxValue) * plotHeight;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}" width="100%" role="img" aria-label="Units sold per batch per day">`,
    `<line x1="${PAD.left}" y1="${PAD.top + plotHeight}" x2="${WIDTH - PAD.right}" y2="${PAD.top + plotHeight}" stroke="#999"/>`,
    `<line x1="${PAD.left}" y1="${PAD.top}" x2="${PAD.left}" y2="${PAD.top + plotHeight}" stroke="#999"/>`,
    `<text x="${PAD.left - 6}" y="${PAD.top + 4}" text-anchor="end" font-size="11">${formatNumber(maxValue)}</text>`,
    `<text x="${PAD.left - 6}" y="${PAD.top + plotHeight}" text-anchor="end" font-size="11">0</text>`,
  ];
  const labelEvery = Math.max(1, Math.ceil(days.length / 8));
  days.forEach((day, index) => {
    if (index % labelEvery === 0)
      parts.push(
        `<text x="${x(index)}" y="${HEIGHT - PAD.bottom + 16}" text-anchor="middle" font-size="11">${day.slice(5)}</text>`,
      );
  });
  shown.forEach((line, lineIndex) => {
    const colour = COLOURS[lineIndex % COLOURS.length] as string;
    const points = days.map((day, index) => ({ day, index, value: line.byDay.get(day) ?? 0 }));
    const path = points.map((point) => `${x(point.index).toFixed(1)},${y(point.value).toFixed(1)}`).join(" ");
    parts.push(
      `<polyline fill="none" stroke="${colour}" stroke-width="2" points="${path}"><title>${escapeHtml(line.label)}</title></polyline>`,
    );
    for (const point of points)
      parts.push(
        `<circle cx="${x(point.index).toFixed(1)}" cy="${y(point.value).toFixed(1)}" r="3" fill="${colour}"><title>${escapeHtml(`${line.label} ${point.day}: ${formatNumber(point.value)}`)}</title></circle>`,
      );
  });
  parts.push("</svg>");
  const legend = shown
    .map(
      (line, index) =>
        `<li><span style="color:${COLOURS[index % COLOURS.length]}">■</span> ${escapeHtml(line.label)}</li>`,
    )
    .join("");
  const more =
    series.length > shown.length ? `<p>${series.length - shown.length} more batches in the table below.</p>` : "";
  return `${parts.join("")}<ul class="legend">${legend}</ul>${more}`;
}

/** A quantity with at most three decimals (weights), no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 1000) / 1000);
}
