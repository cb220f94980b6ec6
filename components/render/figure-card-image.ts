import { EMBED_SHADES, PALETTE } from "@/lib/charts/palette";
import { escapeXml, xmlSafe } from "@/lib/escape";
import { FIGURE_CARD_IMAGE, figureCardCredit, figureCardTitle } from "@/lib/figures/card";
import type { FigureCardRequest } from "@/lib/render/renderer.server";

const { width: WIDTH, height: HEIGHT } = FIGURE_CARD_IMAGE;
const PADDING = 72;
const TEXT_WIDTH = WIDTH - PADDING * 2;

const COLOURS = {
  light: {
    paper: PALETTE.paper.raised,
    ink: PALETTE.ink.DEFAULT,
    muted: PALETTE.ink.muted,
    accent: PALETTE.accent.DEFAULT,
    corrected: PALETTE.conflict.DEFAULT,
  },
  dark: {
    paper: PALETTE.paper.dark,
    ink: PALETTE.ink.inverse,
    muted: EMBED_SHADES.inverseMuted,
    accent: PALETTE.accent.dark,
    corrected: PALETTE.conflict.dark,
  },
};

/**
 * An image cannot isolate a direction override the way HTML's <bdi> does, and one would
 * reorder the rest of its line: drawn without them, the words read in their stored order.
 */
function withoutDirectionControls(text: string): string {
  return text.replace(/[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g, "");
}

/** Whole words to lines of at most `length` characters (a word longer than a line is cut); the last line ends in … when text is left over. */
function wrap(text: string, length: number, maxLines: number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  const words = withoutDirectionControls(text).split(/\s+/).filter(Boolean);
  for (const word of words) {
    const characters = Array.from(word);
    const candidate = [...line, ...(line.length ? [" "] : []), ...characters];
    if (candidate.length <= length) {
      line = candidate;
      continue;
    }
    if (line.length) lines.push(line.join(""));
    line = characters.slice(0, length);
  }
  if (line.length) lines.push(line.join(""));
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = `${Array.from(kept[maxLines - 1]!)
    .slice(0, length - 1)
    .join("")}…`;
  return kept;
}

function text(x: number, y: number, size: number, fill: string, content: string, extra = ""): string {
  return `<text x="${x}" y="${y}" font-size="${size}" fill="${fill}"${extra}>${escapeXml(content)}</text>`;
}

/**
 * A figure's card as one standalone SVG document of a link preview's size, for its PNG: the
 * label, the value large, where and when, the source and the site. Long text wraps, then is cut.
 */
export function figureCardImage({ card, theme }: FigureCardRequest): string {
  const colours = theme === "dark" ? COLOURS.dark : COLOURS.light;
  const label = wrap(card.label, 44, 2);
  const value = withoutDirectionControls(card.display);
  const shown = value.charAt(0).toUpperCase() + value.slice(1);
  // A serif numeral is at most about 0.62 of its size wide: the value fills the width and no more.
  const valueSize = Math.min(132, Math.floor(TEXT_WIDTH / (Math.max(1, Array.from(shown).length) * 0.62)));
  const labelTop = PADDING + 40;
  const valueTop = labelTop + (label.length - 1) * 50 + 40 + valueSize;
  const context = wrap(`${card.area}, as of ${card.asOfDisplay}`, 60, 1)[0] ?? "";
  const credit = wrap(figureCardCredit(card), 78, 2);
  const site = `Operation Venetic: the public record${card.revision === null ? "" : `, as at revision ${card.revision}`}`;
  return xmlSafe(
    [
      `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" viewBox="0 0 ${WIDTH} ${HEIGHT}" font-family="DejaVu Sans, Arial, sans-serif">`,
      `<title>${escapeXml(figureCardTitle(card))}</title>`,
      `<rect width="100%" height="100%" fill="${colours.paper}"/>`,
      `<rect x="${PADDING - 32}" y="${PADDING}" width="10" height="${HEIGHT - PADDING * 2}" fill="${colours.accent}"/>`,
      ...label.map((line, index) => text(PADDING, labelTop + index * 50, 40, colours.ink, line, ' font-weight="700"')),
      text(
        PADDING,
        valueTop,
        valueSize,
        colours.ink,
        shown,
        ' font-weight="700" font-family="DejaVu Serif, Georgia, serif"',
      ),
      text(PADDING, valueTop + 70, 32, colours.ink, context),
      ...credit.map((line, index) =>
        text(PADDING, HEIGHT - PADDING - 44 - (credit.length - 1 - index) * 32, 24, colours.muted, line),
      ),
      text(PADDING, HEIGHT - PADDING, 24, colours.accent, site, ' font-weight="700"'),
      // A shared image outlives the page: the notice travels with it for the notice period.
      card.correction
        ? text(
            WIDTH - PADDING,
            PADDING,
            26,
            colours.corrected,
            card.correction.text,
            ' font-weight="700" text-anchor="end"',
          )
        : "",
      `</svg>`,
    ].join(""),
  );
}
