import { TIMELINE_HEIGHT, panelHeight, staticWidth } from "@/lib/charts/geometry";
import type { ChartSpec } from "@/lib/charts/types";
import { panelElement } from "./panel-svg";
import { timelineElement } from "./timeline-svg";

/**
 * A chart drawn once, for places with no React in the browser: embeds, SVG and PNG downloads.
 * Each panel or timeline is its own <svg> with a viewBox, in a wrapper sized to keep its
 * proportions.
 */
export function StaticChart({ chart }: { chart: ChartSpec }) {
  const width = staticWidth(chart.body);
  if (chart.body.type === "timeline") {
    return (
      <div className="chart-box" style={{ aspectRatio: `${width} / ${TIMELINE_HEIGHT}` }}>
        {timelineElement({ id: chart.slug, title: chart.title, body: chart.body, width })}
      </div>
    );
  }
  const single = chart.body.panels.length === 1;
  return (
    <div className={single ? "panels" : "panels panels-grid"}>
      {chart.body.panels.map((panel) => (
        <div key={panel.key}>
          {single ? null : <h2 className="panel-title">{panel.title}</h2>}
          <div className="chart-box" style={{ aspectRatio: `${width} / ${panelHeight(panel)}` }}>
            {panelElement({ id: `${chart.slug}-${panel.key}`, panel, width })}
          </div>
        </div>
      ))}
    </div>
  );
}
