import {
  FIGURE_CARD_IMAGE,
  FIGURE_CARD_LAYOUT,
  figureCardHeight,
  figureCardSlug,
  figureCardTitle,
  isFigureId,
  type FigureCard,
} from "@/lib/figures/card";
import { embedCode } from "./code";
import { OEMBED_PROVIDER_NAME, requestSchema } from "./oembed";

export type FigureOEmbedRequest = { id: string; revision: number | null; maxwidth?: number; maxheight?: number };

export type FigureOEmbedParse =
  { ok: true; request: FigureOEmbedRequest } | { ok: false; status: 404; message: string };

/**
 * Which figure a URL points at: its card (/embed/figure/<id>[?v=N]) or its row in the table of
 * all figures (/figures…#figure-<id>, where the card links back to). Null when the request is not
 * a well-formed one about a figure: the charts' parser then answers it, with its own refusals.
 */
export function parseFigureOEmbedRequest(search: URLSearchParams, site: string): FigureOEmbedParse | null {
  const parsed = requestSchema.safeParse(Object.fromEntries(search));
  if (!parsed.success || parsed.data.format !== "json") return null;
  let target: URL;
  try {
    target = new URL(parsed.data.url);
  } catch {
    return null;
  }
  if (target.origin !== new URL(site).origin) return null;
  const card = /^\/embed\/figure\/([^/]*)\/?$/.exec(target.pathname);
  const row = target.pathname === "/figures" ? /^#figure-(.*)$/.exec(target.hash) : null;
  const id = card?.[1] ?? row?.[1];
  if (id === undefined) return null;
  if (!isFigureId(id)) return { ok: false, status: 404, message: "That address is not one of this site's figures." };
  const pinned = card ? target.searchParams.get("v") : null;
  const revision = pinned && /^[1-9]\d{0,9}$/.test(pinned) ? Number(pinned) : null;
  return { ok: true, request: { id, revision, maxwidth: parsed.data.maxwidth, maxheight: parsed.data.maxheight } };
}

export function figureOEmbedResponse(card: FigureCard, request: FigureOEmbedRequest, site: string) {
  const width = Math.min(request.maxwidth ?? FIGURE_CARD_LAYOUT.maxWidth, FIGURE_CARD_LAYOUT.maxWidth);
  const height = Math.min(figureCardHeight(card, width), request.maxheight ?? Number.POSITIVE_INFINITY);
  const title = figureCardTitle(card);
  return {
    version: "1.0",
    type: "rich",
    provider_name: OEMBED_PROVIDER_NAME,
    provider_url: site,
    title,
    html: embedCode({ site, slug: figureCardSlug(card.id), title, revision: request.revision, width, height }),
    width,
    height,
    thumbnail_url: card.imageUrl,
    thumbnail_width: FIGURE_CARD_IMAGE.width,
    thumbnail_height: FIGURE_CARD_IMAGE.height,
    cache_age: 3600,
  };
}
