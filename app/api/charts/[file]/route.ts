import { isChartSlug } from "@/lib/charts/registry";
import { chartCsv, chartJson } from "@/lib/charts/export";
import { staticRenderer } from "@/lib/render/renderer";
import { fetchChart } from "@/lib/data/charts";

export const revalidate = 60;

type Context = { params: Promise<{ file: string }> };

/**
 * `/api/charts/<slug>.csv` and `.json`: a chart's figures, each with its source;
 * `.svg` and `.png`: the chart as an image with its title and sources (the PNG is also the
 * chart page's link-preview image, 1200 × 630).
 */
export async function GET(_request: Request, { params }: Context) {
  const { file } = await params;
  const match = /^(.+)\.(csv|json|svg|png)$/.exec(file);
  const slug = match?.[1];
  if (!match || !slug || !isChartSlug(slug)) {
    return Response.json(
      { error: "No such chart file. Use /api/charts/<chart>.csv, .json, .svg or .png." },
      { status: 404 },
    );
  }
  const chart = await fetchChart(slug);
  const headers = { "Access-Control-Allow-Origin": "*" };
  if (match[2] === "json") return Response.json(chartJson(chart), { headers });
  if (match[2] === "svg") {
    return new Response(staticRenderer().chartSvgDocument(chart, { width: 800 }), {
      headers: { ...headers, "Content-Type": "image/svg+xml; charset=utf-8" },
    });
  }
  if (match[2] === "png") {
    const { chartSvgDocument, svgToPng } = staticRenderer();
    const png = svgToPng(chartSvgDocument(chart, { width: 1200, height: 630 }));
    return new Response(new Uint8Array(png), { headers: { ...headers, "Content-Type": "image/png" } });
  }
  return new Response(chartCsv(chart), {
    headers: {
      ...headers,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="venetic-${slug}.csv"`,
    },
  });
}
