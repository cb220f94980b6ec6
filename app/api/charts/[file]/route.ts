import { isChartSlug } from "@/lib/charts/registry";
import { chartCsv, chartJson } from "@/lib/charts/export";
import { fetchChart } from "@/lib/data/charts";

export const revalidate = 3600;

type Context = { params: Promise<{ file: string }> };

/** `/api/charts/<slug>.csv` and `.json`: a chart's figures, each with its source. */
export async function GET(_request: Request, { params }: Context) {
  const { file } = await params;
  const match = /^(.+)\.(csv|json)$/.exec(file);
  const slug = match?.[1];
  if (!match || !slug || !isChartSlug(slug)) {
    return Response.json(
      { error: "No such chart file. Use /api/charts/<chart>.csv or /api/charts/<chart>.json." },
      { status: 404 },
    );
  }
  const chart = await fetchChart(slug);
  const headers = { "Access-Control-Allow-Origin": "*" };
  if (match[2] === "json") return Response.json(chartJson(chart), { headers });
  return new Response(chartCsv(chart), {
    headers: {
      ...headers,
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="venetic-${slug}.csv"`,
    },
  });
}
