import type { SourceSummary } from "@/lib/figures/view";
import { formatDate } from "@/lib/figures/format";

/** A source as a chart credits it: its publisher, and the day it published when known. */
export function sourceCredit(source: SourceSummary): string {
  return `${source.publisher}${source.publishedOn ? `, ${formatDate(source.publishedOn)}` : ""}`;
}

export function sourcesLabel(count: number): "Source" | "Sources" {
  return count === 1 ? "Source" : "Sources";
}

export type SourceLineOptions = {
  /** Say "(mirror)" after a source read from a copy of the original. */
  markMirrors?: boolean;
  /** Past this many characters, name the first two sources and send the reader to the chart's page. */
  maxLength?: number;
  /** "Source:" before any number of sources, as a news graphic's credit line reads. */
  singular?: boolean;
};

/**
 * The line under a chart, as text, for the embed and the images: "Sources: ITV News, 2 July 2020;
 * National Crime Agency, 9 June 2022." Empty when the chart draws no figure. The pages show the
 * same line with each source linked (components/charts/chart-sources.tsx).
 */
export function sourceLine(
  sources: SourceSummary[],
  { markMirrors = false, maxLength = Number.POSITIVE_INFINITY, singular = false }: SourceLineOptions = {},
): string {
  if (sources.length === 0) return "";
  const credits = sources.map(
    (source) => `${sourceCredit(source)}${markMirrors && source.copy === "mirror" ? " (mirror)" : ""}`,
  );
  const label = singular ? "Source" : sourcesLabel(credits.length);
  const whole = `${label}: ${credits.join("; ")}.`;
  if (whole.length <= maxLength || credits.length <= 2) return whole;
  return `${label}: ${credits.slice(0, 2).join("; ")} and ${credits.length - 2} more, listed on the chart's page.`;
}
