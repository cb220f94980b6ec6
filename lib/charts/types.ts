import type { Unit } from "@/lib/domain/units";
import type { Qualifier } from "@/lib/domain/vocabulary";
import type { SourceSummary } from "@/lib/figures/view";

/**
 * A chart as plain data: what the server renders as SVG, what the browser makes interactive,
 * what the table, the text description and the CSV are made from. Every datum is a stored
 * figure, kept with its qualifier, date and source.
 */
export type ChartDatum = {
  figureId: string;
  /** The metric's id: "arrested", "cash"... */
  metric: string;
  /** What the datum is within its chart: a series name, a category, a region. */
  label: string;
  /** For drawing only; the exact value is `exact`. */
  value: number;
  exact: string;
  unit: Unit;
  qualifier: Qualifier;
  /** "over £54 million" */
  display: string;
  asOf: string;
  asOfDisplay: string;
  sourceId: string;
  sourceName: string;
};

export type TimelinePoint = ChartDatum & { time: number };

export type TimelineSeries = {
  key: string;
  label: string;
  color: string;
  points: TimelinePoint[];
};

/** A court ruling drawn as a vertical marker on a timeline. */
export type TimelineMarker = {
  id: string;
  time: number;
  date: string;
  dateDisplay: string;
  label: string;
  detail: string;
};

export type TimelineBody = {
  type: "timeline";
  valueLabel: string;
  series: TimelineSeries[];
  markers: TimelineMarker[];
};

/** One small chart of bars sharing a unit and a scale. */
export type BarPanel = {
  key: string;
  title: string;
  color: string;
  bars: ChartDatum[];
};

export type PanelsBody = {
  type: "panels";
  panels: BarPanel[];
};

export type ChartSpec = {
  slug: string;
  title: string;
  /** One line saying what the chart shows, generated from its data. */
  takeaway: string;
  /** A full text alternative for screen readers, generated from its data. */
  description: string;
  notes: string[];
  sources: SourceSummary[];
  body: TimelineBody | PanelsBody;
  /**
   * "Corrected on 3 December 2026" and the chart's public history, set by the embed and image
   * routes for a live chart within the notice period after a correction; absent otherwise.
   */
  correction?: { text: string; historyUrl: string } | null;
};

/**
 * What drawing a chart in the browser reads of each datum: the rest stays on the server, so a
 * page's data reaches the reader once, in its table and SVG, and the chart's props stay small.
 */
export type DrawnDatum = Pick<ChartDatum, "figureId" | "label" | "value" | "display" | "asOfDisplay" | "sourceName">;

export type DrawnPanel = Omit<BarPanel, "bars"> & { bars: DrawnDatum[] };
export type DrawnPanels = { type: "panels"; panels: DrawnPanel[] };
export type DrawnTimeline = {
  type: "timeline";
  series: (Omit<TimelineSeries, "points"> & { points: (DrawnDatum & { time: number })[] })[];
  markers: Pick<TimelineMarker, "id" | "time">[];
};
export type DrawnBody = DrawnTimeline | DrawnPanels;
