import { formatPartialDate, partialDateTimestamp } from "@/lib/domain/partial-date";
import { UNITS, UNIT_VALUES } from "@/lib/domain/units";
import { byDate, type FigureView, type SourceSummary } from "@/lib/figures/view";
import { NOT_UK_FORCE_AREAS, UK_FORCE_AREAS, type ChartDefinition, type ChartGroup } from "./definition";
import { describeChart, takeawayFor } from "./describe";
import type { BarPanel, ChartDatum, ChartSpec, PanelsBody, TimelineBody, TimelineMarker } from "./types";

export type RulingMark = {
  id: string;
  date: string | null;
  court: string;
  caseName: string | null;
  outcome: string;
};

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

/** The first and the last day a partial date can mean, as ISO text that sorts as dates do. */
const startOf = (date: string) => (date + "-01-01").slice(0, 10);
const endOf = (date: string) => (date.length === 4 ? `${date}-12-31` : date.length === 7 ? `${date}-31` : date);

function isUkForceArea(figure: FigureView): boolean {
  return figure.agency?.country === "GB" && !NOT_UK_FORCE_AREAS.has(figure.geography.id);
}

/** The figures the chart's selection takes, before it picks among them. */
export function selectFigures(definition: ChartDefinition, figures: FigureView[]): FigureView[] {
  const { metrics, kinds, areas, agencies, sources, fromDate, toDate } = definition;
  const anyMetric = metrics.length === 0 && kinds.length === 0;
  return figures.filter(
    (figure) =>
      (anyMetric || metrics.includes(figure.metric.id) || kinds.includes(figure.kind)) &&
      (areas.length === 0 ||
        areas.includes(figure.geography.id) ||
        (areas.includes(UK_FORCE_AREAS) && isUkForceArea(figure))) &&
      (agencies.length === 0 || (figure.agency !== null && agencies.includes(figure.agency.id))) &&
      (sources.length === 0 || sources.includes(figure.source.id)) &&
      (fromDate === null || endOf(figure.asOf) >= startOf(fromDate)) &&
      (toDate === null || startOf(figure.asOf) <= endOf(toDate)),
  );
}

/** The latest figure of each key, keeping the order in which keys first appear. */
function latestBy(figures: FigureView[], key: (figure: FigureView) => string): FigureView[] {
  const latest = new Map<string, FigureView>();
  for (const figure of figures) {
    const current = latest.get(key(figure));
    if (!current || byDate(current, figure) < 0) latest.set(key(figure), figure);
  }
  return [...latest.values()];
}

function pickFigures(definition: ChartDefinition, figures: FigureView[]): FigureView[] {
  switch (definition.pick) {
    case "every":
      return figures;
    case "latest-per-area":
      return latestBy(figures, (figure) => figure.geography.id);
    case "latest-per-metric":
      return latestBy(figures, (figure) => figure.metric.id);
    case "latest-month": {
      const month =
        figures
          .map((figure) => figure.asOf.slice(0, 7))
          .sort()
          .at(-1) ?? null;
      return figures.filter((figure) => month !== null && figure.asOf.startsWith(month));
    }
  }
}

/** "Merseyside" from "Merseyside (Merseyside Police)": the part a chart label has room for. */
function shortArea(label: string): string {
  return label.replace(/\s*\(.*\)$/, "");
}

type Group = { key: string; label: string; figures: FigureView[] };

function groupKey(group: ChartGroup, figure: FigureView): { key: string; label: string } {
  switch (group) {
    case "metric":
      return { key: figure.metric.id, label: figure.metric.label };
    case "unit":
      return { key: figure.unit, label: UNITS[figure.unit].label };
    case "area":
      return { key: figure.geography.id, label: figure.geography.label };
    case "agency":
      return figure.agency
        ? { key: figure.agency.id, label: figure.agency.shortName ?? figure.agency.name }
        : { key: "none", label: "No agency named" };
    case "source":
      return { key: figure.source.id, label: figure.source.publisher };
    case "none":
      return { key: "all", label: figure.metric.label };
  }
}

/** The chosen metrics' place in the chart, the others after them. */
function metricRank(definition: ChartDefinition, metric: string): number {
  const index = definition.metrics.indexOf(metric);
  return index === -1 ? definition.metrics.length : index;
}

function groupsOf(definition: ChartDefinition, figures: FigureView[]): Group[] {
  const groups = new Map<string, Group>();
  for (const figure of figures) {
    const { key, label } = groupKey(definition.groupBy, figure);
    const group = groups.get(key) ?? { key, label, figures: [] };
    group.figures.push(figure);
    groups.set(key, group);
  }
  const byLabel = (a: Group, b: Group) => a.label.localeCompare(b.label);
  const order: (a: Group, b: Group) => number =
    definition.groupBy === "unit"
      ? (a, b) => UNIT_VALUES.indexOf(a.key as never) - UNIT_VALUES.indexOf(b.key as never)
      : definition.groupBy === "metric"
        ? (a, b) => metricRank(definition, a.key) - metricRank(definition, b.key) || byLabel(a, b)
        : byLabel;
  return [...groups.values()].sort(order);
}

function colorOf(definition: ChartDefinition, index: number): string {
  return definition.colors[index % definition.colors.length]!;
}

function barLabel(definition: ChartDefinition, figure: FigureView): string {
  switch (definition.barLabel) {
    case "metric":
      return figure.metric.label;
    case "area":
      return shortArea(figure.geography.label);
    case "area-date":
      return `${shortArea(figure.geography.label)} (${figure.asOfDisplay})`;
    case "date":
      return figure.asOfDisplay;
    case "source-date":
      return `${figure.source.publisher}, ${figure.asOfDisplay}`;
  }
}

function sortBars(definition: ChartDefinition, figures: FigureView[]): FigureView[] {
  const sorted = [...figures];
  switch (definition.sort) {
    case "chosen":
      return sorted.sort((a, b) => metricRank(definition, a.metric.id) - metricRank(definition, b.metric.id));
    case "value-desc":
      return sorted.sort((a, b) => Number(b.value) - Number(a.value));
    case "value-asc":
      return sorted.sort((a, b) => Number(a.value) - Number(b.value));
    case "date":
      return sorted.sort(byDate);
    case "label":
      return sorted.sort((a, b) => barLabel(definition, a).localeCompare(barLabel(definition, b)));
  }
}

type Built<Body> = { body: Body; used: FigureView[] };

function timeline(definition: ChartDefinition, figures: FigureView[], rulings: RulingMark[]): Built<TimelineBody> {
  const groups = groupsOf(definition, figures);
  const series = groups.map((group, index) => ({
    key: group.key,
    label: group.label,
    color: colorOf(definition, index),
    points: [...group.figures]
      .sort(byDate)
      .map((figure) => ({ ...toDatum(figure), time: partialDateTimestamp(figure.asOf)! })),
  }));
  const markers: TimelineMarker[] = definition.markRulings
    ? rulings.flatMap((ruling) => {
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
      })
    : [];
  const valueLabel = figures[0] ? UNITS[figures[0].unit].label : "Value";
  return { body: { type: "timeline", valueLabel, series, markers }, used: figures };
}

function panels(definition: ChartDefinition, figures: FigureView[]): Built<PanelsBody> {
  // Bars of equal value keep the figures' own order, by label.
  const byLabel = [...figures].sort((a, b) => a.label.localeCompare(b.label));
  const panels = groupsOf(definition, byLabel).map((group, index): BarPanel => ({
    key: group.key,
    title: group.label,
    color: colorOf(definition, index),
    bars: sortBars(definition, group.figures).map((figure) => toDatum(figure, barLabel(definition, figure))),
  }));
  return { body: { type: "panels", panels }, used: byLabel };
}

/** For each group (each kind of seizure, say): the first figure reported and the latest. */
function firstAndLatest(definition: ChartDefinition, figures: FigureView[]): Built<PanelsBody> {
  const used: FigureView[] = [];
  const panels = groupsOf(definition, figures).map((group, index): BarPanel => {
    const sorted = [...group.figures].sort(byDate);
    const first = sorted[0]!;
    const latest = sorted[sorted.length - 1]!;
    const shown = first === latest ? [first] : [first, latest];
    used.push(...shown);
    return {
      key: group.key,
      title: group.label,
      color: colorOf(definition, index),
      bars: shown.map((figure) =>
        toDatum(figure, `${figure === first ? "First reported" : "Latest"}, ${figure.asOfDisplay}`),
      ),
    };
  });
  return { body: { type: "panels", panels }, used };
}

/** The latest report (one source, one date) that gives every chosen metric, as bars in the chosen order. */
function funnel(definition: ChartDefinition, figures: FigureView[]): Built<PanelsBody> {
  const reports = new Map<string, FigureView[]>();
  for (const figure of figures) {
    const key = `${figure.source.id} ${figure.asOf}`;
    reports.set(key, [...(reports.get(key) ?? []), figure]);
  }
  const steps = definition.metrics.length
    ? definition.metrics
    : [...new Set(figures.map((figure) => figure.metric.id))];
  const complete = [...reports.values()]
    .filter((report) => steps.every((metric) => report.some((figure) => figure.metric.id === metric)))
    .sort((a, b) => byDate(b[0]!, a[0]!));
  const latest = complete[0] ?? [];
  const bars = steps.flatMap((metric) => {
    const figure = latest.find((candidate) => candidate.metric.id === metric);
    return figure ? [toDatum(figure)] : [];
  });
  const panels: BarPanel[] = bars.length
    ? [{ key: "funnel", title: `As of ${bars[0]!.asOfDisplay}`, color: colorOf(definition, 0), bars }]
    : [];
  return { body: { type: "panels", panels }, used: latest };
}

/** The latest figure each area reported, as one panel of bars. */
function byArea(definition: ChartDefinition, figures: FigureView[]): Built<PanelsBody> {
  const used = sortBars(
    definition,
    latestBy(figures, (figure) => `${figure.geography.id} ${figure.metric.id}`),
  );
  const metricLabels = [...new Set(used.map((figure) => figure.metric.label))];
  const title = metricLabels.length === 1 ? metricLabels[0]! : "Latest figures";
  const bars = used.map((figure) => toDatum(figure, barLabel(definition, figure)));
  return {
    body: {
      type: "panels",
      panels: bars.length ? [{ key: "regions", title, color: colorOf(definition, 0), bars }] : [],
    },
    used,
  };
}

/** Draws a chart's definition from every stored figure and ruling. Pure: the data layer fetches. */
export function buildChart(definition: ChartDefinition, figures: FigureView[], rulings: RulingMark[]): ChartSpec {
  const chosen = pickFigures(definition, selectFigures(definition, figures));
  const built = (() => {
    switch (definition.type) {
      case "timeline":
        return timeline(definition, chosen, rulings);
      case "panels":
        return panels(definition, chosen);
      case "first-latest":
        return firstAndLatest(definition, chosen);
      case "funnel":
        return funnel(definition, chosen);
      case "by-area":
        return byArea(definition, chosen);
    }
  })();
  const spec = {
    slug: definition.slug,
    title: definition.title,
    notes: [...definition.notes],
    sources: sourcesOf(built.used),
    body: built.body,
  };
  return { ...spec, takeaway: definition.takeaway ?? takeawayFor(spec, definition), description: describeChart(spec) };
}
