import type { DrawnPanel } from "@/lib/charts/types";
import { BAR_SIZE, PANEL_TOP, panelHeight } from "@/lib/charts/geometry";

/** The right margin that keeps the longest bar's edge inside the drawing. */
const RIGHT = 8;

/** A hundredth of a pixel is finer than any screen or image shows; more digits are only bytes. */
const px = (value: number) => Math.round(value * 100) / 100;

/**
 * One bar panel, drawn by hand rather than by Recharts: a few rectangles and labels need no
 * chart library, and the dashboard sends every panel's SVG in its first HTML, where Recharts'
 * wrappers and layers tripled the bytes (docs/decisions/0017). The geometry is the one Recharts
 * drew before, so embeds, images and the dashboard look as they did. No hooks or browser APIs:
 * the dashboard hydrates it, the embeds and images render it to markup on the server.
 */
export function panelElement({
  id,
  panel,
  width,
  activeIndex = null,
  onActivate,
}: {
  id: string;
  panel: DrawnPanel;
  width: number;
  activeIndex?: number | null;
  onActivate?: (index: number) => void;
}) {
  const height = panelHeight(panel);
  const band = (height - PANEL_TOP) / Math.max(panel.bars.length, 1);
  // Recharts centres a fixed-size bar in its band, truncating to a whole pixel.
  const offset = Math.trunc((band - BAR_SIZE) / 2);
  const largest = Math.max(0, ...panel.bars.map((bar) => bar.value));
  return (
    <svg
      id={id}
      width={width}
      height={height}
      style={{ width: "100%", height: "100%" }}
      viewBox={`0 0 ${width} ${height}`}
    >
      <title>{panel.title}</title>
      {panel.bars.map((bar, index) => {
        const y = px(PANEL_TOP + index * band + offset);
        return (
          <g key={bar.figureId}>
            {/* The figure id lets the embeds' small script find each bar's figure. */}
            <rect
              x={0}
              y={y}
              width={Math.max(largest > 0 ? px((width - RIGHT) * (Math.max(bar.value, 0) / largest)) : 0, 1)}
              height={BAR_SIZE}
              fill={panel.color}
              className={index === activeIndex ? "chart-bar chart-bar-active" : "chart-bar"}
              data-figure-id={bar.figureId}
              onMouseEnter={onActivate ? () => onActivate(index) : undefined}
            />
            <text x={0} y={px(y - 6)} className="chart-bar-label">
              <tspan>{`${bar.label}: `}</tspan>
              <tspan fontWeight={700}>{bar.display}</tspan>
            </text>
          </g>
        );
      })}
    </svg>
  );
}
