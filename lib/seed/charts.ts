import { chartDefinition, type ChartDefinition } from "@/lib/charts/definition";

/**
 * The dashboard's first five charts, as the seed writes them into the Chart table (ids are their
 * slugs). Once seeded they are records like any other: editors change, reorder or unpublish them
 * in the admin, and the seed never writes them again (lib/seed/seed.server.ts).
 */
export const SEEDED_CHARTS = [
  {
    id: "uk-totals",
    slug: "uk-totals",
    title: "How the UK totals grew, report by report",
    notes: [
      "Each point is one report. Dates known only to the month or the year are drawn mid-period.",
      "Vertical lines mark court rulings on whether the EncroChat evidence could be used.",
    ].join("\n"),
    type: "timeline",
    metrics: "arrested,charged,convicted",
    areas: "uk",
    groupBy: "metric",
    markRulings: true,
  },
  {
    id: "justice-funnel",
    slug: "justice-funnel",
    title: "From arrest to conviction in the UK",
    notes: "The latest report that gives arrests, charges and convictions on the same date.",
    type: "funnel",
    metrics: "arrested,charged,convicted",
    areas: "uk",
  },
  {
    id: "uk-seizures",
    slug: "uk-seizures",
    title: "What was seized in the UK, first and latest",
    notes: "Each category has its own scale: the figures are in different units.",
    type: "first-latest",
    // Every kind of seizure; these lead, in the order readers look for them, and the rest follow by name.
    metrics: "cash,drugs-class-a,drugs-class-a-and-b,cannabis,firearms,ammunition",
    kinds: "seizure",
    areas: "uk",
    groupBy: "metric",
  },
  {
    id: "arrests-by-region",
    slug: "arrests-by-region",
    title: "Arrests by police force and regional unit",
    notes: "Forces and units reported at different dates; each bar gives its own.",
    type: "by-area",
    metrics: "arrested",
    areas: "uk-forces",
    sort: "value-desc",
    barLabel: "area-date",
  },
  {
    id: "worldwide",
    slug: "worldwide",
    title: "Worldwide results reported by Europol and Eurojust",
    notes: "Accumulated figures from every participating country. Each unit has its own scale.",
    type: "panels",
    areas: "worldwide",
    pick: "latest-month",
    groupBy: "unit",
    sort: "value-desc",
    barLabel: "metric",
  },
].map((chart, index) => ({ ...chart, published: true, dashboardOrder: index + 1 }));

/** A seeded chart as build.ts draws it: for tests that draw the dashboard's charts without a database. */
export function seededChartDefinition(slug: string): ChartDefinition {
  const chart = SEEDED_CHARTS.find((candidate) => candidate.slug === slug);
  if (!chart) throw new Error(`No seeded chart "${slug}".`);
  return chartDefinition(chart);
}
