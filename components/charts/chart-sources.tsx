import Link from "next/link";
import { SourceLink } from "@/components/sources/source-link";
import { sourcesLabel } from "@/lib/charts/source-line";
import type { ChartSpec } from "@/lib/charts/types";

/**
 * The small source line under a chart, naming the sources its figures come from, each linked.
 * With `limit`, the overview names that many and sends the reader to the chart's page for the
 * rest, as the embed and the images do in text (lib/charts/source-line.ts).
 */
export function ChartSources({ chart, limit = Number.POSITIVE_INFINITY }: { chart: ChartSpec; limit?: number }) {
  if (chart.sources.length === 0) return null;
  const named = chart.sources.slice(0, chart.sources.length > limit ? limit : undefined);
  const more = chart.sources.length - named.length;
  return (
    <p className="text-xs text-ink-muted dark:text-ink-inverse/75">
      {`${sourcesLabel(chart.sources.length)}: `}
      {named.map((source, index) => (
        <span key={source.id}>
          {index > 0 ? "; " : ""}
          <SourceLink source={source} />
        </span>
      ))}
      {more > 0 ? (
        <>
          {" and "}
          <Link href={`/charts/${chart.slug}#sources`}>
            {more} more<span className="sr-only"> sources of {chart.title}</span>
          </Link>
        </>
      ) : null}
    </p>
  );
}
