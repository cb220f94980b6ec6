import { renderToStaticMarkup } from "react-dom/server";
import { panelElement } from "@/components/charts/panel-svg";
import { timelineElement } from "@/components/charts/timeline-svg";
import { IMAGE_LAYOUT, PANEL_TITLE_HEIGHT, TIMELINE_HEIGHT, panelHeight, staticWidth } from "@/lib/charts/geometry";
import { PALETTE, chartInkRules, cssRules } from "@/lib/charts/palette";
import { sourceLine } from "@/lib/charts/source-line";
import type { ChartSpec } from "@/lib/charts/types";
import type { ImageSize } from "@/lib/render/renderer.server";
import { escapeXml, xmlSafe } from "@/lib/escape";

const INK = PALETTE.ink.DEFAULT;
const { padding: PADDING, titleHeight: TITLE_HEIGHT, sourceHeight: SOURCE_HEIGHT } = IMAGE_LAYOUT;

/** The <svg> element Recharts drew, without the wrapper <div> around it. */
function drawnSvg(markup: string): string {
  const start = markup.indexOf("<svg");
  const end = markup.lastIndexOf("</svg>");
  return markup.slice(start, end + "</svg>".length);
}

function placed(svg: string, x: number, y: number, width: number, height: number): string {
  return svg
    .replace(
      /^<svg([^>]*?) width="[^"]*" height="[^"]*"/,
      `<svg$1 x="${x}" y="${y}" width="${width}" height="${height}"`,
    )
    .replace(/ style="width:100%;height:100%"/, "");
}

type Drawing = { svg: string; width: number; height: number; title?: string };

function drawings(chart: ChartSpec): Drawing[] {
  const width = staticWidth(chart.body);
  if (chart.body.type === "timeline") {
    return [
      {
        svg: drawnSvg(
          renderToStaticMarkup(
            timelineElement({ id: `${chart.slug}-image`, title: chart.title, body: chart.body, width }),
          ),
        ),
        width,
        height: TIMELINE_HEIGHT,
      },
    ];
  }
  const single = chart.body.panels.length === 1;
  return chart.body.panels.map((panel) => ({
    svg: drawnSvg(renderToStaticMarkup(panelElement({ id: `${chart.slug}-${panel.key}-image`, panel, width }))),
    width,
    height: panelHeight(panel),
    title: single ? undefined : panel.title,
  }));
}

/** Lays drawings out in one column, or two when there are several panels. */
function layout(items: Drawing[], areaWidth: number) {
  const columns = items.length > 1 ? 2 : 1;
  const gap = IMAGE_LAYOUT.columnGap;
  const cellWidth = (areaWidth - gap * (columns - 1)) / columns;
  let y = 0;
  const cells: { drawing: Drawing; x: number; y: number; width: number; height: number }[] = [];
  for (let index = 0; index < items.length; index += columns) {
    const row = items.slice(index, index + columns);
    const heights = row.map(
      (drawing) => (drawing.title ? PANEL_TITLE_HEIGHT.image : 0) + (drawing.height * cellWidth) / drawing.width,
    );
    row.forEach((drawing, column) => {
      cells.push({ drawing, x: column * (cellWidth + gap), y, width: cellWidth, height: heights[column]! });
    });
    y += Math.max(...heights) + IMAGE_LAYOUT.rowGap;
  }
  return { cells, height: y };
}

/** One line fits about this many characters at 13 px across 800 px. */
const SOURCE_LINE_LENGTH = 110;

/** The timeline's series, named beside their colours under the title. */
function legend(chart: ChartSpec): string {
  if (chart.body.type !== "timeline") return "";
  let x = PADDING;
  return chart.body.series
    .map((series) => {
      const item = `<rect x="${x}" y="${PADDING + 38}" width="14" height="4" fill="${series.color}"/><text x="${x + 20}" y="${PADDING + 44}" font-size="13" fill="${INK}">${escapeXml(series.label)}</text>`;
      x += 30 + series.label.length * 7.5;
      return item;
    })
    .join("");
}

/**
 * A chart as one standalone SVG document, with its title and source line: for the .svg and
 * .png downloads and the link-preview image. The drawings are the dashboard's own, nested as
 * <svg> elements that scale to the space given to them.
 */
export function chartImage(chart: ChartSpec, size: ImageSize): string {
  const areaWidth = size.width - PADDING * 2;
  const { cells, height: naturalHeight } = layout(drawings(chart), areaWidth);
  const available = size.height ? size.height - PADDING * 2 - TITLE_HEIGHT - SOURCE_HEIGHT : naturalHeight;
  const scale = Math.min(1, available / naturalHeight);
  const totalHeight = size.height ?? Math.ceil(naturalHeight + PADDING * 2 + TITLE_HEIGHT + SOURCE_HEIGHT);
  const offsetX = PADDING + (areaWidth - areaWidth * scale) / 2;
  const top = PADDING + TITLE_HEIGHT;
  const body = cells
    .map(({ drawing, x, y, width, height }) => {
      const titleHeight = drawing.title ? PANEL_TITLE_HEIGHT.image : 0;
      const title = drawing.title
        ? `<text x="${offsetX + x * scale}" y="${top + y * scale + 14}" font-size="14" font-weight="700">${escapeXml(drawing.title)}</text>`
        : "";
      return (
        title +
        placed(
          drawing.svg,
          offsetX + x * scale,
          top + (y + titleHeight) * scale,
          width * scale,
          (height - titleHeight) * scale,
        )
      );
    })
    .join("");
  const credit = [sourceLine(chart.sources, { maxLength: SOURCE_LINE_LENGTH }), "Operation Venetic: the public record"];
  return xmlSafe(
    [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${totalHeight}" viewBox="0 0 ${size.width} ${totalHeight}" font-family="DejaVu Sans, Arial, sans-serif">`,
      `<title>${escapeXml(chart.title)}</title><desc>${escapeXml(chart.description)}</desc>`,
      `<style>${cssRules(chartInkRules(INK)).join("")}</style>`,
      `<rect width="100%" height="100%" fill="${PALETTE.paper.raised}"/>`,
      `<text x="${PADDING}" y="${PADDING + 24}" font-size="26" font-weight="700" fill="${INK}" font-family="DejaVu Serif, Georgia, serif">${escapeXml(chart.title)}</text>`,
      body,
      legend(chart),
      `<text x="${PADDING}" y="${totalHeight - PADDING + 8}" font-size="13" fill="${PALETTE.ink.muted}">${escapeXml(credit.filter(Boolean).join(" "))}</text>`,
      // A shared image outlives the page: the notice travels with it for the notice period.
      chart.correction
        ? `<text x="${size.width - PADDING}" y="${PADDING + 24}" font-size="15" font-weight="700" text-anchor="end" fill="${PALETTE.conflict.DEFAULT}">${escapeXml(chart.correction.text)}</text>`
        : "",
      `</svg>`,
    ].join(""),
  );
}
