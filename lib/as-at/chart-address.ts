/**
 * `/charts/<chart>?at=…`, the chart as the record stood (docs/decisions/0021), is rendered by a
 * page of its own (app/charts/[slug]/as-at), where proxy.ts sends it: the chart's own page reads
 * no query, so Next keeps it whole and the live chart stays as fast as before.
 */

/**
 * Carries the address the reader asked for to the page's 404, which has no other way to read the
 * query: it says why that `at` cannot be shown and links to the live chart.
 */
export const CHART_AS_AT_ASKED_HEADER = "x-venetic-chart-as-at";

/** Where a chart's address is rendered: its own page, or its page as the record stood. */
export function chartAsAtTarget(pathname: string, at: string | null): string | null {
  // An empty `at` (the form sent with no day) is the live record.
  if (!at?.trim() || !/^\/charts\/[^/]+$/.test(pathname)) return null;
  return `${pathname}/as-at`;
}

/** The live chart and the `at` asked for, read back from the header; null when it is not one. */
export function readChartAsAtAsked(header: string | null): { live: string; at: string | null } | null {
  if (!header) return null;
  try {
    const asked = new URL(header, "http://localhost");
    if (!/^\/charts\/[^/]+$/.test(asked.pathname)) return null;
    return { live: asked.pathname, at: asked.searchParams.get("at") };
  } catch {
    return null;
  }
}
