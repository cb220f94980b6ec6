"use client";

import { CartesianGrid, Line, LineChart, ReferenceLine, Tooltip, XAxis, YAxis } from "recharts";
import type { ChartDatum, TimelineBody } from "@/lib/charts/types";
import { formatNumber } from "@/lib/format";
import { DatumTooltip } from "./chart-tooltip";
import { useContainerWidth } from "./use-container-width";

export const TIMELINE_HEIGHT = 340;
const SERVER_WIDTH = 720;

type Row = { time: number } & Record<string, number | ChartDatum>;

/** One row per reported date; a series without a report that day has no value there. */
function rowsOf(body: TimelineBody): Row[] {
  const rows: Row[] = [];
  for (const series of body.series) {
    for (const point of series.points) {
      const row = rows.find((candidate) => candidate.time === point.time && !(series.key in candidate));
      const datum = { [series.key]: point.value, [`${series.key}:datum`]: point };
      if (row) Object.assign(row, datum);
      else rows.push({ time: point.time, ...datum });
    }
  }
  return rows.sort((a, b) => a.time - b.time);
}

/** From the first report or ruling to the last, so that every marker is on the chart. */
function timeDomain(body: TimelineBody, rows: Row[]): [number, number] {
  const times = [...rows.map((row) => row.time), ...body.markers.map((marker) => marker.time)];
  return [Math.min(...times), Math.max(...times)];
}

function yearTicks([start, end]: [number, number]): number[] {
  const first = new Date(start).getUTCFullYear();
  const last = new Date(end).getUTCFullYear();
  return Array.from({ length: last - first + 1 }, (_, index) => Date.UTC(first + index, 0, 1)).filter(
    (tick) => tick >= start && tick <= end,
  );
}

export function TimelineChart({ id, title, body }: { id: string; title: string; body: TimelineBody }) {
  const [ref, width] = useContainerWidth(SERVER_WIDTH);
  const rows = rowsOf(body);
  const domain = timeDomain(body, rows);
  const narrow = width < 480;
  return (
    <div ref={ref} className="chart-box w-full" style={{ height: TIMELINE_HEIGHT }}>
      <LineChart
        id={id}
        width={width}
        height={TIMELINE_HEIGHT}
        data={rows}
        margin={{ top: 24, right: 16, bottom: 8, left: narrow ? 0 : 8 }}
        accessibilityLayer
        title={title}
      >
        <CartesianGrid vertical={false} className="chart-grid" />
        <XAxis
          dataKey="time"
          type="number"
          scale="time"
          domain={domain}
          ticks={yearTicks(domain)}
          tickFormatter={(time: number) => String(new Date(time).getUTCFullYear())}
        />
        <YAxis width={narrow ? 44 : 56} tickFormatter={(value: number) => formatNumber(value)} />
        {body.markers.map((marker, index) => (
          <ReferenceLine
            key={marker.id}
            x={marker.time}
            className="chart-marker"
            strokeDasharray="4 3"
            label={{ value: String(index + 1), position: "top", className: "chart-marker-label" }}
          />
        ))}
        {body.series.map((series) => (
          <Line
            key={series.key}
            dataKey={series.key}
            name={series.label}
            stroke={series.color}
            strokeWidth={2.5}
            dot={{ r: 4, fill: series.color, strokeWidth: 0 }}
            activeDot={{ r: 6 }}
            connectNulls
            isAnimationActive={false}
          />
        ))}
        <Tooltip
          cursor={{ strokeDasharray: "2 2" }}
          content={({ payload }) => (
            <DatumTooltip
              data={(payload ?? []).flatMap((entry) => {
                const datum = (entry.payload as Row)[`${String(entry.dataKey)}:datum`];
                return datum && typeof datum === "object" ? [datum] : [];
              })}
            />
          )}
        />
      </LineChart>
    </div>
  );
}
