import { PALETTE } from "./palette";

/**
 * What a chart is, as an editor saves it (lib/records/chart.ts): which stored figures it shows,
 * as a selection that follows corrections and new reports rather than a list of figures, and how
 * it draws them. build.ts makes a drawing of it from the figures; nothing here reads a database.
 */

export const CHART_TYPES = {
  timeline: "Timeline: each report a point, one line per series",
  panels: "Bars, in panels",
  "first-latest": "The first report beside the latest, a panel each",
  funnel: "Funnel: the latest report that gives every chosen metric on one date",
  "by-area": "By area: the latest figure of each area",
} as const;
export type ChartType = keyof typeof CHART_TYPES;

export const CHART_PICKS = {
  every: "Every report",
  "latest-per-area": "The latest per area",
  "latest-per-metric": "The latest per metric",
  "latest-month": "Everything reported in the month of the latest report",
} as const;
export type ChartPick = keyof typeof CHART_PICKS;

export const CHART_GROUPS = {
  metric: "Metric",
  unit: "Unit",
  area: "Area",
  agency: "Agency",
  source: "Source",
  none: "None: one series or panel",
} as const;
export type ChartGroup = keyof typeof CHART_GROUPS;

export const CHART_SORTS = {
  chosen: "The chosen metrics first, in their order; then by name",
  "value-desc": "Largest value first",
  "value-asc": "Smallest value first",
  date: "Earliest first",
  label: "By name",
} as const;
export type ChartSort = keyof typeof CHART_SORTS;

export const CHART_BAR_LABELS = {
  metric: "The metric",
  area: "The area",
  "area-date": "The area and the date",
  date: "The date",
  "source-date": "The source and the date",
} as const;
export type ChartBarLabel = keyof typeof CHART_BAR_LABELS;

export type SeriesColor = keyof typeof PALETTE.series;
export const SERIES_COLOR_NAMES = Object.keys(PALETTE.series) as SeriesColor[];

/**
 * An area choice that is not one area: each police force or regional unit's area in the UK,
 * reported by a UK agency (not the UK as a whole, Europe or the world), so that a chart of
 * "every force" takes in a force reported for the first time tomorrow.
 */
export const UK_FORCE_AREAS = "uk-forces";
export const UK_FORCE_AREAS_LABEL = "Every UK police force or regional area";
/** Areas reported on that are not parts of the UK. */
export const NOT_UK_FORCE_AREAS: ReadonlySet<string> = new Set(["uk", "worldwide", "europe"]);

/** A chart as build.ts draws it: the record's columns, lists split, colours as the palette's hex. */
export type ChartDefinition = {
  slug: string;
  title: string;
  /** The editor's; null for the one generated from the data. */
  takeaway: string | null;
  notes: string[];
  type: ChartType;
  /** Figures of these metrics, and of every metric of `kinds`; none of either: any metric. */
  metrics: string[];
  kinds: string[];
  /** None: any. UK_FORCE_AREAS stands for every UK force's area. */
  areas: string[];
  agencies: string[];
  sources: string[];
  /** Partial dates ("2021", "2021-06"), inclusive; a figure dated within either end is in. */
  fromDate: string | null;
  toDate: string | null;
  pick: ChartPick;
  groupBy: ChartGroup;
  sort: ChartSort;
  barLabel: ChartBarLabel;
  colors: string[];
  markRulings: boolean;
};

/** "a,b,c" as stored; empty parts dropped. */
export function listOf(stored: string | null | undefined): string[] {
  return (stored ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean);
}

/** The record's stored columns (or a revision's snapshot of them) as a definition to draw. */
export function chartDefinition(columns: {
  slug: string;
  title: string;
  takeaway?: string | null;
  notes?: string | null;
  type: string;
  metrics?: string;
  kinds?: string;
  areas?: string;
  agencies?: string;
  sources?: string;
  fromDate?: string | null;
  toDate?: string | null;
  pick?: string;
  groupBy?: string;
  sort?: string;
  barLabel?: string;
  colors?: string;
  markRulings?: boolean;
}): ChartDefinition {
  const within = <T extends string>(value: string | undefined, allowed: Record<T, string>, fallback: T): T =>
    value !== undefined && Object.hasOwn(allowed, value) ? (value as T) : fallback;
  const colors = listOf(columns.colors).flatMap((name) =>
    Object.hasOwn(PALETTE.series, name) ? [PALETTE.series[name as SeriesColor]] : [],
  );
  return {
    slug: columns.slug,
    title: columns.title,
    takeaway: columns.takeaway?.trim() || null,
    notes: (columns.notes ?? "")
      .split("\n")
      .map((line) => line.trim())
      .filter(Boolean),
    type: within(columns.type, CHART_TYPES, "panels"),
    metrics: listOf(columns.metrics),
    kinds: listOf(columns.kinds),
    areas: listOf(columns.areas),
    agencies: listOf(columns.agencies),
    sources: listOf(columns.sources),
    fromDate: columns.fromDate || null,
    toDate: columns.toDate || null,
    pick: within(columns.pick, CHART_PICKS, "every"),
    groupBy: within(columns.groupBy, CHART_GROUPS, "metric"),
    sort: within(columns.sort, CHART_SORTS, "chosen"),
    barLabel: within(columns.barLabel, CHART_BAR_LABELS, "metric"),
    colors: colors.length ? colors : [PALETTE.series.blue],
    markRulings: columns.markRulings ?? false,
  };
}
