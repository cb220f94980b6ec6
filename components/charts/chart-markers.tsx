import type { ChartSpec } from "@/lib/charts/types";

/** The key to the numbered court-ruling lines on a timeline. */
export function ChartMarkers({ chart }: { chart: ChartSpec }) {
  if (chart.body.type !== "timeline" || chart.body.markers.length === 0) return null;
  return (
    <ol
      className="mt-2 space-y-0.5 text-xs text-ink-muted dark:text-ink-inverse/75"
      aria-label="Court rulings marked on the chart"
    >
      {chart.body.markers.map((marker, index) => (
        <li key={marker.id}>
          <span className="font-semibold">{index + 1}</span> <time dateTime={marker.date}>{marker.dateDisplay}</time>:{" "}
          {marker.label}, {marker.detail}
        </li>
      ))}
    </ol>
  );
}
