import "server-only";
import { db } from "@/lib/db.server";
import { figureViewSelect, toFigureView } from "@/lib/figure-view";
import { toFigureExport, type FigureExport } from "@/lib/figures-export";

/** Every figure, oldest report first, each with the figures whose sources disagree with it. */
export async function fetchFiguresForExport(): Promise<FigureExport[]> {
  const [figures, conflicts] = await Promise.all([
    db.figure.findMany({ select: figureViewSelect, orderBy: [{ asOf: "asc" }, { id: "asc" }] }),
    db.figureConflict.findMany({ select: { figureId: true, otherFigureId: true } }),
  ]);
  const others = new Map<string, string[]>();
  for (const { figureId, otherFigureId } of conflicts) {
    others.set(figureId, [...(others.get(figureId) ?? []), otherFigureId]);
    others.set(otherFigureId, [...(others.get(otherFigureId) ?? []), figureId]);
  }
  return figures.map((figure) => toFigureExport(toFigureView(figure), others.get(figure.id) ?? []));
}
