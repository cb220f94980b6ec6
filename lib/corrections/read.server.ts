import type { PrismaClient } from "@/lib/db/client.server";
import type { ChartSpec } from "@/lib/charts/types";
import { formatDate } from "@/lib/figures/format";
import {
  PUBLIC_KINDS,
  publicChange,
  isNoticed,
  type PublicChange,
  type PublicRevisionRow,
  type ReaderNames,
} from "./public-history";
import { CORRECTIONS_PAGE_SIZE, type CorrectionsQuery } from "./query";

/**
 * The public history read from the revision log. Every query selects the revision's own columns
 * and never its editor (PUBLIC_REVISION_SELECT), so no editor's name or email can reach a page.
 */
const PUBLIC_REVISION_SELECT = {
  id: true,
  createdAt: true,
  recordType: true,
  recordId: true,
  action: true,
  kind: true,
  before: true,
  after: true,
  reason: true,
} as const;

/** Areas and sources by id, as readers know them, for the figures the changes name. */
export async function readerNames(db: PrismaClient): Promise<ReaderNames> {
  const [areas, sources] = await Promise.all([
    db.geography.findMany({ select: { id: true, label: true } }),
    db.source.findMany({ select: { id: true, publisher: true, publishedOn: true } }),
  ]);
  return {
    areas: new Map(areas.map((area) => [area.id, area.label])),
    sources: new Map(
      sources.map((source) => [
        source.id,
        source.publishedOn ? `${source.publisher}, ${formatDate(source.publishedOn)}` : source.publisher,
      ]),
    ),
  };
}

function told(rows: PublicRevisionRow[], names: ReaderNames): PublicChange[] {
  return rows.flatMap((row) => publicChange(row, names) ?? []);
}

/** A figure's corrections and updates, newest first: its public history. */
export async function figureHistory(db: PrismaClient, figureId: string): Promise<PublicChange[]> {
  const [rows, names] = await Promise.all([
    db.revision.findMany({
      where: { recordType: "figure", recordId: figureId, kind: { in: [...PUBLIC_KINDS] } },
      orderBy: { id: "desc" },
      select: PUBLIC_REVISION_SELECT,
    }),
    readerNames(db),
  ]);
  return told(rows, names);
}

/** The figures a chart draws, by id: their corrections change what the chart shows. */
export function chartFigureIds(chart: ChartSpec): string[] {
  const data =
    chart.body.type === "timeline"
      ? chart.body.series.flatMap((series) => series.points)
      : chart.body.panels.flatMap((panel) => panel.bars);
  return [...new Set(data.map((datum) => datum.figureId))];
}

/**
 * A chart's public history, newest first: its own corrections and updates, and the corrections
 * of the figures it draws (a new figure it picks up is in the figures' feed, not here).
 */
export async function chartHistory(db: PrismaClient, chartId: string, figureIds: string[]): Promise<PublicChange[]> {
  const [rows, names] = await Promise.all([
    db.revision.findMany({
      where: {
        OR: [
          { recordType: "chart", recordId: chartId, kind: { in: [...PUBLIC_KINDS] } },
          { recordType: "figure", recordId: { in: figureIds }, kind: "correction" },
        ],
      },
      orderBy: { id: "desc" },
      select: PUBLIC_REVISION_SELECT,
    }),
    readerNames(db),
  ]);
  return told(rows, names);
}

/** The time of the latest correction among these changes, if it is still within the notice period. */
export function noticedCorrection(history: PublicChange[], now: Date, days: number): Date | null {
  const latest = history.find((change) => change.kind === "correction");
  if (!latest) return null;
  const at = new Date(latest.at);
  return isNoticed(at, now, days) ? at : null;
}

/** When a figure was last corrected, if recently enough for its notice; one small query. */
export async function figureCorrectedAt(
  db: PrismaClient,
  figureId: string,
  now: Date,
  days: number,
): Promise<Date | null> {
  if (days <= 0) return null;
  const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const latest = await db.revision.findFirst({
    where: { recordType: "figure", recordId: figureId, kind: "correction", createdAt: { gt: since } },
    orderBy: { id: "desc" },
    select: PUBLIC_REVISION_SELECT,
  });
  // Only a correction readers are told of: one that changed something they read.
  if (!latest || !publicChange(latest, await readerNames(db))) return null;
  return latest.createdAt;
}

/** Figures corrected within the notice period, by id, with the time of the latest correction. */
export async function recentlyCorrectedFigures(db: PrismaClient, now: Date, days: number): Promise<Map<string, Date>> {
  if (days <= 0) return new Map();
  const since = new Date(now.getTime() - days * 24 * 60 * 60 * 1000);
  const rows = await db.revision.findMany({
    where: { recordType: "figure", kind: "correction", action: "update", createdAt: { gt: since } },
    orderBy: { id: "asc" },
    select: { recordId: true, createdAt: true },
  });
  return new Map(rows.map((row) => [row.recordId, row.createdAt]));
}

/** Every correction readers are told of, newest first, as the corrections page filters them. */
export async function listCorrections(
  db: PrismaClient,
  query: CorrectionsQuery,
  chartFigures: { chartId: string; figureIds: string[] } | null,
): Promise<PublicChange[]> {
  const about = query.figure
    ? [{ recordType: "figure", recordId: query.figure }]
    : chartFigures
      ? [
          { recordType: "chart", recordId: chartFigures.chartId },
          { recordType: "figure", recordId: { in: chartFigures.figureIds } },
        ]
      : [{ recordType: { in: ["figure", "chart", "source"] } }];
  const [rows, names] = await Promise.all([
    db.revision.findMany({
      where: {
        kind: "correction",
        OR: about,
        ...(query.from || query.to
          ? {
              createdAt: {
                ...(query.from ? { gte: query.from } : {}),
                ...(query.to ? { lt: new Date(query.to.getTime() + 24 * 60 * 60 * 1000) } : {}),
              },
            }
          : {}),
      },
      orderBy: { id: "desc" },
      take: CORRECTIONS_PAGE_SIZE,
      select: PUBLIC_REVISION_SELECT,
    }),
    readerNames(db),
  ]);
  return told(rows, names);
}

/** Figures newly reported (created as updates), newest first: the new figures' feed. */
export async function listNewFigures(db: PrismaClient): Promise<PublicChange[]> {
  const [rows, names] = await Promise.all([
    db.revision.findMany({
      where: { recordType: "figure", action: "create", kind: "update" },
      orderBy: { id: "desc" },
      take: CORRECTIONS_PAGE_SIZE,
      select: PUBLIC_REVISION_SELECT,
    }),
    readerNames(db),
  ]);
  return told(rows, names);
}
