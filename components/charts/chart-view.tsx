import { drawnBody } from "@/lib/charts/drawn";
import { chartTooltips } from "@/lib/charts/rows";
import type { ChartSpec } from "@/lib/charts/types";
import { jsonForScript } from "@/lib/escape";
import { PanelsChart } from "./panels-chart";
import { TimelineChart } from "./timeline-chart";

/**
 * The chart itself: SVG in the server's HTML. Readers' pages come without React in the browser
 * (decision 0024): public/reader.js gives the marks their tooltips and keys, from the figures
 * written beside the chart. The admin's preview hydrates the same components instead.
 */
export function ChartView({ chart }: { chart: ChartSpec }) {
  const body = drawnBody(chart.body);
  return (
    <div
      role="group"
      aria-label={`${chart.title}: chart`}
      aria-describedby={`${chart.slug}-description`}
      data-chart={chart.slug}
    >
      {body.type === "panels" ? (
        <PanelsChart id={chart.slug} body={body} />
      ) : (
        <TimelineChart id={chart.slug} title={chart.title} body={body} />
      )}
      <script
        type="application/json"
        data-chart-tooltips=""
        dangerouslySetInnerHTML={{ __html: jsonForScript(chartTooltips(chart)) }}
      />
      <p id={`${chart.slug}-description`} className="sr-only">
        {chart.description}
      </p>
    </div>
  );
}
