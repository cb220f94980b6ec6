import { byDate, type FigureView } from "./view";
import { FOUNDING_SOURCE_ID } from "@/lib/seed/dataset";

/** The UK figures readers come for, in the order they look for them. */
const HEADLINE_METRICS = ["arrested", "charged", "convicted", "cash", "drugs-class-a", "firearms", "ammunition"];

export type Headlines = {
  /** The latest UK figure of each headline metric. */
  main: FigureView[];
  /** The founding article's other figures that no later report has superseded. */
  founding: FigureView[];
  /** Arrests at the first announcement and now. */
  growth: { first: FigureView; latest: FigureView } | null;
};

export function selectHeadlines(figures: FigureView[]): Headlines {
  const uk = figures.filter((figure) => figure.geography.id === "uk");
  const reports = (metric: string) => uk.filter((figure) => figure.metric.id === metric).sort(byDate);
  const latest = (metric: string) => reports(metric).at(-1);

  const main = HEADLINE_METRICS.flatMap((metric) => latest(metric) ?? []);
  const founding = uk
    .filter((figure) => figure.source.id === FOUNDING_SOURCE_ID && !HEADLINE_METRICS.includes(figure.metric.id))
    .filter((figure) => latest(figure.metric.id)?.id === figure.id);
  const arrests = reports("arrested");
  const first = arrests[0];
  const last = arrests.at(-1);
  return { main, founding, growth: first && last && first !== last ? { first, latest: last } : null };
}
