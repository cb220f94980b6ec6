import type { ChartSpec } from "@/lib/charts/types";
import { TIMELINE_HEIGHT, panelHeight } from "./dimensions";
import { panelElement } from "./panel-svg";
import { timelineElement } from "./timeline-svg";

/** Widths the static drawings are made at; CSS scales them to the space they are given. */
export const STATIC_WIDTH = { timeline: 640, panel: 320, singlePanel: 560 } as const;

/**
 * A chart drawn once, for places with no React in the browser: embeds, SVG and PNG downloads.
 * Each panel or timeline is its own <svg> with a viewBox, in a wrapper sized to keep its
 * proportions.
 */
export function StaticChart({ chart }: { chart: ChartSpec }) {
  if (chart.body.type === "timeline") {
    return (
      <div className="chart-box" style={{ aspectRatio: `${STATIC_WIDTH.timeline} / ${TIMELINE_HEIGHT}` }}>
        {timelineElement({ id: chart.slug, title: chart.title, body: chart.body, width: STATIC_WIDTH.timeline })}
      </div>
    );
  }
  const single = chart.body.panels.length === 1;
  const width = single ? STATIC_WIDTH.singlePanel : STATIC_WIDTH.panel;
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
