import { fetchAsAtDays, findAsAt, type AsAt } from "@/lib/as-at/read.server";
import type { ChartSpec } from "@/lib/charts/types";
import { citeChartAt, type CitationFound } from "@/lib/citations/read.server";
import { siteUrl } from "@/lib/site.server";
import { fetchChart, fetchChartAsAt, fetchLatestRevision } from "./charts.server";

/** Stands for any `at` that is neither a day nor a revision number (next.config.ts sends them all here). */
export const UNREADABLE_AT = "unreadable";

export type ChartPageData = {
  chart: ChartSpec;
  pinned: number;
  citation: CitationFound;
  asAt: AsAt | null;
  notice: string | null;
  days: { firstDay: string | null; today: string };
  site: string;
};

/**
 * What a chart's page shows: live (`at` null), or as the record stood. A day or revision the
 * record cannot show is said in a notice, and the live chart shown instead. Null: no such chart.
 */
export async function fetchChartPage(slug: string, at: string | null): Promise<ChartPageData | null> {
  const found =
    at === UNREADABLE_AT
      ? {
          ok: false as const,
          message:
            "The address asks for the record as at something that is neither a day (YYYY-MM-DD) nor a revision number.",
        }
      : await findAsAt(at);
  const asAt = found.ok ? found.asAt : null;
  const [chart, latestRevision, days] = await Promise.all([
    asAt ? fetchChartAsAt(slug, asAt.revision) : fetchChart(slug),
    fetchLatestRevision(),
    fetchAsAtDays(),
  ]);
  if (!chart) return null;
  // Pinned to the revision the embed's pinned code names, so both give one address for this
  // version; as it stood, to the revision shown.
  const pinned = asAt?.revision ?? latestRevision;
  return {
    chart,
    pinned,
    citation: await citeChartAt(chart, pinned),
    asAt,
    notice: found.ok ? null : `${found.message} Showing the live chart.`,
    days,
    site: siteUrl(),
  };
}
