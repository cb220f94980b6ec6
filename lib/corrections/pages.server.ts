import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { fetchChart } from "@/lib/data/charts.server";
import { figureAsRecorded } from "@/lib/figures/at-revision";
import type { FigureView } from "@/lib/figures/view";
import type { ChartSpec } from "@/lib/charts/types";
import { siteUrl } from "@/lib/site.server";
import { atomFeed, type AtomFeedName } from "./atom";
import { parseCorrectionsQuery, type CorrectionsQuery } from "./query";
import { correctionNotice, historyPath, type PublicChange } from "./public-history";
import {
  chartFigureIds,
  chartHistory,
  figureCorrectedAt,
  figureHistory,
  listCorrections,
  listNewFigures,
  noticedCorrection,
} from "./read.server";

/** What the public pages, embeds, images and feeds read of the history, from the app's database. */

/** A corrected record's notice: its words and where its history is. */
export type CorrectionNotice = { text: string; at: string; historyPath: string };

/** The notice of a correction made (or, in a held change's preview, to be made) at `at`. */
export function noticeAt(at: Date | null, path: string): CorrectionNotice | null {
  return at ? { text: correctionNotice(at), at: at.toISOString(), historyPath: path } : null;
}

const noticeDays = () => env().CORRECTION_NOTICE_DAYS;

/** Published charts' addresses by id: a draft's changes are not told, having no public address. */
async function publishedChartSlugs(): Promise<Map<string, string>> {
  const charts = await db.chart.findMany({ where: { published: true }, select: { id: true, slug: true } });
  return new Map(charts.map((chart) => [chart.id, chart.slug]));
}

function withoutDrafts(changes: PublicChange[], slugs: Map<string, string>): PublicChange[] {
  return changes.filter((change) => change.recordType !== "chart" || slugs.has(change.recordId));
}

export async function fetchFigureNotice(figureId: string, now = new Date()): Promise<CorrectionNotice | null> {
  return noticeAt(await figureCorrectedAt(db, figureId, now, noticeDays()), historyPath("figure", figureId));
}

export type FigureHistoryPage = { figure: FigureView; history: PublicChange[]; notice: CorrectionNotice | null };

export async function fetchFigureHistoryPage(figureId: string, now = new Date()): Promise<FigureHistoryPage | null> {
  const recorded = await figureAsRecorded(db, figureId, null);
  if (!recorded.ok) return null;
  const history = await figureHistory(db, figureId);
  const at = noticedCorrection(history, now, noticeDays());
  return { figure: recorded.figure, history, notice: noticeAt(at, historyPath("figure", figureId)) };
}

export type ChartHistoryPage = { chart: ChartSpec; history: PublicChange[]; notice: CorrectionNotice | null };

/** A published chart's history and notice; null for a chart readers cannot see. */
export async function fetchChartHistoryPage(slug: string, now = new Date()): Promise<ChartHistoryPage | null> {
  const [chart, stored] = await Promise.all([
    fetchChart(slug),
    db.chart.findFirst({ where: { slug, published: true }, select: { id: true } }),
  ]);
  if (!chart || !stored) return null;
  const history = await chartHistory(db, stored.id, chartFigureIds(chart));
  const at = noticedCorrection(history, now, noticeDays());
  return { chart, history, notice: noticeAt(at, historyPath("chart", stored.id, slug)) };
}

/** A chart's notice, for its page, its embed and its images. */
export async function fetchChartNotice(slug: string, now = new Date()): Promise<CorrectionNotice | null> {
  if (noticeDays() <= 0) return null;
  return (await fetchChartHistoryPage(slug, now))?.notice ?? null;
}

export type CorrectionsPage = {
  query: CorrectionsQuery;
  problems: string[];
  corrections: PublicChange[];
  chartSlugs: Map<string, string>;
  /** The filter's choices: published charts, and the figures corrections name. */
  charts: { slug: string; title: string }[];
  figures: { id: string; label: string }[];
};

export async function fetchCorrectionsPage(
  params: Record<string, string | string[] | undefined>,
): Promise<CorrectionsPage> {
  const { query, problems } = parseCorrectionsQuery(params);
  const [slugs, charts, corrected] = await Promise.all([
    publishedChartSlugs(),
    db.chart.findMany({
      where: { published: true },
      select: { id: true, slug: true, title: true },
      orderBy: { title: "asc" },
    }),
    db.revision.findMany({
      where: { recordType: "figure", kind: "correction" },
      select: { recordId: true },
      distinct: ["recordId"],
    }),
  ]);
  let chartFigures: { chartId: string; figureIds: string[] } | null = null;
  if (query.chart) {
    const chart = charts.find((one) => one.slug === query.chart);
    const drawn = chart ? await fetchChart(chart.slug) : null;
    if (chart && drawn) chartFigures = { chartId: chart.id, figureIds: chartFigureIds(drawn) };
    else {
      problems.push(`There is no chart “${query.chart}”, so corrections of every chart are shown.`);
      query.chart = null;
    }
  }
  const corrections = withoutDrafts(await listCorrections(db, query, chartFigures), slugs);
  const figures = await db.figure.findMany({
    where: { id: { in: corrected.map((row) => row.recordId) } },
    select: { id: true, label: true },
    orderBy: { label: "asc" },
  });
  return {
    query,
    problems,
    corrections,
    chartSlugs: slugs,
    charts: charts.map(({ slug, title }) => ({ slug, title })),
    figures,
  };
}

/** A feed's XML, as served at its address. */
export async function fetchAtomFeed(feed: AtomFeedName): Promise<string> {
  const slugs = await publishedChartSlugs();
  const changes =
    feed === "corrections"
      ? withoutDrafts(await listCorrections(db, { figure: null, chart: null, from: null, to: null }, null), slugs)
      : await listNewFigures(db);
  return atomFeed(feed, siteUrl(), changes, slugs);
}
