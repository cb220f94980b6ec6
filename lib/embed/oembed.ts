import { z } from "zod";
import { CHART_IMAGE, EMBED_LAYOUT, embedHeight } from "@/lib/charts/geometry";
import type { ChartSpec } from "@/lib/charts/types";
import { embedCode } from "./code";

/** The oEmbed request (oembed.com, section 2.2), checked. */
export const requestSchema = z.object({
  url: z.string().min(1, "url is required."),
  format: z.enum(["json", "xml"], { message: "format must be json." }).default("json"),
  maxwidth: z.coerce.number({ message: "maxwidth must be a number." }).int().positive().max(10_000).optional(),
  maxheight: z.coerce.number({ message: "maxheight must be a number." }).int().positive().max(10_000).optional(),
});

export const OEMBED_PROVIDER_NAME = "Operation Venetic: the public record";

export type OEmbedRequest = { slug: string; revision: number | null; maxwidth?: number; maxheight?: number };

export type OEmbedParse =
  { ok: true; request: OEmbedRequest } | { ok: false; status: 400 | 404 | 501; message: string };

/** Which of our charts a URL points at: /charts/<slug> or /embed/<slug>[?v=N]. */
export function parseOEmbedRequest(search: URLSearchParams, site: string): OEmbedParse {
  const parsed = requestSchema.safeParse(Object.fromEntries(search));
  if (!parsed.success)
    return { ok: false, status: 400, message: parsed.error.issues.map((issue) => issue.message).join(" ") };
  if (parsed.data.format === "xml") return { ok: false, status: 501, message: "Only format=json is available." };
  let target: URL;
  try {
    target = new URL(parsed.data.url);
  } catch {
    return { ok: false, status: 400, message: "url must be a full address." };
  }
  const match = /^\/(?:charts|embed)\/([a-z0-9-]+)\/?$/.exec(target.pathname);
  if (target.origin !== new URL(site).origin || !match?.[1]) {
    return { ok: false, status: 404, message: "That address is not one of this site's charts." };
  }
  const pinned = target.searchParams.get("v");
  const revision = pinned && /^[1-9]\d{0,9}$/.test(pinned) ? Number(pinned) : null;
  return {
    ok: true,
    request: { slug: match[1], revision, maxwidth: parsed.data.maxwidth, maxheight: parsed.data.maxheight },
  };
}

export function oembedResponse(chart: ChartSpec, request: OEmbedRequest, site: string) {
  const width = Math.min(request.maxwidth ?? EMBED_LAYOUT.width, EMBED_LAYOUT.width);
  const height = Math.min(embedHeight(chart, width), request.maxheight ?? Number.POSITIVE_INFINITY);
  const thumbnail = CHART_IMAGE.preview;
  return {
    version: "1.0",
    type: "rich",
    provider_name: OEMBED_PROVIDER_NAME,
    provider_url: site,
    title: chart.title,
    html: embedCode({ site, slug: request.slug, title: chart.title, revision: request.revision, width, height }),
    width,
    height,
    thumbnail_url: `${site}/api/charts/${request.slug}.png`,
    thumbnail_width: thumbnail.width,
    thumbnail_height: thumbnail.height,
    cache_age: 3600,
  };
}
