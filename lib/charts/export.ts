import { toCsv } from "@/lib/csv";
import { chartRows } from "./rows";
import type { ChartSpec } from "./types";

const CSV_COLUMNS = [
  { key: "group", header: "series" },
  { key: "label", header: "figure" },
  { key: "exact", header: "value" },
  { key: "unit", header: "unit" },
  { key: "qualifier", header: "qualifier" },
  { key: "display", header: "as_reported" },
  { key: "asOf", header: "as_of" },
  { key: "source", header: "source" },
  { key: "sourceUrl", header: "source_url" },
  { key: "figureId", header: "figure_id" },
] as const;

/** The chart's figures as CSV: exact values, their units and qualifiers, dates and sources. */
export function chartCsv(chart: ChartSpec): string {
  return toCsv([...CSV_COLUMNS], chartRows(chart));
}

/** The chart's figures as JSON, documented in the README. */
export function chartJson(chart: ChartSpec) {
  return {
    chart: chart.slug,
    title: chart.title,
    takeaway: chart.takeaway,
    description: chart.description,
    notes: chart.notes,
    figures: chartRows(chart).map((row) => ({
      id: row.figureId,
      series: row.group,
      label: row.label,
      value: row.exact,
      unit: row.unit,
      qualifier: row.qualifier,
      asReported: row.display,
      asOf: row.asOf,
      source: { name: row.source, url: row.sourceUrl },
    })),
    sources: chart.sources,
  };
}
