import { SourceLink } from "@/components/sources/source-link";
import { sourcesLabel } from "@/lib/charts/source-line";
import type { ChartSpec } from "@/lib/charts/types";

/**
 * The small source line under a chart, naming every source its figures come from, each linked.
 * The embed and the images write the same line as text (lib/charts/source-line.ts).
 */
export function ChartSources({ chart }: { chart: ChartSpec }) {
  if (chart.sources.length === 0) return null;
  return (
    <p className="text-xs text-ink-muted dark:text-ink-inverse/75">
      {`${sourcesLabel(chart.sources.length)}: `}
      {chart.sources.map((source, index) => (
        <span key={source.id}>
          {index > 0 ? "; " : ""}
          <SourceLink source={source} />
        </span>
      ))}
    </p>
  );
}
