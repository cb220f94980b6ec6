import { SourceLink } from "@/components/sources/source-link";
import type { ChartSpec } from "@/lib/charts/types";

/** The small source line under a chart, naming every source its figures come from. */
export function ChartSources({ chart }: { chart: ChartSpec }) {
  if (chart.sources.length === 0) return null;
  return (
    <p className="text-xs text-ink-muted dark:text-ink-inverse/75">
      {chart.sources.length === 1 ? "Source: " : "Sources: "}
      {chart.sources.map((source, index) => (
        <span key={source.id}>
          {index > 0 ? "; " : ""}
          <SourceLink source={source} />
        </span>
      ))}
    </p>
  );
}
