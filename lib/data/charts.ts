import "server-only";
import { db } from "@/lib/db.server";
import { buildChart, type RulingMark } from "@/lib/charts/build";
import { CHART_SLUGS, type ChartSlug } from "@/lib/charts/registry";
import type { ChartSpec } from "@/lib/charts/types";
import { figureViewSelect, toFigureView, type FigureView } from "@/lib/figure-view";

async function fetchChartInputs(): Promise<{ figures: FigureView[]; rulings: RulingMark[] }> {
  const [figures, rulings] = await Promise.all([
    db.figure.findMany({ select: figureViewSelect, orderBy: { id: "asc" } }),
    db.ruling.findMany({
      select: { id: true, date: true, court: true, caseName: true, outcome: true },
      orderBy: [{ date: "asc" }, { id: "asc" }],
    }),
  ]);
  return { figures: figures.map(toFigureView), rulings };
}

export async function fetchChart(slug: ChartSlug): Promise<ChartSpec> {
  const { figures, rulings } = await fetchChartInputs();
  return buildChart(slug, figures, rulings);
}

export async function fetchAllCharts(): Promise<ChartSpec[]> {
  const { figures, rulings } = await fetchChartInputs();
  return CHART_SLUGS.map((slug) => buildChart(slug, figures, rulings));
}
