import type { ChartSpec } from "@/lib/charts/types";
import { formatPartialDate, parsePartialDate } from "@/lib/domain/partial-date";
import { figureCardPath } from "@/lib/figures/card";
import type { FigureView } from "@/lib/figures/view";
import { RECORD_NAME } from "@/lib/open-data/licence";

/**
 * What a citation of a figure or a chart says, before any format writes it (decision 0018): the
 * house style (lib/citations/house-style.ts), BibTeX, RIS and CSL-JSON are each written from this,
 * so they cannot disagree about a title, a date or an address.
 *
 * A figure belongs to its source: its author and date are the publisher's, and the record is
 * where it was compiled. A chart is the record's own drawing of many sources' figures: its author
 * is the record, and the publishers it draws on are named beside it.
 */

/** The revision a citation is pinned to, and when the record reached it. */
export type CitedRevision = { revision: number; compiledAt: Date };

/** The report a figure was taken from. */
export type CitedSource = {
  publisher: string;
  title: string | null;
  /** As precise as the source gives it: "2022", "2022-06" or "2022-06-09"; null when undated. */
  publishedOn: string | null;
  url: string | null;
};

export type CitedWork = {
  kind: "figure" | "chart";
  /** BibTeX's key, RIS's ID and CSL's id: one per thing and revision, "venetic-figure-<id>-r412". */
  key: string;
  /** "People arrested: 2,864 (United Kingdom, as at 8 June 2022)", or the chart's title. */
  title: string;
  /** Whose work it is: the source's publisher for a figure, the record for a chart. */
  author: string;
  /** When the author published it, as precise as known (YYYY, YYYY-MM or YYYY-MM-DD), or null. */
  issued: string | null;
  /** The report a figure was taken from; null for a chart. */
  source: CitedSource | null;
  /** The publishers whose figures a chart draws, in the chart's order; empty for a figure. */
  drawnFrom: string[];
  /** Where it was compiled: the record, at the revision cited, and the address pinned to it. */
  record: { name: string; revision: number; compiledOn: string; url: string };
  /** The day the reader read it (YYYY-MM-DD). */
  accessedOn: string;
};

const CONTROL = /[\u0000-\u001F\u007F-\u009F\u2028\u2029]/g;
const LONE_SURROGATE = /[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * Text as one line of a citation: control characters and line breaks as spaces, runs of spaces as
 * one, a broken character as U+FFFD. RIS ends a field at a line break and a reference manager
 * shows a title on one line, so every format gets the same words.
 */
export function citationLine(text: string): string {
  return text.replace(LONE_SURROGATE, "\uFFFD").replace(CONTROL, " ").replace(/\s+/gu, " ").trim();
}

/** A day as ISO 8601 (YYYY-MM-DD), in UTC like every date the site shows. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** A source's date as a citation can carry it, or null when it is not a date (an old record, an import). */
function citedDate(text: string | null): string | null {
  return text === null ? null : (parsePartialDate(text)?.text ?? null);
}

function webAddress(url: string): string | null {
  // As on the card (lib/figures/card.ts): an address that is not a web address is not cited as one.
  return /^https?:\/\/\S+$/i.test(url) ? url : null;
}

/** The address of a figure's card pinned to a revision: it shows the figure as it was then, for good. */
export function pinnedFigureUrl(site: string, figureId: string, revision: number): string {
  return `${site}${figureCardPath(figureId, revision)}`;
}

/** The address of a chart's embed pinned to a revision (decision 0016: it replays the chart's own definition). */
export function pinnedChartUrl(site: string, slug: string, revision: number): string {
  return `${site}/embed/${slug}?v=${revision}`;
}

function recordAt(pin: CitedRevision, url: string): CitedWork["record"] {
  return { name: RECORD_NAME, revision: pin.revision, compiledOn: isoDay(pin.compiledAt), url };
}

export function citeFigure(figure: FigureView, pin: CitedRevision, site: string, accessed: Date): CitedWork {
  const source = figure.source;
  return {
    kind: "figure",
    key: `venetic-figure-${figure.id}-r${pin.revision}`,
    title: citationLine(`${figure.label}: ${figure.display} (${figure.geography.label}, as at ${figure.asOfDisplay})`),
    author: citationLine(source.publisher),
    issued: citedDate(source.publishedOn),
    source: {
      publisher: citationLine(source.publisher),
      title: source.title === null ? null : citationLine(source.title) || null,
      publishedOn: citedDate(source.publishedOn),
      url: webAddress(source.url),
    },
    drawnFrom: [],
    record: recordAt(pin, pinnedFigureUrl(site, figure.id, pin.revision)),
    accessedOn: isoDay(accessed),
  };
}

export function citeChart(chart: ChartSpec, pin: CitedRevision, site: string, accessed: Date): CitedWork {
  const record = recordAt(pin, pinnedChartUrl(site, chart.slug, pin.revision));
  return {
    kind: "chart",
    key: `venetic-chart-${chart.slug}-r${pin.revision}`,
    title: citationLine(chart.title),
    author: RECORD_NAME,
    issued: record.compiledOn,
    source: null,
    drawnFrom: [...new Set(chart.sources.map((source) => citationLine(source.publisher)))],
    record,
    accessedOn: isoDay(accessed),
  };
}

/** "National Crime Agency, ITV News and 3 others": the publishers a chart draws on, as a citation names them. */
export function drawnFromPhrase(publishers: string[], named = 3): string {
  if (publishers.length === 0) return "";
  if (publishers.length <= named + 1) {
    return publishers.length === 1
      ? publishers[0]!
      : `${publishers.slice(0, -1).join(", ")} and ${publishers[publishers.length - 1]}`;
  }
  const others = publishers.length - named;
  return `${publishers.slice(0, named).join(", ")} and ${others} others`;
}

/**
 * What no standard field of every format holds: the original source (or the publishers a chart
 * draws on) and the day the record reached the revision cited.
 */
export function citationNote(work: CitedWork): string {
  const { record } = work;
  const compiled = `Compiled in ${record.name}, revision ${record.revision}, ${formatPartialDate(record.compiledOn)}.`;
  if (work.kind === "chart") {
    const drawn =
      work.drawnFrom.length > 0
        ? `Drawn from figures reported by ${drawnFromPhrase(work.drawnFrom, work.drawnFrom.length)}. `
        : "";
    return `${drawn}${compiled}`;
  }
  const source = work.source;
  const original = [
    source?.publisher ?? work.author,
    ...(source?.title ? [`“${source.title}”`] : []),
    ...(source?.publishedOn ? [formatPartialDate(source.publishedOn)] : []),
    ...(source?.url ? [source.url] : []),
  ];
  return `Original source: ${original.join(", ")}. ${compiled} The figure's words belong to its source.`;
}
