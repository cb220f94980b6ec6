import { parsePartialDate } from "@/lib/domain/partial-date";
import type { ChartDatum, ChartSpec, PanelsBody, TimelineBody } from "./types";

type Described = Pick<ChartSpec, "slug" | "title" | "body">;

function valueAt(datum: ChartDatum): string {
  return `${datum.display} (${datum.asOfDisplay}, ${datum.sourceName})`;
}

function list(items: string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

function describeTimeline(body: TimelineBody): string {
  const lines = body.series.map((series) => {
    const points = series.points.map((point) => `${point.display} ${onDate(point)} (${point.sourceName})`);
    return `${series.label}, ${series.points.length} report${series.points.length === 1 ? "" : "s"}: ${points.join("; ")}.`;
  });
  const markers = body.markers.map((marker) => `${marker.dateDisplay}: ${marker.label}, ${marker.detail}`);
  return [
    `A line chart with ${list(body.series.map((series) => lowerFirst(series.label)))} over time.`,
    ...lines,
    markers.length ? `Court rulings marked: ${markers.join("; ")}.` : "",
  ]
    .filter(Boolean)
    .join(" ");
}

function describePanels(body: PanelsBody): string {
  const panels = body.panels.map(
    (panel) => `${panel.title}: ${panel.bars.map((bar) => `${bar.label}, ${valueAt(bar)}`).join("; ")}.`,
  );
  return [`${body.panels.length === 1 ? "A bar chart" : `${body.panels.length} bar charts`}.`, ...panels].join(" ");
}

/** A full text alternative, generated from the data so it can never disagree with the chart. */
export function describeChart(chart: Described): string {
  if (isEmpty(chart)) return `${chart.title}: no figures have been recorded for this chart yet.`;
  return `${chart.title}. ${chart.body.type === "timeline" ? describeTimeline(chart.body) : describePanels(chart.body)}`;
}

function isEmpty(chart: Described): boolean {
  return chart.body.type === "timeline"
    ? chart.body.series.every((series) => series.points.length === 0)
    : chart.body.panels.length === 0;
}

/** One line saying what the chart shows, from its own figures. */
export function takeawayFor(chart: Described): string {
  if (isEmpty(chart)) return "No figures have been recorded for this chart yet.";
  const { body } = chart;
  if (body.type === "timeline") {
    const growth = body.series.map((series) => {
      const first = series.points[0]!;
      const last = series.points.at(-1)!;
      return first === last
        ? `${lowerFirst(series.label)}: ${first.display} (${first.asOfDisplay})`
        : `${lowerFirst(series.label)} from ${first.display} (${first.asOfDisplay}) to ${last.display} (${last.asOfDisplay})`;
    });
    return `${capitalise(list(growth))}.`;
  }
  switch (chart.slug) {
    case "justice-funnel": {
      const [arrested, ...later] = body.panels[0]!.bars;
      const shares = later.map(
        (bar) => `${bar.display} ${verbFor(bar.label)} (${percent(bar.value, arrested!.value)})`,
      );
      return `Of ${arrested!.display} people arrested by ${arrested!.asOfDisplay}, ${list(shares)}.`;
    }
    case "arrests-by-region": {
      const bars = body.panels[0]!.bars;
      const top = bars[0]!;
      return `${capitalise(top.label.replace(/ \(.*\)$/, ""))} reported the most arrests: ${top.display} (${top.asOfDisplay}). ${bars.length} forces and units, reporting at different dates.`;
    }
    case "worldwide": {
      const all = body.panels.flatMap((panel) => panel.bars);
      const arrested = all.find((bar) => bar.metric === "arrested") ?? all[0]!;
      return `By ${arrested.asOfDisplay}, ${arrested.display} people had been arrested worldwide; ${all.length} results were reported in all.`;
    }
    default: {
      const changes = body.panels
        .filter((panel) => panel.bars.length > 1)
        .slice(0, 2)
        .map((panel) => `${lowerFirst(panel.title)} from ${panel.bars[0]!.display} to ${panel.bars[1]!.display}`);
      const panels = `${body.panels.length} categories`;
      return changes.length ? `${capitalise(list(changes))}; ${panels} in all.` : `${capitalise(panels)} reported.`;
    }
  }
}

function verbFor(metricLabel: string): string {
  return metricLabel.replace(/^People\s+/i, "").toLowerCase();
}

function percent(part: number, whole: number): string {
  return `${Math.round((part / whole) * 100)}%`;
}

/** "on 2 July 2020", but "in March 2021" or "in 2023" for dates known less precisely. */
function onDate(datum: ChartDatum): string {
  return `${parsePartialDate(datum.asOf)?.precision === "day" ? "on" : "in"} ${datum.asOfDisplay}`;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
