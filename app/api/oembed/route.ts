import { fetchChart, unpinnableRevision } from "@/lib/data/charts.server";
import { oembedResponse, parseOEmbedRequest } from "@/lib/embed/oembed";
import { siteUrl } from "@/lib/site.server";

/** oEmbed (oembed.com) for chart and embed addresses: type "rich", an iframe sized to fit. */
export async function GET(request: Request) {
  const site = siteUrl();
  const parsed = parseOEmbedRequest(new URL(request.url).searchParams, site);
  const headers = { "Access-Control-Allow-Origin": "*" };
  if (!parsed.ok) return Response.json({ error: parsed.message }, { status: parsed.status, headers });
  const unpinnable = await unpinnableRevision(parsed.request.revision);
  if (unpinnable) {
    return Response.json({ error: unpinnable }, { status: 404, headers: { ...headers, "Cache-Control": "no-store" } });
  }
  const chart = await fetchChart(parsed.request.slug, parsed.request.revision);
  if (!chart) {
    return Response.json({ error: "That address is not one of this site's charts." }, { status: 404, headers });
  }
  return Response.json(oembedResponse(chart, parsed.request, site), { headers });
}
