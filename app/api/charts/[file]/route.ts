import { chartCsv, chartJson } from "@/lib/charts/export";
import { CHART_IMAGE } from "@/lib/charts/geometry";
import type { ChartSpec } from "@/lib/charts/types";
import { fetchChart } from "@/lib/data/charts.server";
import { fetchChartNotice } from "@/lib/corrections/pages.server";
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
 * chart page's link-preview image, 1200 × 630).
 */
export async function GET(_request: Request, { params }: Context) {
  const { file } = await params;
  const match = /^(.+)\.(csv|json|svg|png)$/.exec(file);
  const slug = match?.[1];
  const format = match?.[2] as Format | undefined;
  // The images carry a recent correction's notice; the data files need none (their rows are the record).
  const notice = slug && (format === "svg" || format === "png") ? await fetchChartNotice(slug) : null;
  const body =
    slug && format
      ? await cachedRendering(`chart file ${slug}.${format} ${notice?.at ?? ""}`, async () => {
          const chart = await fetchChart(slug);
          const correction = notice ? { text: notice.text, historyUrl: `${siteUrl()}${notice.historyPath}` } : null;
          return chart ? render({ ...chart, correction }, format) : null;
        })
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
      // Like the pages: a CDN may keep it a minute; an edit clears this server's copy at once.
      "Cache-Control": "public, max-age=0, s-maxage=60",
      ...FORMATS[format],
      ...(format === "csv" ? { "Content-Disposition": `attachment; filename="venetic-${slug}.csv"` } : {}),
    },
  });
}

async function render(chart: ChartSpec, format: Format): Promise<string | Uint8Array<ArrayBuffer>> {
  switch (format) {
    case "json":
      return JSON.stringify(chartJson(chart));
    case "svg":
      return chartRenderer().chartSvg(chart, CHART_IMAGE.download);
    case "png":
      return chartRenderer().chartPng(chart, CHART_IMAGE.preview);
    case "csv":
      return chartCsv(chart);
  }
}
