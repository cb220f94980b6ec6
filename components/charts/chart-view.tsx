import { drawnBody } from "@/lib/charts/drawn";
import type { ChartSpec } from "@/lib/charts/types";
import { DeferredChart } from "./deferred-chart";

/** The chart itself: SVG in the server's HTML, interactive once the reader reaches it. */
export function ChartView({ chart }: { chart: ChartSpec }) {
  return (
    <div role="group" aria-label={`${chart.title}: chart`} aria-describedby={`${chart.slug}-description`}>
      <DeferredChart id={chart.slug} title={chart.title} body={drawnBody(chart.body)} />
      <p id={`${chart.slug}-description`} className="sr-only">
        {chart.description}
      </p>
    </div>
  );
}
