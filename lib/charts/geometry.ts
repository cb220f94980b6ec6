import type { ChartSpec } from "./types";

/**
 * Every size a chart is drawn at, in one place: the dashboard's chart components, the embed and
 * its stylesheet, the oEmbed answer and the chart images all read them. Nothing here loads
 * Recharts, so server components and the oEmbed route can use it.
 */

/** The timeline is this tall at every width; only its width follows the space it is given. */
export const TIMELINE_HEIGHT = 340;
/** Bar panels give each bar a row of this height, the bar drawn under its label. */
export const ROW_HEIGHT = 46;
export const BAR_SIZE = 16;
/** Room above a panel's first bar for that bar's label. */
export const PANEL_TOP = 22;

/** A panel's height depends only on its number of bars, so its space is reserved exactly. */
export function panelHeight(panel: { bars: readonly unknown[] }): number {
  return panel.bars.length * ROW_HEIGHT + 8;
}

/**
 * The widths the dashboard draws at on the server, before the browser has measured the real
 * one (docs/decisions/0006): the SVG is scaled to its box until then.
 */
export const FIRST_RENDER_WIDTH = { timeline: 720, singlePanel: 720, panel: 340 } as const;

/** The widths embeds and images are drawn at; the embed's CSS or the image's layout scales them. */
export const STATIC_WIDTH = { timeline: 640, singlePanel: 560, panel: 320 } as const;

export function staticWidth(body: ChartSpec["body"]): number {
  if (body.type === "timeline") return STATIC_WIDTH.timeline;
  return body.panels.length === 1 ? STATIC_WIDTH.singlePanel : STATIC_WIDTH.panel;
}

/** The height of a small multiple's title above its panel, on the dashboard, in the embed and in the image. */
export const PANEL_TITLE_HEIGHT = { dashboard: 28, embed: 24, image: 20 } as const;

/**
 * The embed's page. Its stylesheet (components/embed/styles.ts) is written with these, and the
 * oEmbed answer and the chart page's embed code estimate its height from them.
 */
export const EMBED_LAYOUT = {
  /** The width oEmbed offers at most, and the chart page's embed code assumes. */
  width: 640,
  paddingY: 12,
  paddingX: 14,
  /** Small multiples sit two to a row from this width on. */
  twoColumnsFrom: 560,
  columnGap: 24,
  rowGap: 8,
  minContentWidth: 200,
  /** Title, takeaway, legend, source line and the data toggle around the drawing. */
  chromeHeight: 190,
  /** A timeline's legend and the key to its rulings. */
  timelineKeyHeight: 60,
} as const;

/** How tall an embed is at a width: the drawings keep their proportions, the text does not. */
export function embedHeight(chart: ChartSpec, width: number): number {
  const { body } = chart;
  const content = Math.max(width - EMBED_LAYOUT.paddingX * 2, EMBED_LAYOUT.minContentWidth);
  const drawnAt = staticWidth(body);
  if (body.type === "timeline") {
    return Math.round(
      EMBED_LAYOUT.chromeHeight + EMBED_LAYOUT.timelineKeyHeight + (content * TIMELINE_HEIGHT) / drawnAt,
    );
  }
  const columns = body.panels.length > 1 && width >= EMBED_LAYOUT.twoColumnsFrom ? 2 : 1;
  const panelWidth = columns === 2 ? (content - EMBED_LAYOUT.columnGap) / 2 : content;
  const titleHeight = body.panels.length > 1 ? PANEL_TITLE_HEIGHT.embed : 0;
  const heights = body.panels.map((panel) => (panelHeight(panel) * panelWidth) / drawnAt + titleHeight);
  let total = 0;
  for (let index = 0; index < heights.length; index += columns)
    total += Math.max(...heights.slice(index, index + columns));
  return Math.round(EMBED_LAYOUT.chromeHeight + total);
}

/** The chart images: the SVG download, and the PNG that is also the link-preview image (Open Graph's size). */
export const CHART_IMAGE = {
  download: { width: 800 },
  preview: { width: 1200, height: 630 },
} as const;

/** An image's margins and bands: its title above the drawings, its source line below. */
export const IMAGE_LAYOUT = { padding: 32, titleHeight: 56, sourceHeight: 40, columnGap: 24, rowGap: 12 } as const;
