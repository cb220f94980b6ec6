import { z } from "zod";
import { TIMELINE_HEIGHT, panelHeight } from "@/components/charts/dimensions";
import { CHARTS, isChartSlug, type ChartSlug } from "@/lib/charts/registry";
import type { ChartSpec } from "@/lib/charts/types";
import { embedCode } from "./code";

/** The oEmbed request (oembed.com, section 2.2), checked. */
const requestSchema = z.object({
  url: z.string().min(1, "url is required."),
  format: z.enum(["json", "xml"], { message: "format must be json." }).default("json"),
  maxwidth: z.coerce.number({ message: "maxwidth must be a number." }).int().positive().max(10_000).optional(),
  maxheight: z.coerce.number({ message: "maxheight must be a number." }).int().positive().max(10_000).optional(),
});

export type OEmbedRequest = { slug: ChartSlug; revision: number | null; maxwidth?: number; maxheight?: number };

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
  if (target.origin !== new URL(site).origin || !match?.[1] || !isChartSlug(match[1])) {
    return { ok: false, status: 404, message: "That address is not one of this site's charts." };
  }
  const pinned = target.searchParams.get("v");
  const revision = pinned && /^[1-9]\d{0,9}$/.test(pinned) ? Number(pinned) : null;
  return {
    ok: true,
    request: { slug: match[1], revision, maxwidth: parsed.data.maxwidth, maxheight: parsed.data.maxheight },
  };
}

const DEFAULT_WIDTH = 640;
/** Title, takeaway, legend, source line and the data toggle around the drawing. */
const CHROME_HEIGHT = 190;

/** How tall an embed is at a width: the drawings keep their proportions, the text does not. */
export function embedHeight(chart: ChartSpec, width: number): number {
  const content = Math.max(width - 28, 200);
  if (chart.body.type === "timeline") return Math.round(CHROME_HEIGHT + 60 + (content * TIMELINE_HEIGHT) / 640);
  const columns = chart.body.panels.length > 1 && width >= 560 ? 2 : 1;
  const panelWidth = columns === 2 ? (content - 24) / 2 : content;
  const drawnAt = chart.body.panels.length === 1 ? 560 : 320;
  const titleHeight = chart.body.panels.length > 1 ? 24 : 0;
  const heights = chart.body.panels.map((panel) => (panelHeight(panel) * panelWidth) / drawnAt + titleHeight);
  let total = 0;
  for (let index = 0; index < heights.length; index += columns)
    total += Math.max(...heights.slice(index, index + columns));
  return Math.round(CHROME_HEIGHT + total);
}

export function oembedResponse(chart: ChartSpec, request: OEmbedRequest, site: string) {
  const width = Math.min(request.maxwidth ?? DEFAULT_WIDTH, DEFAULT_WIDTH);
  const height = Math.min(embedHeight(chart, width), request.maxheight ?? Number.POSITIVE_INFINITY);
  const thumbnail = { width: 1200, height: 630 };
  return {
    version: "1.0",
    type: "rich",
    provider_name: "Operation Venetic: the public record",
    provider_url: site,
    title: CHARTS[request.slug].title,
    html: embedCode({ site, slug: request.slug, title: chart.title, revision: request.revision, width, height }),
    width,
    height,
    thumbnail_url: `${site}/api/charts/${request.slug}.png`,
    thumbnail_width: thumbnail.width,
    thumbnail_height: thumbnail.height,
    cache_age: 3600,
  };
}
