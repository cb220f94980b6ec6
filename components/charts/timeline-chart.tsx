"use client";

import { Tooltip } from "recharts";
import type { DrawnTimeline } from "@/lib/charts/types";
import { DatumTooltip } from "./chart-tooltip";
import { FIRST_RENDER_WIDTH, TIMELINE_HEIGHT } from "@/lib/charts/geometry";
import { datumOf, timelineElement, type TimelineRow } from "./timeline-svg";
import { useContainerWidth } from "./use-container-width";

export function TimelineChart({ id, title, body }: { id: string; title: string; body: DrawnTimeline }) {
  const [ref, width, measured] = useContainerWidth(FIRST_RENDER_WIDTH.timeline);
  return (
    <div
      ref={ref}
      className="chart-box relative w-full"
      style={{ height: TIMELINE_HEIGHT }}
      data-interactive={measured || undefined}
    >
      {timelineElement({
        id,
        title,
        body,
        width,
        interactive: true,
        tooltip: (
          <Tooltip
            cursor={{ strokeDasharray: "2 2" }}
            content={({ payload }) => (
              <DatumTooltip
                data={(payload ?? []).flatMap((entry) => {
                  const datum = datumOf(entry.payload as TimelineRow, String(entry.dataKey));
                  return datum ? [datum] : [];
                })}
              />
            )}
          />
        ),
      })}
    </div>
  );
}
