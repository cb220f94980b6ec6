import type { ChartSpec } from "@/lib/charts/types";
import { PanelsChart } from "./panels-chart";
import { TimelineChart } from "./timeline-chart";

/** The chart itself: SVG in the server's HTML, interactive once the browser has run it. */
export function ChartView({ chart }: { chart: ChartSpec }) {
  return (
    <div role="group" aria-label={`${chart.title}: chart`} aria-describedby={`${chart.slug}-description`}>
      {chart.body.type === "timeline" ? (
        <TimelineChart id={chart.slug} title={chart.title} body={chart.body} />
      ) : (
        <PanelsChart id={chart.slug} body={chart.body} />
      )}
      <p id={`${chart.slug}-description`} className="sr-only">
        {chart.description}
      </p>
    </div>
  );
}
