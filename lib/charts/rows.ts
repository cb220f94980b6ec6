import type { ChartSpec } from "./types";

/** One line of a chart's table and of its CSV: one stored figure. */
export type ChartRow = {
  group: string;
  label: string;
  display: string;
  exact: string;
  unit: string;
  qualifier: string;
  asOf: string;
  asOfDisplay: string;
  source: string;
  sourceUrl: string;
  figureId: string;
};

export function chartRows(chart: ChartSpec): ChartRow[] {
  const sources = new Map(chart.sources.map((source) => [source.id, source]));
  const groups =
    chart.body.type === "timeline"
      ? chart.body.series.map((series) => ({ group: series.label, data: series.points }))
      : chart.body.panels.map((panel) => ({ group: panel.title, data: panel.bars }));
  return groups.flatMap(({ group, data }) =>
    data.map((datum) => ({
      group,
      label: datum.label,
      display: datum.display,
      exact: datum.exact,
      unit: datum.unit,
      qualifier: datum.qualifier,
      asOf: datum.asOf,
      asOfDisplay: datum.asOfDisplay,
      source: datum.sourceName,
      sourceUrl: sources.get(datum.sourceId)?.url ?? "",
      figureId: datum.figureId,
    })),
  );
}

/** What a mark's tooltip says, by figure id: read by the embeds' and the pages' small scripts. */
export type ChartTooltips = Record<string, { label: string; display: string; date: string; source: string }>;

export function chartTooltips(chart: ChartSpec): ChartTooltips {
  return Object.fromEntries(
    chartRows(chart).map((row) => [
      row.figureId,
      { label: row.label, display: row.display, date: row.asOfDisplay, source: row.source },
    ]),
  );
}
