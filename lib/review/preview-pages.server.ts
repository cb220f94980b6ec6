import { chartPageView, type ChartPageView } from "@/lib/data/chart-page.server";
import { fetchChartNotice, fetchFigureNotice, noticeAt, type CorrectionNotice } from "@/lib/corrections/pages.server";
import { historyPath } from "@/lib/corrections/public-history";
import { chartFigureIds } from "@/lib/corrections/read.server";
import { chartEmbedDocument } from "@/lib/embed/chart-embed.server";
import { parseEmbedParams } from "@/lib/embed/params";
import { plainRefusal } from "@/lib/embed/refusal";
import { figureCard, isFigureId } from "@/lib/figures/card";
import { selectHeadlines, type Headlines } from "@/lib/figures/headlines";
import { fetchTableRowsIn, type FigureTableRow } from "@/lib/figures/read.server";
import type { ChartSpec } from "@/lib/charts/types";
import type { RenderedEmbed } from "@/lib/render/renderer.server";
import { chartRenderer } from "@/lib/render/renderer.server";
import { embedHeaders } from "@/lib/security-headers";
import { siteUrl } from "@/lib/site.server";
import { previewPagePath } from "./paths";
import type { Listings } from "./preview-listings.server";
import {
  fetchPublicPreview,
  previewChart,
  previewFigure,
  touchesListing,
  type PreviewChart,
  type PublicPreview,
} from "./public-preview.server";

/**
 * What each private preview of a public page shows with a held change (decision 0023): the public
 * page's own data shaping, fed the record with the change (./public-preview.server.ts) instead of
 * the database. Null, or a 404, when there is no such held change or it does not touch the page.
 */

/** Where a preview's links lead: to the preview of the page linked, when the change touches it. */
function previewHref(preview: PublicPreview, publicPath: string, touched: boolean): string {
  return touched ? previewPagePath(preview.id, publicPath) : publicPath;
}

/**
 * A chart's notice with the held change: the one a held correction of the chart, or of a figure it
 * draws, will give it; otherwise the one it has.
 */
async function chartNotice(preview: PublicPreview, chart: PreviewChart): Promise<CorrectionNotice | null> {
  const held = preview.correction;
  const corrects =
    held && (held.chartIds.has(chart.id) || chartFigureIds(chart.drawn).some((id) => held.figureIds.has(id)));
  return corrects ? noticeAt(held.at, historyPath("chart", chart.id, chart.slug)) : fetchChartNotice(chart.slug);
}

async function figureNotice(preview: PublicPreview, figureId: string): Promise<CorrectionNotice | null> {
  const held = preview.correction;
  return held?.figureIds.has(figureId)
    ? noticeAt(held.at, historyPath("figure", figureId))
    : fetchFigureNotice(figureId);
}

export async function fetchPreviewedOverview(
  id: number,
): Promise<{ preview: PublicPreview; headlines: Headlines; charts: ChartSpec[] } | null> {
  const preview = await fetchPublicPreview(id);
  if (!preview?.dashboardChanged) return null;
  return {
    preview,
    headlines: selectHeadlines(preview.record.figures),
    charts: preview.charts.filter((chart) => chart.dashboardOrder !== null).map((chart) => chart.drawn),
  };
}

export async function fetchPreviewedChartPage(
  id: number,
  slug: string,
): Promise<{ preview: PublicPreview; view: ChartPageView; overviewHref: string; embedHref: string } | null> {
  const preview = await fetchPublicPreview(id);
  const chart = preview && previewChart(preview, slug);
  if (!preview || !chart) return null;
  const view = await chartPageView(chart.drawn, {
    asAt: null,
    notice: await chartNotice(preview, chart),
    pinned: null,
  });
  return {
    preview,
    view,
    overviewHref: previewHref(preview, "/", preview.dashboardChanged),
    embedHref: previewPagePath(preview.id, `/embed/${slug}`),
  };
}

/** The figures it writes as the table of all figures shows their rows, and those it deletes. */
export async function fetchPreviewedFigureRows(
  id: number,
): Promise<{ preview: PublicPreview; rows: FigureTableRow[]; deleted: string[] } | null> {
  const preview = await fetchPublicPreview(id);
  if (!preview || (!preview.figures.length && !preview.deletedFigures.length)) return null;
  // As the live table does, with the correction notices of figures corrected before and by it.
  const held = preview.correction;
  const correcting = new Map([...(held?.figureIds ?? [])].map((figureId) => [figureId, held!.at]));
  const rows = await fetchTableRowsIn(preview.record, preview.figures, correcting);
  return { preview, rows, deleted: preview.deletedFigures };
}

/** The sources, agencies or rulings page with the held change, when it alters it. */
export async function fetchPreviewedListing(
  id: number,
  family: keyof Listings,
): Promise<{ preview: PublicPreview; listings: Listings } | null> {
  const preview = await fetchPublicPreview(id);
  if (!preview || !touchesListing(preview, family)) return null;
  return { preview, listings: preview.listings };
}

const NOT_TOUCHED = "There is no held change with this number, or it does not change this embed.";

/** `/embed/<chart>` with the held change, as the public embed's renderer draws it. */
export async function previewChartEmbed(id: number, slug: string, search: URLSearchParams): Promise<Response> {
  const parsed = parseEmbedParams(search);
  if (!parsed.ok) return plainRefusal(parsed.message, 400, embedHeaders([], "'none'"));
  if (parsed.params.revision !== null) return plainRefusal(PINNED, 400, embedHeaders([], "'none'"));
  const preview = await fetchPublicPreview(id);
  const chart = preview && previewChart(preview, slug);
  if (!preview || !chart) return plainRefusal(NOT_TOUCHED, 404, embedHeaders([], "'none'"));
  const chartUrl = `${siteUrl()}${previewPagePath(preview.id, `/charts/${slug}`)}`;
  const notice = await chartNotice(preview, chart);
  return previewResponse(preview, chartEmbedDocument(chart.drawn, notice, parsed.params, chartUrl));
}

/** `/embed/figure/<figure>` with the held change: the card of a figure it writes. */
export async function previewFigureCard(id: number, figureId: string, search: URLSearchParams): Promise<Response> {
  const parsed = parseEmbedParams(search);
  if (!parsed.ok) return plainRefusal(parsed.message, 400, embedHeaders([], "'none'"));
  if (parsed.params.revision !== null) return plainRefusal(PINNED, 400, embedHeaders([], "'none'"));
  const preview = isFigureId(figureId) ? await fetchPublicPreview(id) : null;
  const figure = preview && previewFigure(preview, figureId);
  if (!preview || !figure) return plainRefusal(NOT_TOUCHED, 404, embedHeaders([], "'none'"));
  const card = figureCard(figure, null, siteUrl(), await figureNotice(preview, figureId));
  const recordUrl = `${siteUrl()}${previewPagePath(preview.id, "/figures")}`;
  return previewResponse(
    preview,
    chartRenderer().figureCardDocument({ card: { ...card, recordUrl }, theme: parsed.params.theme }),
  );
}

const PINNED = "A preview shows the embed with the held change; a pinned embed (v=) shows a revision already made.";

/**
 * The embed's own document with the preview's banner at its top: it is opened on its own (an
 * admin page may not be framed), so it must say it is not public as every other preview does.
 */
function previewResponse(preview: PublicPreview, embed: RenderedEmbed): Response {
  return new Response(withPreviewBanner(embed.html, preview.id), {
    headers: { ...embedHeaders(embed.scriptHashes, "'none'"), "Content-Type": "text/html; charset=utf-8" },
  });
}

/** The banner, after the document's opening body tag; and a robots meta tag in its head. */
export function withPreviewBanner(html: string, id: number): string {
  const banner =
    `<p role="status" style="margin:0 0 8px;padding:8px;border-left:4px solid #b3261e;background:#fdecea;color:#1a1a1a;font:600 14px/1.4 system-ui,sans-serif">` +
    `Private preview of held change ${id}: not public. Readers see this embed without it until it is published.</p>`;
  return html
    .replace(/<head[^>]*>/i, (head) => `${head}<meta name="robots" content="noindex, nofollow">`)
    .replace(/<body[^>]*>/i, (body) => `${body}${banner}`);
}
