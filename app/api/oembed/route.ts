import { fetchChart, unpinnableRevision } from "@/lib/data/charts.server";
import { oembedResponse, parseOEmbedRequest } from "@/lib/embed/oembed";
import { db } from "@/lib/db.server";
import { figureOEmbedResponse, parseFigureOEmbedRequest, type FigureOEmbedParse } from "@/lib/embed/figure-oembed";
import { figureAsRecorded } from "@/lib/figures/at-revision";
import { figureCard } from "@/lib/figures/card";
import { siteUrl } from "@/lib/site.server";

/** oEmbed (oembed.com) for chart and embed addresses: type "rich", an iframe sized to fit. */
export async function GET(request: Request) {
  const site = siteUrl();
  const parsed = parseOEmbedRequest(new URL(request.url).searchParams, site);
  const headers = { "Access-Control-Allow-Origin": "*" };
  const figure = parseFigureOEmbedRequest(new URL(request.url).searchParams, site);
  if (figure) return figureOEmbed(figure, site, headers);
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

/** A figure's card (/embed/figure/<id>) or its row in the table: the card, live or pinned. */
async function figureOEmbed(figure: FigureOEmbedParse, site: string, headers: Record<string, string>) {
  if (!figure.ok) return Response.json({ error: figure.message }, { status: figure.status, headers });
  const { id, revision } = figure.request;
  const recorded = await figureAsRecorded(db, id, revision);
  if (!recorded.ok) {
    return Response.json(
      { error: recorded.message },
      { status: 404, headers: { ...headers, "Cache-Control": "no-store" } },
    );
  }
  return Response.json(figureOEmbedResponse(figureCard(recorded.figure, revision, site), figure.request, site), {
    headers,
  });
}
