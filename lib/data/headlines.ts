import "server-only";
import { db } from "@/lib/db.server";
import { figureViewSelect, toFigureView } from "@/lib/figure-view";
import { selectHeadlines, type Headlines } from "@/lib/headlines";

export async function fetchHeadlines(): Promise<Headlines> {
  const figures = await db.figure.findMany({
    where: { geography: { id: "uk" } },
    select: figureViewSelect,
    orderBy: { id: "asc" },
  });
  return selectHeadlines(figures.map(toFigureView));
}
