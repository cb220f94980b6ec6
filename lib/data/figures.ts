import "server-only";
import { db } from "@/lib/db.server";
import { toFigureView, figureViewSelect, type FigureView } from "@/lib/figure-view";
import { FOUNDING_SOURCE_ID } from "@/lib/seed/dataset";

/** The figures of the founding article (ITV News, 2 July 2020), in the order it gives them. */
export async function fetchFoundingFigures(): Promise<FigureView[]> {
  const rows = await db.figure.findMany({
    where: { sourceId: FOUNDING_SOURCE_ID },
    select: figureViewSelect,
    orderBy: { createdAt: "asc" },
  });
  return rows.map(toFigureView);
}
