import { fetchRecordAsAt, fetchRecordWith } from "@/lib/as-at/read.server";
import type { RecordAsAt, ReplayedRevision } from "@/lib/as-at/replay";
import { buildChart } from "@/lib/charts/build";
import { chartDefinition } from "@/lib/charts/definition";
import type { ChartSpec } from "@/lib/charts/types";
import { fetchLatestRevision } from "@/lib/data/charts.server";
import { compareText } from "@/lib/data/order";
import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { selectHeadlines } from "@/lib/figures/headlines";
import type { FigureView } from "@/lib/figures/view";
import type { AgencyGroup } from "@/lib/data/agencies.server";
import { previewPagePath } from "./paths";
import { changedEntries, fetchListingRows, listingsOf, type Listings } from "./preview-listings.server";

/** A published chart as it is and as it would be with the held change. */
export type PreviewChart = {
  id: string;
  slug: string;
  title: string;
  /** Its place on the dashboard, or null when the dashboard does not show it. */
  dashboardOrder: number | null;
  drawn: ChartSpec;
  /** Whether the change alters its drawing, its words or its place. */
  changed: boolean;
};

/**
 * The public record with a held change applied, for the private previews of the pages it touches
 * (decision 0023): the record as it is, and with the change's writes (kept when it was checked)
 * replayed over it by the replay behind `?at=` (decision 0021).
 */
export type PublicPreview = {
  id: number;
  summary: string;
  writes: ReplayedRevision[];
  /** The record as it is. */
  now: RecordAsAt;
  /** The record with the change. */
  record: RecordAsAt;
  /** Every chart published with the change, in the dashboard's order, then by title. */
  charts: PreviewChart[];
  /** Whether the dashboard's figures or charts differ with the change. */
  dashboardChanged: boolean;
  /** The figures it writes, as readers will read them, and the ids of those it deletes. */
  figures: FigureView[];
  deletedFigures: string[];
  /**
   * A held correction: when it goes public (its time, or now for one that waits for approval) and
   * what it corrects, for the notice readers will see on the figures and the charts that draw them.
   */
  correction: HeldCorrection | null;
  /** The sources, agencies and rulings pages with the change. */
  listings: Listings;
  /** The entries of each of those pages that differ with the change, new and changed first, then those gone. */
  changedEntries: Record<keyof Listings, string[]>;
};

export type HeldCorrection = { at: Date; figureIds: Set<string>; chartIds: Set<string> };

/** A chart's row as the database holds it, or as a held change's write would leave it. */
type StoredChart = Parameters<typeof chartDefinition>[0] & {
  id: string;
  published: boolean;
  dashboardOrder: number | null;
};

/** The held change `id` applied over the public record, or null when there is no such change. */
export async function fetchPublicPreview(id: number): Promise<PublicPreview | null> {
  if (!Number.isSafeInteger(id) || id <= 0) return null;
  const held = await db.pendingChange.findUnique({
    where: { id },
    select: { id: true, summary: true, preview: true, changeKind: true, publishAt: true },
  });
  if (!held) return null;
  const writes = JSON.parse(held.preview) as ReplayedRevision[];
  const latestRevision = await fetchLatestRevision();
  const [now, record, stored, rows] = await Promise.all([
    fetchRecordAsAt(latestRevision),
    fetchRecordWith(writes),
    db.chart.findMany({ orderBy: { title: "asc" } }),
    fetchListingRows(),
  ]);
  const [listingsNow, listings] = [listingsOf(rows, now, []), listingsOf(rows, record, writes)];
  const agenciesOf = (groups: AgencyGroup[]) => groups.flatMap((group) => group.agencies);
  const before = new Map(chartsWith(stored, []).map((chart) => [chart.id, chart]));
  const charts = chartsWith(stored, writes).map((chart): PreviewChart => {
    const drawn = buildChart(chartDefinition(chart), record.figures, record.rulings);
    const was = before.get(chart.id);
    const drawnBefore = was ? buildChart(chartDefinition(was), now.figures, now.rulings) : null;
    return {
      id: chart.id,
      slug: chart.slug,
      title: chart.title,
      dashboardOrder: chart.dashboardOrder,
      drawn,
      changed: JSON.stringify([drawn, chart.dashboardOrder]) !== JSON.stringify([drawnBefore, was?.dashboardOrder]),
    };
  });
  // The dashboard as readers see it now and would with the change: its headline figures and charts.
  const dashboard = (figures: FigureView[], shown: { slug: string; drawn: ChartSpec | null }[]) =>
    JSON.stringify([selectHeadlines(figures), shown.map((chart) => [chart.slug, chart.drawn])]);
  const dashboardNow = [...before.values()]
    .filter((chart) => chart.dashboardOrder !== null)
    .map((chart) => ({ slug: chart.slug, drawn: buildChart(chartDefinition(chart), now.figures, now.rulings) }));
  // The ids of the records of one type that the change writes, in one way.
  const idsOf = (recordType: string, action: (write: ReplayedRevision) => boolean) =>
    new Set(writes.filter((write) => write.recordType === recordType && action(write)).map((write) => write.recordId));
  const figureWrites = idsOf("figure", (write) => write.action !== "delete");
  const updates = (write: ReplayedRevision) => write.action === "update";
  const correction =
    held.changeKind === "correction" && env().CORRECTION_NOTICE_DAYS > 0
      ? { at: held.publishAt ?? new Date(), figureIds: idsOf("figure", updates), chartIds: idsOf("chart", updates) }
      : null;
  return {
    id: held.id,
    summary: held.summary,
    writes,
    now,
    record,
    charts,
    dashboardChanged:
      dashboard(now.figures, dashboardNow) !==
      dashboard(
        record.figures,
        charts.filter((chart) => chart.dashboardOrder !== null),
      ),
    figures: record.figures.filter((figure) => figureWrites.has(figure.id)),
    deletedFigures: [...idsOf("figure", (write) => write.action === "delete")],
    correction,
    listings,
    changedEntries: {
      sources: changedEntries(listingsNow.sources, listings.sources),
      agencies: changedEntries(agenciesOf(listingsNow.agencies), agenciesOf(listings.agencies)),
      rulings: changedEntries(listingsNow.rulings, listings.rulings),
    },
  };
}

/**
 * The published charts with the held change's chart writes laid over the stored rows, in the
 * order the dashboard shows them (its place, then title), then the others by title.
 */
function chartsWith<T extends StoredChart>(stored: T[], writes: ReplayedRevision[]): StoredChart[] {
  const rows = new Map<string, StoredChart>(stored.map((chart) => [chart.id, chart]));
  for (const write of writes) {
    if (write.recordType !== "chart") continue;
    if (write.action === "delete" || write.after === null) rows.delete(write.recordId);
    else rows.set(write.recordId, JSON.parse(write.after) as StoredChart);
  }
  const place = (chart: StoredChart) => chart.dashboardOrder ?? Number.POSITIVE_INFINITY;
  return [...rows.values()]
    .filter((chart) => chart.published)
    .sort((a, b) => place(a) - place(b) || compareText(a.title, b.title));
}

/** A page or embed the held change touches, and the address of its private preview. */
export type TouchedPage = { family: string; label: string; publicPath: string; previewPath: string };

/** Every public page and embed the held change touches, each with its private preview. */
export function touchedPages(preview: PublicPreview): TouchedPage[] {
  const page = (family: string, label: string, publicPath: string): TouchedPage => ({
    family,
    label,
    publicPath,
    previewPath: previewPagePath(preview.id, publicPath),
  });
  const changedCharts = preview.charts.filter((chart) => chart.changed);
  return [
    ...(preview.dashboardChanged ? [page("dashboard", "The overview", "/")] : []),
    ...changedCharts.map((chart) => page("chart", `The chart “${chart.title}”`, `/charts/${chart.slug}`)),
    ...changedCharts.map((chart) => page("embed", `The embed of “${chart.title}”`, `/embed/${chart.slug}`)),
    ...preview.figures.map((figure) =>
      page("figure-card", `The card of figure ${figure.id}`, `/embed/figure/${figure.id}`),
    ),
    ...(preview.figures.length || preview.deletedFigures.length
      ? [page("figures", "Its rows in the table of all figures", "/figures")]
      : []),
    ...LISTING_PAGES.flatMap(({ family, label }) => {
      const changed = preview.changedEntries[family];
      if (!changed.length) return [];
      const found = page(family, label, `/${family}`);
      // At the first entry it changes, where the public page's own anchor is.
      const first = changed.find((id) => entriesOf(preview.listings, family).some((entry) => entry.id === id));
      return [first ? { ...found, previewPath: `${found.previewPath}#${encodeURIComponent(first)}` } : found];
    }),
  ];
}

const LISTING_PAGES = [
  { family: "sources", label: "The sources page" },
  { family: "agencies", label: "The agencies page" },
  { family: "rulings", label: "The court rulings page" },
] as const;

function entriesOf(listings: Listings, family: keyof Listings): { id: string }[] {
  return family === "agencies" ? listings.agencies.flatMap((group) => group.agencies) : listings[family];
}

/** Whether the held change alters the sources, agencies or rulings page. */
export function touchesListing(preview: PublicPreview, family: keyof Listings): boolean {
  return preview.changedEntries[family].length > 0;
}

/** The chart the preview draws at `slug`, when the held change alters it. */
export function previewChart(preview: PublicPreview, slug: string): PreviewChart | null {
  return preview.charts.find((chart) => chart.slug === slug && chart.changed) ?? null;
}

/** The figure the held change writes, as readers will read it. */
export function previewFigure(preview: PublicPreview, id: string): FigureView | null {
  return preview.figures.find((figure) => figure.id === id) ?? null;
}
