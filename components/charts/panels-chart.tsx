"use client";

import { Bar, BarChart, Cell, LabelList, Tooltip, XAxis, YAxis } from "recharts";
import type { BarPanel, ChartDatum, PanelsBody } from "@/lib/charts/types";
import { DatumTooltip } from "./chart-tooltip";
import { useContainerWidth } from "./use-container-width";

const ROW_HEIGHT = 46;
const BAR_SIZE = 16;

/** A panel's height depends only on its number of bars, so its space is reserved exactly. */
export function panelHeight(panel: BarPanel): number {
  return panel.bars.length * ROW_HEIGHT + 8;
}

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

function Panel({ id, panel, serverWidth, showTitle }: { id: string; panel: BarPanel; serverWidth: number; showTitle: boolean }) {
  const [ref, width] = useContainerWidth(serverWidth);
  const height = panelHeight(panel);
  return (
    <div>
      {showTitle ? <h3 className="mb-1 text-sm font-semibold">{panel.title}</h3> : null}
      <div ref={ref} className="chart-box w-full" style={{ height }}>
        <BarChart
          id={`${id}-${panel.key}`}
          layout="vertical"
          width={width}
          height={height}
          data={panel.bars}
          margin={{ top: 22, right: 8, bottom: 0, left: 0 }}
          barCategoryGap={ROW_HEIGHT - BAR_SIZE}
          accessibilityLayer
          title={panel.title}
        >
          <XAxis type="number" hide domain={[0, "dataMax"]} />
          <YAxis type="category" dataKey="label" hide />
          <Bar dataKey="value" barSize={BAR_SIZE} isAnimationActive={false} name={panel.title}>
            {panel.bars.map((bar) => (
              <Cell key={bar.figureId} fill={panel.color} />
            ))}
            <LabelList dataKey="value" content={<BarLabel bars={panel.bars} />} />
          </Bar>
          <Tooltip
            cursor={{ className: "chart-cursor" }}
            content={({ payload }) => (
              <DatumTooltip data={(payload ?? []).map((entry) => entry.payload as ChartDatum)} />
            )}
          />
        </BarChart>
      </div>
    </div>
  );
}

export function PanelsChart({ id, body }: { id: string; body: PanelsBody }) {
  const single = body.panels.length === 1;
  return (
    <div className={single ? "" : "grid gap-x-8 gap-y-6 sm:grid-cols-2"}>
      {body.panels.map((panel) => (
        <Panel key={panel.key} id={id} panel={panel} serverWidth={single ? 720 : 340} showTitle={!single} />
      ))}
    </div>
  );
}
