"use client";

import { useState, type KeyboardEvent } from "react";
import { Bar, BarChart, Cell, LabelList, XAxis, YAxis } from "recharts";
import type { BarPanel, ChartDatum, PanelsBody } from "@/lib/charts/types";
import { DatumTooltip } from "./chart-tooltip";
import { useContainerWidth } from "./use-container-width";

const ROW_HEIGHT = 46;
const BAR_SIZE = 16;
const TOP = 22;

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

/** Which bar the arrow keys lead to from `current`; null when the key is not for us. */
function nextIndex(key: string, current: number, count: number): number | null {
  switch (key) {
    case "ArrowDown":
    case "ArrowRight":
      return Math.min(current + 1, count - 1);
    case "ArrowUp":
    case "ArrowLeft":
      return Math.max(current - 1, 0);
    case "Home":
      return 0;
    case "End":
      return count - 1;
    default:
      return null;
  }
}

function Panel({ id, panel, serverWidth, showTitle }: { id: string; panel: BarPanel; serverWidth: number; showTitle: boolean }) {
  const [ref, width] = useContainerWidth(serverWidth);
  // Recharts' own keyboard support only covers charts laid out left to right, so bar charts
  // keep their own "active bar", shared by the mouse and the keyboard.
  const [active, setActive] = useState<number | null>(null);
  const height = panelHeight(panel);
  const chartId = `${id}-${panel.key}`;
  const activeBar = active === null ? undefined : panel.bars[active];

  function onKeyDown(event: KeyboardEvent) {
    const next = nextIndex(event.key, active ?? -1, panel.bars.length);
    if (next === null) return;
    event.preventDefault();
    setActive(next);
  }

  return (
    <div>
      {showTitle ? <h3 className="mb-1 text-sm font-semibold">{panel.title}</h3> : null}
      <div
        ref={ref}
        className="chart-box relative w-full"
        style={{ height }}
        tabIndex={0}
        role="group"
        aria-label={`${panel.title}: ${panel.bars.length} bar${panel.bars.length === 1 ? "" : "s"}. Use the arrow keys to read each one.`}
        onKeyDown={onKeyDown}
        onFocus={() => setActive((current) => current ?? 0)}
        onBlur={() => setActive(null)}
        onMouseLeave={() => setActive(null)}
      >
        <BarChart
          id={chartId}
          layout="vertical"
          width={width}
          height={height}
          data={panel.bars}
          margin={{ top: TOP, right: 8, bottom: 0, left: 0 }}
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
            onMouseEnter={(_, index) => setActive(index)}
          >
            {panel.bars.map((bar, index) => (
              <Cell
                key={bar.figureId}
                fill={panel.color}
                className={index === active ? "chart-bar-active" : undefined}
              />
            ))}
            <LabelList dataKey="value" content={<BarLabel bars={panel.bars} />} />
          </Bar>
        </BarChart>
        {activeBar && active !== null ? (
          <div
            className="pointer-events-none absolute right-0 z-10"
            style={{ top: TOP + (active + 1) * ROW_HEIGHT - BAR_SIZE }}
          >
            <DatumTooltip data={[activeBar]} />
          </div>
        ) : null}
      </div>
      <p className="sr-only" aria-live="polite" data-testid={`${chartId}-active`}>
        {activeBar ? `${activeBar.label}: ${activeBar.display}, ${activeBar.asOfDisplay}, ${activeBar.sourceName}` : ""}
      </p>
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
