import { fetchChart, unpinnableRevision } from "@/lib/data/charts.server";
import { parseEmbedParams } from "@/lib/embed/params";
import { cachedRendering } from "@/lib/render/cache";
import { chartEmbedDocument } from "@/lib/embed/chart-embed.server";
import { embedHeaders } from "@/lib/security-headers";
import { siteUrl } from "@/lib/site.server";
import { fetchChartNotice } from "@/lib/corrections/pages.server";

type Context = { params: Promise<{ slug: string }> };

function plain(message: string, status: number) {
  return new Response(message, {
    status,
    // A refusal may stop being one (a revision that is not yet written): no cache may keep it.
    headers: { ...embedHeaders([]), "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

/** `/embed/<chart>`: the chart alone, for an iframe in someone else's article. */
export async function GET(request: Request, { params }: Context) {
  const { slug } = await params;
  const parsed = parseEmbedParams(new URL(request.url).searchParams);
  if (!parsed.ok) return plain(parsed.message, 400);
  const { theme, revision } = parsed.params;
  const unpinnable = await unpinnableRevision(revision);
  if (unpinnable) return plain(unpinnable, 404);
  // A live embed carries a recent correction's notice; a pinned one shows the chart as it was.
  const notice = revision === null ? await fetchChartNotice(slug) : null;
  const key = `embed ${slug} ${theme} ${parsed.params.static} ${revision} ${notice?.at ?? ""}`;
  const embed = await cachedRendering(key, async () => {
    const chart = await fetchChart(slug, revision);
    return chart ? chartEmbedDocument(chart, notice, parsed.params, `${siteUrl()}/charts/${slug}`) : null;
  });
  if (!embed) return plain("There is no chart at this address.", 404);
  return new Response(embed.html, {
    headers: {
      ...embedHeaders(embed.scriptHashes),
      "Content-Type": "text/html; charset=utf-8",
      // Live embeds follow edits within a minute at most; pinned ones never change.
      "Cache-Control":
        parsed.params.revision === null ? "public, max-age=0, s-maxage=60" : "public, max-age=31536000, immutable",
    },
  });
}
