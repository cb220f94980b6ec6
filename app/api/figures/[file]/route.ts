import { db } from "@/lib/db.server";
import { parseEmbedParams } from "@/lib/embed/params";
import { plainRefusal } from "@/lib/embed/refusal";
import { figureAsRecorded } from "@/lib/figures/at-revision";
import { figureCard, parseFigureImageFile } from "@/lib/figures/card";
import { cachedRendering } from "@/lib/render/cache";
import { chartRenderer } from "@/lib/render/renderer.server";
import { siteUrl } from "@/lib/site.server";
import { fetchFigureNotice } from "@/lib/corrections/pages.server";

type Context = { params: Promise<{ file: string }> };

const OPEN = { "Access-Control-Allow-Origin": "*" };

/**
 * `/api/figures/<figure>.png`: a figure's card as an image of a link preview's size (1200 × 630),
 * the oEmbed answer's thumbnail. `?v=<revision>` pins it, `?theme=dark` draws it dark.
 */
export async function GET(request: Request, { params }: Context) {
  const id = parseFigureImageFile((await params).file);
  if (!id) return plainRefusal("No such figure image. Use /api/figures/<figure>.png.", 404, OPEN);
  const parsed = parseEmbedParams(new URL(request.url).searchParams);
  if (!parsed.ok) return plainRefusal(parsed.message, 400, OPEN);
  const { theme, revision } = parsed.params;
  const recorded = await figureAsRecorded(db, id, revision);
  // A live card carries a recent correction's notice; a pinned one shows the figure as it was.
  const notice = revision === null ? await fetchFigureNotice(id) : null;
  if (!recorded.ok) return plainRefusal(recorded.message, 404, OPEN);
  const png = await cachedRendering(`figure image ${id} ${theme} ${revision} ${notice?.at ?? ""}`, async () =>
    chartRenderer().figureCardPng({ card: figureCard(recorded.figure, revision, siteUrl(), notice), theme }),
  );
  return new Response(png, {
    headers: {
      ...OPEN,
      "Content-Type": "image/png",
      // Like the charts' images: a CDN may keep the live one a minute; an edit clears this server's copy at once.
      "Cache-Control": revision === null ? "public, max-age=0, s-maxage=60" : "public, max-age=31536000, immutable",
    },
  });
}
