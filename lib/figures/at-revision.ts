import { figuresAtRevision } from "@/lib/charts/at-revision";
import type { PrismaClient } from "@/lib/db/client.server";
import { figureViewSelect, sourceSummarySelect, toFigureView, type FigureView } from "./view";

/** One figure as a card shows it, or why there is none to show (the embed and its image answer 404). */
export type FigureAsRecorded = { ok: true; figure: FigureView } | { ok: false; message: string };

/**
 * A figure now (`revision` null), or as it stood after `revision`: a pinned card replays the
 * figure's own revisions, as a pinned chart replays all of them (lib/charts/at-revision.ts).
 * Its metric, area, agency and source are named as they are now, as on a pinned chart.
 */
export async function figureAsRecorded(
  db: PrismaClient,
  id: string,
  revision: number | null,
): Promise<FigureAsRecorded> {
  const missing = { ok: false, message: "There is no figure at this address." } as const;
  if (revision === null) {
    const row = await db.figure.findUnique({ where: { id }, select: figureViewSelect });
    return row ? { ok: true, figure: toFigureView(row) } : missing;
  }
  // A pinned card is kept for a year wherever it is cached, so only a revision that exists may be.
  const latest = await db.revision.findFirst({ select: { id: true }, orderBy: { id: "desc" } });
  if (revision > (latest?.id ?? 0)) {
    return {
      ok: false,
      message: `There is no revision ${revision} of the record yet, so no figure can be pinned to it.`,
    };
  }
  const history = await db.revision.findMany({
    where: { recordType: "figure", recordId: id, id: { lte: revision } },
    select: { recordId: true, action: true, after: true },
    orderBy: { id: "asc" },
  });
  const [snapshot] = figuresAtRevision(history);
  const notThen = { ok: false, message: `There was no figure at this address at revision ${revision}.` } as const;
  if (!snapshot) return notThen;
  const [metric, geography, agency, source] = await Promise.all([
    db.metric.findUnique({ where: { id: snapshot.metricId }, select: { id: true, label: true, kind: true } }),
    db.geography.findUnique({ where: { id: snapshot.geographyId }, select: { id: true, label: true } }),
    snapshot.agencyId
      ? db.agency.findUnique({
          where: { id: snapshot.agencyId },
          select: { id: true, name: true, shortName: true, country: true },
        })
      : null,
    db.source.findUnique({ where: { id: snapshot.sourceId }, select: sourceSummarySelect }),
  ]);
  // What a pinned chart does with a figure whose metric, area or source has since been deleted: leave it out.
  if (!metric || !geography || !source) return notThen;
  return { ok: true, figure: toFigureView({ ...snapshot, metric, geography, agency, source }) };
}
