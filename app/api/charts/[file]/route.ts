import { chartCsv, chartJson } from "@/lib/charts/export";
import { CHART_IMAGE } from "@/lib/charts/geometry";
import type { ChartSpec } from "@/lib/charts/types";
import { asAtCacheControl, asAtFileName, asAtHeaders, asAtJson } from "@/lib/as-at/answer";
import { findAsAt, type AsAt } from "@/lib/as-at/read.server";
import { fetchChartNotice } from "@/lib/corrections/pages.server";
import { fetchChart, fetchChartAsAt } from "@/lib/data/charts.server";
import { plainRefusal } from "@/lib/embed/refusal";
import { siteUrl } from "@/lib/site.server";
import { cachedRendering } from "@/lib/render/cache";
import { chartRenderer } from "@/lib/render/renderer.server";

type Context = { params: Promise<{ file: string }> };

const FORMATS = {
  csv: { "Content-Type": "text/csv; charset=utf-8" },
  json: { "Content-Type": "application/json" },
  svg: { "Content-Type": "image/svg+xml; charset=utf-8" },
  png: { "Content-Type": "image/png" },
};
type Format = keyof typeof FORMATS;

/**
 * `/api/charts/<slug>.csv` and `.json`: a chart's figures, each with its source;
 * `.svg` and `.png`: the chart as an image with its title and sources (the PNG is also the
 * chart page's link-preview image, 1200 × 630). `?at=<YYYY-MM-DD or revision>` draws each from
 * the record as it stood then.
 */
export async function GET(request: Request, { params }: Context) {
  const { file } = await params;
  const match = /^(.+)\.(csv|json|svg|png)$/.exec(file);
  const slug = match?.[1];
  const format = match?.[2] as Format | undefined;
  const found = await findAsAt(new URL(request.url).searchParams.get("at"));
  if (!found.ok) return plainRefusal(found.message, 400, { "Access-Control-Allow-Origin": "*" });
  const { asAt } = found;
  // The live images carry a recent correction's notice; the data files need none (their rows are
  // the record), and a chart as it stood shows the record then.
  const notice = slug && !asAt && (format === "svg" || format === "png") ? await fetchChartNotice(slug) : null;
  const body =
    slug && format
      ? await cachedRendering(
          `chart file ${slug}.${format} ${asAt ? `${asAt.at} ${asAt.revision}` : `live ${notice?.at ?? ""}`}`,
          async () => {
            const chart = asAt ? await fetchChartAsAt(slug, asAt.revision) : await fetchChart(slug);
            const correction = notice ? { text: notice.text, historyUrl: `${siteUrl()}${notice.historyPath}` } : null;
            return chart ? render({ ...chart, correction }, format, asAt) : null;
          },
        )
      : null;
  if (!slug || !format || body === null) {
    return Response.json(
      { error: "No such chart file. Use /api/charts/<chart>.csv, .json, .svg or .png." },
      { status: 404 },
    );
  }
  return new Response(body, {
    headers: {
      "Access-Control-Allow-Origin": "*",
      // A CDN may keep the live one a minute (an edit clears this server's copy at once), a settled view for good.
      "Cache-Control": asAtCacheControl(asAt),
      ...asAtHeaders(asAt),
      ...FORMATS[format],
      ...(format === "csv"
        ? { "Content-Disposition": `attachment; filename="${asAtFileName(`venetic-${slug}`, "csv", asAt)}"` }
        : {}),
    },
  });
}

async function render(chart: ChartSpec, format: Format, asAt: AsAt | null): Promise<string | Uint8Array<ArrayBuffer>> {
  switch (format) {
    case "json":
      return JSON.stringify(asAt ? { asAt: asAtJson(asAt), ...chartJson(chart) } : chartJson(chart));
    case "svg":
      return chartRenderer().chartSvg(chart, CHART_IMAGE.download);
    case "png":
      return chartRenderer().chartPng(chart, CHART_IMAGE.preview);
    case "csv":
      return chartCsv(chart);
  }
}
