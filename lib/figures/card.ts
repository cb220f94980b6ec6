import { recordId } from "@/lib/validation/fields";
import { formatDate } from "./format";
import { DEFAULT_FIGURE_TABLE_QUERY, NO_FILTERS, figureTableHref } from "./table-query";
import type { FigureView } from "./view";

/**
 * One figure alone, as an article quotes it ("2,864 people have been arrested"): the words and
 * addresses its card shows, for the embed (/embed/figure/<id>), its image
 * (/api/figures/<id>.png), its oEmbed answer and the "Embed this figure" panels. The card itself
 * is drawn by the renderer bundle (components/embed/figure-card-document.tsx).
 */
export type FigureCard = {
  id: string;
  label: string;
  /** "over £54 million": the value with its source's qualifier. */
  display: string;
  area: string;
  asOf: string;
  asOfDisplay: string;
  source: { publisher: string; title: string | null; dateDisplay: string | null; url: string | null };
  quote: string;
  /** The revision the card is pinned to, or null for the live card. */
  revision: number | null;
  /**
   * "Corrected on 3 December 2026" and the figure's public history, on a live card within the
   * notice period after a correction (CORRECTION_NOTICE_DAYS); null otherwise, and on a pinned card,
   * which shows the figure as it was.
   */
  correction: { text: string; historyUrl: string } | null;
  /** Where the card links back to: the figure's row in the table of all figures. */
  recordUrl: string;
  /** The card's own address, as pasted into an iframe. */
  cardUrl: string;
  imageUrl: string;
  oembedUrl: string;
};

/** The card's page, which the oEmbed answer and the panels' height estimates assume. */
export const FIGURE_CARD_LAYOUT = {
  /** Wider than this, a single number stops reading as a quote and starts reading as a banner. */
  maxWidth: 560,
  paddingY: 12,
  paddingX: 16,
  /** The accent rule at the card's left and the space after it. */
  ruleWidth: 16,
  labelLineHeight: 21,
  valueHeight: 46,
  contextLineHeight: 19,
  quoteToggleHeight: 24,
  sourceLineHeight: 17,
  /** Average widths of a character of the label and of the source line, in pixels. */
  labelCharWidth: 7.6,
  sourceCharWidth: 5.9,
} as const;

/** The PNG's size: that of a link preview, like the charts' images. */
export const FIGURE_CARD_IMAGE = { width: 1200, height: 630 } as const;

/** Whether text is a figure's id exactly as records are named: nothing trimmed, nothing lower-cased. */
export function isFigureId(text: string): boolean {
  const parsed = recordId.safeParse(text);
  return parsed.success && parsed.data === text;
}

/** The figure a file name under /api/figures/ names, `<figure>.png`, or null. */
export function parseFigureImageFile(file: string): string | null {
  if (!file.endsWith(".png")) return null;
  const id = file.slice(0, -".png".length);
  return isFigureId(id) ? id : null;
}

/** The path of a figure's card, live or pinned: what the embed route serves. */
export function figureCardPath(id: string, revision: number | null = null): string {
  return `/embed/figure/${id}${revision === null ? "" : `?v=${revision}`}`;
}

/** What embedCode puts after /embed/ for a figure's card. */
export function figureCardSlug(id: string): string {
  return `figure/${id}`;
}

/** The id of a figure's row in the table of all figures, for links to it. */
export function figureRowAnchor(id: string): string {
  return `figure-${id}`;
}

/** The figure's row in the table of all figures, filtered to its metric and source so it is on the first page. */
export function figureRecordPath(figure: Pick<FigureView, "id" | "metric" | "source">): string {
  const href = figureTableHref({
    ...DEFAULT_FIGURE_TABLE_QUERY,
    filters: { ...NO_FILTERS, metric: figure.metric.id, source: figure.source.id },
  });
  return `${href}#${figureRowAnchor(figure.id)}`;
}

/** An iframe's accessible name, and the oEmbed title: "People arrested: 2,864". */
export function figureCardTitle(card: Pick<FigureCard, "label" | "display">): string {
  return `${card.label}: ${card.display}`;
}

function webAddress(url: string): string | null {
  // Stored addresses are checked as web addresses when typed; one that is not (an old record,
  // an import) is shown as text rather than linked, so a card can never carry a script URL.
  return /^https?:\/\//i.test(url) ? url : null;
}

export function figureCard(
  figure: FigureView,
  revision: number | null,
  site: string,
  correction: { text: string; historyPath: string } | null = null,
): FigureCard {
  const cardUrl = `${site}${figureCardPath(figure.id, revision)}`;
  return {
    id: figure.id,
    label: figure.label,
    display: figure.display,
    area: figure.geography.label,
    asOf: figure.asOf,
    asOfDisplay: figure.asOfDisplay,
    source: {
      publisher: figure.source.publisher,
      title: figure.source.title,
      dateDisplay: figure.source.publishedOn ? formatDate(figure.source.publishedOn) : null,
      url: webAddress(figure.source.url),
    },
    quote: figure.quote,
    revision,
    correction:
      correction && revision === null
        ? { text: correction.text, historyUrl: `${site}${correction.historyPath}` }
        : null,
    recordUrl: `${site}${figureRecordPath(figure)}`,
    cardUrl,
    imageUrl: `${site}/api/figures/${figure.id}.png${revision === null ? "" : `?v=${revision}`}`,
    oembedUrl: `${site}/api/oembed?url=${encodeURIComponent(cardUrl)}&format=json`,
  };
}

/** "ITV News, 2 July 2020" */
export function figureSourceName({ publisher, dateDisplay }: FigureCard["source"]): string {
  return dateDisplay ? `${publisher}, ${dateDisplay}` : publisher;
}

/** The source line under the card: "Source: ITV News, 2 July 2020." */
export function figureCardCredit(card: Pick<FigureCard, "source">): string {
  return `Source: ${figureSourceName(card.source)}.`;
}

/**
 * How tall the card is at a width, for iframe code that works before (or without) the resize
 * script: only the label and the source line wrap.
 */
export function figureCardHeight(
  card: Pick<FigureCard, "label" | "source" | "revision"> & Partial<Pick<FigureCard, "correction">>,
  width: number,
): number {
  const layout = FIGURE_CARD_LAYOUT;
  const textWidth = Math.max(160, width - layout.paddingX * 2 - layout.ruleWidth);
  const lines = (characters: number, charWidth: number) => Math.max(1, Math.ceil((characters * charWidth) / textWidth));
  const sourceCharacters =
    figureCardCredit(card).length +
    (card.revision === null ? 0 : 30) +
    (card.correction ? card.correction.text.length + 2 : 0) +
    " Operation Venetic: the public record".length;
  return Math.ceil(
    layout.paddingY * 2 +
      lines(card.label.length, layout.labelCharWidth) * layout.labelLineHeight +
      layout.valueHeight +
      layout.contextLineHeight +
      layout.quoteToggleHeight +
      lines(sourceCharacters, layout.sourceCharWidth) * layout.sourceLineHeight +
      8,
  );
}
