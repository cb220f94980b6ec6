import type { ChartSpec } from "@/lib/charts/types";
import { fetchChart, fetchLatestRevision, unpinnableRevision } from "@/lib/data/charts.server";
import { db } from "@/lib/db.server";
import { figureAsRecorded } from "@/lib/figures/at-revision";
import { siteUrl } from "@/lib/site.server";
import { citeChart, citeFigure, type CitedRevision, type CitedWork } from "./cited-work";

/** A citation, or why there is none at the address asked for (its route answers 404). */
export type CitationFound = { ok: true; work: CitedWork } | { ok: false; message: string };

/**
 * The revision a citation names and the day of it. A revision id the log skipped (a sequence's
 * gap) is dated as the record stood then: by the newest revision before it.
 */
async function fetchCitedRevision(revision: number): Promise<CitedRevision | null> {
  const reached = await db.revision.findFirst({
    where: { id: { lte: revision } },
    orderBy: { id: "desc" },
    select: { createdAt: true },
  });
  return reached ? { revision, compiledAt: reached.createdAt } : null;
}

/**
 * The last revision that changed what a figure's citation says: its own, or its source's. A
 * figure's citation then stays the same, word for word, while the rest of the record changes,
 * and its pinned card (which replays the figure's own revisions) shows the figure as cited.
 */
async function lastChangeOfFigure(figureId: string, sourceId: string): Promise<number | null> {
  const last = await db.revision.findFirst({
    where: {
      OR: [
        { recordType: "figure", recordId: figureId },
        { recordType: "source", recordId: sourceId },
      ],
    },
    orderBy: { id: "desc" },
    select: { id: true },
  });
  return last?.id ?? null;
}

const NOTHING_YET = (revision: number) => `There was nothing in the record yet at revision ${revision}.`;

/** A figure's citation, live (pinned to its last change) or as it stood at `revision`. */
export async function fetchFigureCitation(
  id: string,
  revision: number | null,
  accessed = new Date(),
): Promise<CitationFound> {
  const recorded = await figureAsRecorded(db, id, revision);
  if (!recorded.ok) return recorded;
  const pinnedTo =
    revision ?? (await lastChangeOfFigure(id, recorded.figure.source.id)) ?? (await fetchLatestRevision());
  const pin = await fetchCitedRevision(pinnedTo);
  if (!pin) return { ok: false, message: NOTHING_YET(pinnedTo) };
  return { ok: true, work: citeFigure(recorded.figure, pin, siteUrl(), accessed) };
}

/**
 * A published chart's citation, live (pinned to the newest revision, what its "pin this version"
 * pins: a chart draws on the whole record) or as it stood at `revision`. A draft has none.
 */
export async function fetchChartCitation(
  slug: string,
  revision: number | null,
  accessed = new Date(),
): Promise<CitationFound> {
  const unpinnable = await unpinnableRevision(revision);
  if (unpinnable) return { ok: false, message: unpinnable };
  const chart = await fetchChart(slug, revision);
  if (!chart) return { ok: false, message: "There is no chart at this address." };
  return citeChartAt(chart, revision ?? (await fetchLatestRevision()), accessed);
}

/** The citation of a chart already drawn (its page's), pinned to `revision`. */
export async function citeChartAt(chart: ChartSpec, revision: number, accessed = new Date()): Promise<CitationFound> {
  const pin = await fetchCitedRevision(revision);
  if (!pin) return { ok: false, message: NOTHING_YET(revision) };
  return { ok: true, work: citeChart(chart, pin, siteUrl(), accessed) };
}
