import { db } from "@/lib/db.server";
import { parseEmbedParams } from "@/lib/embed/params";
import { plainRefusal } from "@/lib/embed/refusal";
import { figureAsRecorded } from "@/lib/figures/at-revision";
import { figureCard, isFigureId } from "@/lib/figures/card";
import { cachedRendering } from "@/lib/render/cache";
import { chartRenderer } from "@/lib/render/renderer.server";
import { embedHeaders } from "@/lib/security-headers";
import { siteUrl } from "@/lib/site.server";
import { fetchFigureNotice } from "@/lib/corrections/pages.server";

type Context = { params: Promise<{ id: string }> };

/** `/embed/figure/<figure>`: one figure as reported, for an iframe in someone else's article. */
export async function GET(request: Request, { params }: Context) {
  const { id } = await params;
  if (!isFigureId(id)) return plainRefusal("There is no figure at this address.", 404, embedHeaders([]));
  const parsed = parseEmbedParams(new URL(request.url).searchParams);
  if (!parsed.ok) return plainRefusal(parsed.message, 400, embedHeaders([]));
  const { theme, revision } = parsed.params;
  const recorded = await figureAsRecorded(db, id, revision);
  // A live card carries a recent correction's notice; a pinned one shows the figure as it was.
  const notice = revision === null ? await fetchFigureNotice(id) : null;
  if (!recorded.ok) return plainRefusal(recorded.message, 404, embedHeaders([]));
  // ?static=1 is accepted as for charts; a card has no interactive layer to leave out.
  const embed = await cachedRendering(`figure card ${id} ${theme} ${revision} ${notice?.at ?? ""}`, async () =>
    chartRenderer().figureCardDocument({ card: figureCard(recorded.figure, revision, siteUrl(), notice), theme }),
  );
  return new Response(embed.html, {
    headers: {
      ...embedHeaders(embed.scriptHashes),
      "Content-Type": "text/html; charset=utf-8",
      // Live cards follow edits within a minute at most; pinned ones never change.
      "Cache-Control": revision === null ? "public, max-age=0, s-maxage=60" : "public, max-age=31536000, immutable",
    },
  });
}
