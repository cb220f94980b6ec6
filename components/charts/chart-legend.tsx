import type { ChartSpec } from "@/lib/charts/types";

/** Names each line beside its colour; the colours are also told apart by the table and labels. */
export function ChartLegend({ chart }: { chart: ChartSpec }) {
  if (chart.body.type !== "timeline") return null;
  return (
    <ul className="mb-2 flex flex-wrap gap-x-4 gap-y-1 text-sm" aria-label="Lines on the chart">
      {chart.body.series.map((series) => (
        <li key={series.key} className="flex items-center gap-1.5">
          <span aria-hidden="true" className="inline-block h-1 w-4 rounded" style={{ backgroundColor: series.color }} />
          {series.label}
        </li>
      ))}
    </ul>
  );
}
