import type { ReactNode } from "react";
import { CartesianGrid, Line, LineChart, ReferenceLine, XAxis, YAxis } from "recharts";
import type { DrawnDatum, DrawnTimeline } from "@/lib/charts/types";
import { formatAxisNumber } from "@/lib/figures/format";
import { TIMELINE_HEIGHT } from "@/lib/charts/geometry";

export type TimelineRow = { time: number } & Record<string, number | DrawnDatum>;

/** One row per reported date; a series without a report that day has no value there. */
export function timelineRows(body: DrawnTimeline): TimelineRow[] {
  const rows: TimelineRow[] = [];
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

export function datumOf(row: TimelineRow, seriesKey: string): DrawnDatum | null {
  const datum = row[`${seriesKey}:datum`];
  return datum && typeof datum === "object" ? datum : null;
}

/** From the first report or ruling to the last, so that every marker is on the chart. */
function timeDomain(body: DrawnTimeline, rows: TimelineRow[]): [number, number] {
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

type DotProps = { cx?: number; cy?: number; payload?: TimelineRow; index?: number };

/**
 * The timeline as a Recharts element, without hooks or browser APIs, so the same drawing serves
 * the dashboard (hydrated, with a tooltip) and the embeds (rendered to markup on the server).
 */
export function timelineElement({
  id,
  title,
  body,
  width,
  interactive = false,
  tooltip,
}: {
  id: string;
  title: string;
  body: DrawnTimeline;
  width: number;
  interactive?: boolean;
  tooltip?: ReactNode;
}) {
  const rows = timelineRows(body);
  const domain = timeDomain(body, rows);
  const narrow = width < 480;
  return (
    <LineChart
      id={id}
      width={width}
      height={TIMELINE_HEIGHT}
      data={rows}
      margin={{ top: 24, right: 16, bottom: 8, left: narrow ? 0 : 8 }}
      accessibilityLayer={interactive}
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
      <YAxis width={narrow ? 44 : 56} tickFormatter={(value: number) => formatAxisNumber(value)} />
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
          dot={({ cx, cy, payload, index }: DotProps) => {
            const datum = payload ? datumOf(payload, series.key) : null;
            if (cx === undefined || cy === undefined || !datum) return <g key={`${series.key}-${index}`} />;
            // The figure id lets the embeds' small script find each point's figure.
            return (
              <circle
                key={`${series.key}-${index}`}
                cx={cx}
                cy={cy}
                r={4}
                fill={series.color}
                className="chart-dot"
                data-figure-id={datum.figureId}
              />
            );
          }}
          activeDot={{ r: 6 }}
          connectNulls
          isAnimationActive={false}
        />
      ))}
      {tooltip}
    </LineChart>
  );
}
