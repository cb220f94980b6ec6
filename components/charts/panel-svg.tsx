import { Bar, BarChart, LabelList, XAxis, YAxis } from "recharts";
import type { BarPanel, ChartDatum } from "@/lib/charts/types";
import { BAR_SIZE, PANEL_TOP, ROW_HEIGHT, panelHeight } from "@/lib/charts/geometry";

function BarLabel(props: { x?: number | string; y?: number | string; index?: number; bars: ChartDatum[] }) {
  const bar = props.bars[props.index ?? 0];
  if (!bar) return null;
  return (
    <text x={Number(props.x)} y={Number(props.y) - 6} className="chart-bar-label">
      <tspan>{bar.label}: </tspan>
      <tspan fontWeight={700}>{bar.display}</tspan>
    </text>
  );
}

type ShapeProps = { x?: number; y?: number; width?: number; height?: number; index?: number };

/**
 * One bar panel as a Recharts element, without hooks or browser APIs: the dashboard hydrates
 * it, the embeds render it to markup on the server.
 */
export function panelElement({
  id,
  panel,
  width,
  activeIndex = null,
  onActivate,
}: {
  id: string;
  panel: BarPanel;
  width: number;
  activeIndex?: number | null;
  onActivate?: (index: number) => void;
}) {
  return (
    <BarChart
      id={id}
      layout="vertical"
      width={width}
      height={panelHeight(panel)}
      data={panel.bars}
      margin={{ top: PANEL_TOP, right: 8, bottom: 0, left: 0 }}
      barCategoryGap={ROW_HEIGHT - BAR_SIZE}
      title={panel.title}
    >
      <XAxis type="number" hide domain={[0, "dataMax"]} />
      <YAxis type="category" dataKey="label" hide />
      <Bar
        dataKey="value"
        barSize={BAR_SIZE}
        isAnimationActive={false}
        name={panel.title}
        onMouseEnter={onActivate ? (_, index) => onActivate(index) : undefined}
        shape={(props: unknown) => {
          const { x = 0, y = 0, width: barWidth = 0, height = 0, index = 0 } = props as ShapeProps;
          // The figure id lets the embeds' small script find each bar's figure.
          return (
            <rect
              x={x}
              y={y}
              width={Math.max(barWidth, 1)}
              height={height}
              fill={panel.color}
              className={index === activeIndex ? "chart-bar chart-bar-active" : "chart-bar"}
              data-figure-id={panel.bars[index]?.figureId}
            />
          );
        }}
      >
        <LabelList dataKey="value" content={<BarLabel bars={panel.bars} />} />
      </Bar>
    </BarChart>
  );
}
