import { db } from "@/lib/db.server";
import { figureViewSelect, toFigureView, type FigureView } from "@/lib/figures/view";

/** Two figures whose sources disagree, both kept; neither is the right one. */
export type FigureConflictView = {
  id: string;
  note: string | null;
  /** The earlier-dated report first. */
  figures: [FigureView, FigureView];
};

/** A report that disagrees with a given figure, seen from that figure's side. */
export type ConflictingReport = {
  conflictId: string;
  note: string | null;
  figure: FigureView;
};

const conflictSelect = {
  id: true,
  note: true,
  figure: { select: figureViewSelect },
  otherFigure: { select: figureViewSelect },
} as const;

export async function fetchConflicts(): Promise<FigureConflictView[]> {
  const rows = await db.figureConflict.findMany({ select: conflictSelect, orderBy: { id: "asc" } });
  return rows
    .map((row) => ({
      id: row.id,
      note: row.note,
      figures: [toFigureView(row.figure), toFigureView(row.otherFigure)].sort(byDate) as [FigureView, FigureView],
    }))
    .sort((a, b) => byDate(a.figures[0], b.figures[0]) || a.figures[0].label.localeCompare(b.figures[0].label));
}

/**
 * For each of the given figures, the reports that disagree with it. A pair is stored once, so
 * the figure may be on either side of it.
 */
export async function fetchConflictingReports(figureIds: string[]): Promise<Record<string, ConflictingReport[]>> {
  const reports: Record<string, ConflictingReport[]> = {};
  if (figureIds.length === 0) return reports;
  const rows = await db.figureConflict.findMany({
    where: { OR: [{ figureId: { in: figureIds } }, { otherFigureId: { in: figureIds } }] },
    select: conflictSelect,
    orderBy: { id: "asc" },
  });
  const wanted = new Set(figureIds);
  for (const row of rows) {
    const [figure, other] = [toFigureView(row.figure), toFigureView(row.otherFigure)];
    for (const [side, opposite] of [
      [figure, other],
      [other, figure],
    ] as const) {
      if (!wanted.has(side.id)) continue;
      (reports[side.id] ??= []).push({ conflictId: row.id, note: row.note, figure: opposite });
    }
  }
  return reports;
}

function byDate(a: FigureView, b: FigureView): number {
  return a.asOf.localeCompare(b.asOf) || a.id.localeCompare(b.id);
}
