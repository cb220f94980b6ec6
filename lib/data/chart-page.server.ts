import { fetchAsAtDays, findAsAt, type AsAt } from "@/lib/as-at/read.server";
import type { ChartSpec } from "@/lib/charts/types";
import { citeChartAt, type CitationFound } from "@/lib/citations/read.server";
import { fetchChartNotice, type CorrectionNotice } from "@/lib/corrections/pages.server";
import { siteUrl } from "@/lib/site.server";
import { fetchChart, fetchChartAsAt, fetchLatestRevision } from "./charts.server";

export type ChartPageView = {
  chart: ChartSpec;
  /**
   * The revision the embed's pinned code and the citation name: the newest, or the one shown; null
   * in a held change's preview, whose revision is not made until it is published.
   */
  pinned: number | null;
  citation: CitationFound;
  /** The record as it stood, or null for the live record. */
  asAt: AsAt | null;
  /** The chart's correction notice: live only, as a pinned embed shows none (decision 0020). */
  notice: CorrectionNotice | null;
  days: { firstDay: string | null; today: string };
  site: string;
};

export type ChartPageFound =
  | { ok: true; view: ChartPageView }
  | { ok: false; reason: "no-chart" }
  | { ok: false; reason: "no-record-then"; message: string };

/**
 * What a chart's page shows: live (`at` null), or as the record stood at a day or revision
 * (`?at=`, docs/decisions/0021). Refused, with the sentence that says why, when `at` is not one
 * the record can show; never thrown.
 */
export async function fetchChartPage(slug: string, at: string | null): Promise<ChartPageFound> {
  const found = await findAsAt(at);
  if (!found.ok) return { ok: false, reason: "no-record-then", message: found.message };
  const { asAt } = found;
  const [chart, latestRevision, days, notice] = await Promise.all([
    asAt ? fetchChartAsAt(slug, asAt.revision) : fetchChart(slug),
    fetchLatestRevision(),
    fetchAsAtDays(),
    asAt ? null : fetchChartNotice(slug),
  ]);
  if (!chart) return { ok: false, reason: "no-chart" };
  // Pinned to the revision the embed's pinned code names, so both give one address for this
  // version; as it stood, to the revision shown.
  return {
    ok: true,
    view: await chartPageView(chart, { asAt, notice, pinned: asAt?.revision ?? latestRevision, days }),
  };
}

const NOT_CITABLE_YET: CitationFound = {
  ok: false,
  message: "A citation names a revision of the record: this change has none until it is published.",
};

/**
 * A chart's page from a chart already drawn: the live or past record's, or a held change's
 * private preview's (decision 0023), which draws it from the record with the change.
 */
export async function chartPageView(
  chart: ChartSpec,
  shown: Pick<ChartPageView, "asAt" | "notice" | "pinned"> & { days?: ChartPageView["days"] },
): Promise<ChartPageView> {
  const [citation, days] = await Promise.all([
    shown.pinned === null ? NOT_CITABLE_YET : citeChartAt(chart, shown.pinned),
    shown.days ?? fetchAsAtDays(),
  ]);
  return { chart, ...shown, citation, days, site: siteUrl() };
}
