import { cache } from "react";
import { db } from "@/lib/db.server";
import { fetchRecordAsAt } from "@/lib/as-at/read.server";
import { figuresAtRevision, rulingsAtRevision } from "@/lib/charts/at-revision";
import { buildChart, type RulingMark } from "@/lib/charts/build";
import { chartDefinition, type ChartDefinition } from "@/lib/charts/definition";
import type { ChartSpec } from "@/lib/charts/types";
import { figureViewSelect, sourceSummarySelect, toFigureView, type FigureView } from "@/lib/figures/view";

type ChartInputs = { figures: FigureView[]; rulings: RulingMark[] };

/**
 * Every figure and ruling, read once per render: a page's metadata, its charts and its
 * headline figures all draw on the same rows.
 */
export const fetchChartInputs = cache(async (): Promise<ChartInputs> => {
  const [figures, rulings] = await Promise.all([
    db.figure.findMany({ select: figureViewSelect, orderBy: { id: "asc" } }),
    db.ruling.findMany({
      select: { id: true, date: true, court: true, caseName: true, outcome: true },
      orderBy: [{ date: { sort: "asc", nulls: "first" } }, { id: "asc" }],
    }),
  ]);
  return { figures: figures.map(toFigureView), rulings };
});

/**
 * The figures and rulings as they stood after `revision`. Metrics, areas, agencies and sources
 * are named as they are now: a pinned chart keeps its numbers, not the spelling of a publisher.
 */
async function fetchChartInputsAt(revision: number): Promise<ChartInputs> {
  const history = (recordType: string) =>
    db.revision.findMany({
      where: { recordType, id: { lte: revision } },
      select: { recordId: true, action: true, after: true },
      orderBy: { id: "asc" },
    });
  const [figureRevisions, rulingRevisions, metrics, geographies, agencies, sources] = await Promise.all([
    history("figure"),
    history("ruling"),
    db.metric.findMany({ select: { id: true, label: true, kind: true } }),
    db.geography.findMany({ select: { id: true, label: true } }),
    db.agency.findMany({ select: { id: true, name: true, shortName: true, country: true } }),
    db.source.findMany({ select: sourceSummarySelect }),
  ]);
  const byId = <T extends { id: string }>(rows: T[]) => new Map(rows.map((row) => [row.id, row]));
  const [metric, geography, agency, source] = [byId(metrics), byId(geographies), byId(agencies), byId(sources)];
  const figures = figuresAtRevision(figureRevisions).flatMap((figure) => {
    const parts = {
      metric: metric.get(figure.metricId),
      geography: geography.get(figure.geographyId),
      source: source.get(figure.sourceId),
    };
    if (!parts.metric || !parts.geography || !parts.source) return [];
    const agencyRow = figure.agencyId ? (agency.get(figure.agencyId) ?? null) : null;
    return [
      toFigureView({
        ...figure,
        ...parts,
        metric: parts.metric,
        geography: parts.geography,
        source: parts.source,
        agency: agencyRow,
      }),
    ];
  });
  return { figures, rulings: rulingsAtRevision(rulingRevisions) };
}

/** A published chart's record, or null: a draft has no public address. */
const findPublishedChart = cache(async (slug: string) => db.chart.findFirst({ where: { slug, published: true } }));

/**
 * The chart's own definition as it stood after `revision`, so that a pinned embed never changes
 * even when its selection is edited. A revision from before the chart was first saved (an embed
 * pinned before charts were records) gets the chart's first definition: what the code drew then.
 */
async function definitionAt(chartId: string, revision: number): Promise<ChartDefinition | null> {
  const saved = (where: object, order: "asc" | "desc") =>
    db.revision.findFirst({
      where: { recordType: "chart", recordId: chartId, after: { not: null }, ...where },
      orderBy: { id: order },
      select: { after: true },
    });
  const found = (await saved({ id: { lte: revision } }, "desc")) ?? (await saved({}, "asc"));
  return found?.after ? chartDefinition(JSON.parse(found.after)) : null;
}

/** A published chart drawn from the record as it is, or as it stood at `revision`; null when there is none. */
export async function fetchChart(slug: string, revision: number | null = null): Promise<ChartSpec | null> {
  const stored = await findPublishedChart(slug);
  if (!stored) return null;
  if (revision === null) {
    const { figures, rulings } = await fetchChartInputs();
    return buildChart(chartDefinition(stored), figures, rulings);
  }
  const definition = (await definitionAt(stored.id, revision)) ?? chartDefinition(stored);
  const { figures, rulings } = await fetchChartInputsAt(revision);
  // The address a pinned embed was given stays the chart's current one.
  return buildChart({ ...definition, slug: stored.slug }, figures, rulings);
}

/**
 * A published chart as the record stood just after `revision` (`?at=` on its page and data): its
 * definition then, as a pinned embed replays it, drawn from the whole record then, its sources
 * named as they were named then (lib/as-at/replay.ts).
 */
export async function fetchChartAsAt(slug: string, revision: number): Promise<ChartSpec | null> {
  const stored = await findPublishedChart(slug);
  if (!stored) return null;
  const [definition, record] = await Promise.all([definitionAt(stored.id, revision), fetchRecordAsAt(revision)]);
  return buildChart({ ...(definition ?? chartDefinition(stored)), slug: stored.slug }, record.figures, record.rulings);
}

/** A definition drawn from the record as it is: a draft's, or one the editor has not saved yet. */
export async function drawDefinition(definition: ChartDefinition): Promise<ChartSpec> {
  const { figures, rulings } = await fetchChartInputs();
  return buildChart(definition, figures, rulings);
}

/** The published charts the dashboard shows, in the editors' order. */
export async function fetchDashboardCharts(): Promise<ChartSpec[]> {
  const [stored, { figures, rulings }] = await Promise.all([
    db.chart.findMany({
      where: { published: true, dashboardOrder: { not: null } },
      orderBy: [{ dashboardOrder: "asc" }, { title: "asc" }],
    }),
    fetchChartInputs(),
  ]);
  return stored.map((chart) => buildChart(chartDefinition(chart), figures, rulings));
}

/** The newest revision: what "pin this version" pins. */
export async function fetchLatestRevision(): Promise<number> {
  const latest = await db.revision.findFirst({ select: { id: true }, orderBy: { id: "desc" } });
  return latest?.id ?? 0;
}

/**
 * Why a chart cannot be pinned to `revision` (one the record has not reached yet), or null. A
 * pinned embed is kept for a year wherever it is cached, so only a revision that exists may be.
 */
export async function unpinnableRevision(revision: number | null): Promise<string | null> {
  if (revision === null || revision <= (await fetchLatestRevision())) return null;
  return `There is no revision ${revision} of the record yet, so no chart can be pinned to it.`;
}
