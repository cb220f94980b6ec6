import { formatPartialDate, partialDateTimestamp } from "@/lib/domain/partial-date";
import { UNITS, UNIT_VALUES } from "@/lib/domain/units";
import { byDate, type FigureView, type SourceSummary } from "@/lib/figures/view";
import { describeChart, takeawayFor } from "./describe";
import { SERIES_COLORS } from "./palette";
import { CHARTS, type ChartSlug } from "./registry";
import type { BarPanel, ChartDatum, ChartSpec, PanelsBody, TimelineBody, TimelineMarker } from "./types";

export type RulingMark = {
  id: string;
  date: string | null;
  court: string;
  caseName: string | null;
  outcome: string;
};

const UK = "uk";
const JUSTICE_METRICS = ["arrested", "charged", "convicted"] as const;
/** Seizure categories in the order readers look for them; others follow by name. */
const SEIZURE_ORDER = ["cash", "drugs-class-a", "drugs-class-a-and-b", "cannabis", "firearms", "ammunition"];
/** Areas reported on that are not parts of the UK. */
const NON_UK_AREAS = new Set([UK, "worldwide", "europe"]);

export function toDatum(figure: FigureView, label: string = figure.metric.label): ChartDatum {
  return {
    figureId: figure.id,
    metric: figure.metric.id,
    label,
    // A float is close enough to draw with; the exact value travels as `exact`.
    value: Number(figure.value),
    exact: figure.value,
    unit: figure.unit,
    qualifier: figure.qualifier,
    display: figure.display,
    asOf: figure.asOf,
    asOfDisplay: figure.asOfDisplay,
    sourceId: figure.source.id,
    sourceName: figure.source.publisher,
  };
}

function sourcesOf(figures: FigureView[]): SourceSummary[] {
  const unique = new Map(figures.map((figure) => [figure.source.id, figure.source]));
  return [...unique.values()].sort(
    (a, b) =>
      (a.publishedOn ?? "9999").localeCompare(b.publishedOn ?? "9999") || a.publisher.localeCompare(b.publisher),
  );
}

function ukTotals(figures: FigureView[], rulings: RulingMark[]): { body: TimelineBody; used: FigureView[] } {
  const used: FigureView[] = [];
  const series = JUSTICE_METRICS.map((metric, index) => {
    const points = figures.filter((figure) => figure.geography.id === UK && figure.metric.id === metric).sort(byDate);
    used.push(...points);
    return {
      key: metric,
      label: points[0]?.metric.label ?? metric,
      color: SERIES_COLORS[index % SERIES_COLORS.length]!,
      points: points.map((figure) => ({ ...toDatum(figure), time: partialDateTimestamp(figure.asOf)! })),
    };
  }).filter((line) => line.points.length > 0);
  const markers: TimelineMarker[] = rulings.flatMap((ruling) => {
    const time = ruling.date ? partialDateTimestamp(ruling.date) : null;
    if (!ruling.date || time === null) return [];
    return [
      {
        id: ruling.id,
        time,
        date: ruling.date,
        dateDisplay: formatPartialDate(ruling.date),
        label: ruling.court,
        detail: ruling.caseName ?? ruling.outcome,
      },
    ];
  });
  return { body: { type: "timeline", valueLabel: "People", series, markers }, used };
}

/** The latest report that gives arrests, charges and convictions for the UK on one date. */
function justiceFunnel(figures: FigureView[]): { body: PanelsBody; used: FigureView[] } {
  const reports = new Map<string, FigureView[]>();
  for (const figure of figures) {
    if (figure.geography.id !== UK || !(JUSTICE_METRICS as readonly string[]).includes(figure.metric.id)) continue;
    const key = `${figure.source.id} ${figure.asOf}`;
    reports.set(key, [...(reports.get(key) ?? []), figure]);
  }
  const complete = [...reports.values()]
    .filter((report) => JUSTICE_METRICS.every((metric) => report.some((figure) => figure.metric.id === metric)))
    .sort((a, b) => byDate(b[0]!, a[0]!));
  const latest = complete[0] ?? [];
  const bars = JUSTICE_METRICS.flatMap((metric) => {
    const figure = latest.find((candidate) => candidate.metric.id === metric);
    return figure ? [toDatum(figure)] : [];
  });
  const panels: BarPanel[] = bars.length
    ? [{ key: "funnel", title: `As of ${bars[0]!.asOfDisplay}`, color: SERIES_COLORS[0], bars }]
    : [];
  return { body: { type: "panels", panels }, used: latest };
}

/** For each kind of UK seizure: the first figure reported and the latest. */
function ukSeizures(figures: FigureView[]): { body: PanelsBody; used: FigureView[] } {
  const byMetric = new Map<string, FigureView[]>();
  for (const figure of figures) {
    if (figure.geography.id !== UK || figure.kind !== "seizure") continue;
    byMetric.set(figure.metric.id, [...(byMetric.get(figure.metric.id) ?? []), figure]);
  }
  const rank = (metric: string) => {
    const index = SEIZURE_ORDER.indexOf(metric);
    return index === -1 ? SEIZURE_ORDER.length : index;
  };
  const used: FigureView[] = [];
  const panels = [...byMetric.entries()]
    .sort(
      ([a, aFigures], [b, bFigures]) =>
        rank(a) - rank(b) || aFigures[0]!.metric.label.localeCompare(bFigures[0]!.metric.label),
    )
    .map(([metric, reports], index): BarPanel => {
      const sorted = [...reports].sort(byDate);
      const first = sorted[0]!;
      const latest = sorted[sorted.length - 1]!;
      const shown = first === latest ? [first] : [first, latest];
      used.push(...shown);
      return {
        key: metric,
        title: first.metric.label,
        color: SERIES_COLORS[index % SERIES_COLORS.length]!,
        bars: shown.map((figure) =>
          toDatum(figure, `${figure === first ? "First reported" : "Latest"}, ${figure.asOfDisplay}`),
        ),
      };
    });
  return { body: { type: "panels", panels }, used };
}

/** The latest arrest count each UK force or regional unit reported. */
function arrestsByRegion(figures: FigureView[]): { body: PanelsBody; used: FigureView[] } {
  const latest = new Map<string, FigureView>();
  for (const figure of figures) {
    const inUk = figure.agency?.country === "GB" && !NON_UK_AREAS.has(figure.geography.id);
    if (!inUk || figure.metric.id !== "arrested") continue;
    const current = latest.get(figure.geography.id);
    if (!current || byDate(current, figure) < 0) latest.set(figure.geography.id, figure);
  }
  const used = [...latest.values()].sort((a, b) => Number(b.value) - Number(a.value));
  const bars = used.map((figure) => toDatum(figure, `${shortArea(figure.geography.label)} (${figure.asOfDisplay})`));
  return {
    body: {
      type: "panels",
      panels: bars.length ? [{ key: "regions", title: "People arrested", color: SERIES_COLORS[0], bars }] : [],
    },
    used,
  };
}

/** "Merseyside" from "Merseyside (Merseyside Police)": the part a chart label has room for. */
function shortArea(label: string): string {
  return label.replace(/\s*\(.*\)$/, "");
}

/** Everything reported worldwide in the month of the latest worldwide report, by unit. */
function worldwide(figures: FigureView[]): { body: PanelsBody; used: FigureView[] } {
  const world = figures.filter((figure) => figure.geography.id === "worldwide");
  const month =
    world
      .map((figure) => figure.asOf.slice(0, 7))
      .sort()
      .at(-1) ?? null;
  const used = world
    .filter((figure) => month !== null && figure.asOf.startsWith(month))
    .sort((a, b) => a.label.localeCompare(b.label));
  const byUnit = new Map<string, FigureView[]>();
  for (const figure of used) byUnit.set(figure.unit, [...(byUnit.get(figure.unit) ?? []), figure]);
  const panels = [...byUnit.entries()]
    .sort(([a], [b]) => UNIT_VALUES.indexOf(a as never) - UNIT_VALUES.indexOf(b as never))
    .map(([unit, unitFigures], index): BarPanel => ({
      key: unit,
      title: UNITS[unitFigures[0]!.unit].label,
      color: SERIES_COLORS[index % SERIES_COLORS.length]!,
      bars: unitFigures.map((figure) => toDatum(figure)).sort((a, b) => b.value - a.value),
    }));
  return { body: { type: "panels", panels }, used };
}

/** Builds one chart from every stored figure and ruling. Pure: the data layer fetches. */
export function buildChart(slug: ChartSlug, figures: FigureView[], rulings: RulingMark[]): ChartSpec {
  const definition = CHARTS[slug];
  const built = (() => {
    switch (slug) {
      case "uk-totals":
        return ukTotals(figures, rulings);
      case "justice-funnel":
        return justiceFunnel(figures);
      case "uk-seizures":
        return ukSeizures(figures);
      case "arrests-by-region":
        return arrestsByRegion(figures);
      case "worldwide":
        return worldwide(figures);
    }
  })();
  const spec = {
    slug,
    title: definition.title,
    notes: [...definition.notes],
    sources: sourcesOf(built.used),
    body: built.body,
  };
  return { ...spec, takeaway: takeawayFor(spec), description: describeChart(spec) };
}
