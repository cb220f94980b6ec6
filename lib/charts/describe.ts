import { parsePartialDate } from "@/lib/domain/partial-date";
import { UK_FORCE_AREAS, type ChartDefinition } from "./definition";
import type { ChartDatum, ChartSpec, PanelsBody, TimelineBody } from "./types";

type Described = Pick<ChartSpec, "title" | "body">;

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

/** What "the most" of a metric is called in a sentence, where its label does not read well there. */
const MOST_OF: Record<string, string> = { arrested: "arrests", charged: "charges", convicted: "convictions" };

/** One line saying what the chart shows, from its own figures and what the chart selects. */
export function takeawayFor(chart: Described, definition: Pick<ChartDefinition, "type" | "areas">): string {
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
  switch (definition.type) {
    case "funnel": {
      const [first, ...later] = body.panels[0]!.bars;
      const shares = later.map((bar) => `${bar.display} ${verbFor(bar.label)} (${percent(bar.value, first!.value)})`);
      const of = `Of ${first!.display} ${lowerFirst(first!.label)} by ${first!.asOfDisplay}`;
      return shares.length ? `${of}, ${list(shares)}.` : `${of}.`;
    }
    case "by-area": {
      const { bars, title } = body.panels[0]!;
      const top = bars[0]!;
      // A bar's label is "area (date)": the sentence names the area alone.
      const area = top.label.replace(/ \(.*\)$/, "");
      // The panel's title is the metric's label ("Cash seized") when there is one metric.
      const most = MOST_OF[top.metric] ?? lowerFirst(title);
      const areas = definition.areas.includes(UK_FORCE_AREAS) ? "forces and units" : "areas";
      return `${capitalise(area)} reported the most ${most}: ${top.display} (${top.asOfDisplay}). ${bars.length} ${areas}, reporting at different dates.`;
    }
    case "panels": {
      const all = body.panels.flatMap((panel) => panel.bars);
      const arrested = all.find((bar) => bar.metric === "arrested");
      const where = definition.areas.length === 1 && definition.areas[0] === "worldwide" ? " worldwide" : "";
      if (arrested) {
        return `By ${arrested.asOfDisplay}, ${arrested.display} people had been arrested${where}; ${all.length} results were reported in all.`;
      }
      const latest = [...all].sort((a, b) => a.asOf.localeCompare(b.asOf)).at(-1)!;
      return `${all.length} result${all.length === 1 ? " was" : "s were"} reported${where}, the latest in ${latest.asOfDisplay}.`;
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
