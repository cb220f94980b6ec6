/** The dashboard's charts: their addresses, titles and standing notes. The data is built in build.ts. */
export const CHARTS = {
  "uk-totals": {
    title: "How the UK totals grew, report by report",
    notes: [
      "Each point is one report. Dates known only to the month or the year are drawn mid-period.",
      "Vertical lines mark court rulings on whether the EncroChat evidence could be used.",
    ],
  },
  "justice-funnel": {
    title: "From arrest to conviction in the UK",
    notes: ["The latest report that gives arrests, charges and convictions on the same date."],
  },
  "uk-seizures": {
    title: "What was seized in the UK, first and latest",
    notes: ["Each category has its own scale: the figures are in different units."],
  },
  "arrests-by-region": {
    title: "Arrests by police force and regional unit",
    notes: ["Forces and units reported at different dates; each bar gives its own."],
  },
  worldwide: {
    title: "Worldwide results reported by Europol and Eurojust",
    notes: ["Accumulated figures from every participating country. Each unit has its own scale."],
  },
} as const satisfies Record<string, { title: string; notes: readonly string[] }>;

export type ChartSlug = keyof typeof CHARTS;

export const CHART_SLUGS = Object.keys(CHARTS) as ChartSlug[];

export function isChartSlug(value: string): value is ChartSlug {
  return Object.hasOwn(CHARTS, value);
}
