import { toCsv } from "@/lib/csv";
import type { FigureView, SourceSummary } from "./view";

/**
 * One figure of the whole dataset, as downloaded: exact value, unit, qualifier, date, source. A
 * metric and an area travel as their id, which never changes and is what reuse joins on, and
 * their label, which an admin may rename (decision 0022): the export says what the site says.
 */
export type FigureExport = {
  id: string;
  kind: string;
  metric: string;
  metricLabel: string;
  label: string;
  value: string;
  unit: string;
  qualifier: string;
  asReported: string;
  asOf: string;
  area: string;
  areaLabel: string;
  agency: string | null;
  source: SourceSummary;
  quote: string;
  note: string | null;
  conflictsWith: string[];
};

export function toFigureExport(figure: FigureView, conflictsWith: string[]): FigureExport {
  return {
    id: figure.id,
    kind: figure.kind,
    metric: figure.metric.id,
    metricLabel: figure.metric.label,
    label: figure.label,
    value: figure.value,
    unit: figure.unit,
    qualifier: figure.qualifier,
    asReported: figure.display,
    asOf: figure.asOf,
    area: figure.geography.id,
    areaLabel: figure.geography.label,
    agency: figure.agency?.id ?? null,
    source: figure.source,
    quote: figure.quote,
    note: figure.note,
    conflictsWith,
  };
}

/** The CSV's columns, in order; the Data Package describes each (lib/open-data/datapackage.ts). */
export const FIGURE_CSV_COLUMNS = [
  { key: "id", header: "id" },
  { key: "kind", header: "kind" },
  { key: "metric", header: "metric" },
  { key: "metricLabel", header: "metric_label" },
  { key: "label", header: "label" },
  { key: "value", header: "value" },
  { key: "unit", header: "unit" },
  { key: "qualifier", header: "qualifier" },
  { key: "asReported", header: "as_reported" },
  { key: "asOf", header: "as_of" },
  { key: "area", header: "area" },
  { key: "areaLabel", header: "area_label" },
  { key: "agency", header: "agency" },
  { key: "sourcePublisher", header: "source" },
  { key: "sourceUrl", header: "source_url" },
  { key: "sourceCopy", header: "source_copy" },
  { key: "quote", header: "quote" },
  { key: "note", header: "note" },
  { key: "conflictsWith", header: "conflicts_with" },
] as const;

export type FigureCsvHeader = (typeof FIGURE_CSV_COLUMNS)[number]["header"];

export function figuresCsv(figures: FigureExport[]): string {
  return toCsv(
    [...FIGURE_CSV_COLUMNS],
    figures.map(({ source, ...figure }) => ({
      ...figure,
      sourcePublisher: source.publisher,
      sourceUrl: source.url,
      sourceCopy: source.copy,
      conflictsWith: figure.conflictsWith.join(" "),
    })),
  );
}
