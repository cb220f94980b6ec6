import { fetchRecordAsAt, findAsAt, type AsAt } from "@/lib/as-at/read.server";
import type { RecordAsAt } from "@/lib/as-at/replay";
import { fetchChartInputs } from "@/lib/data/charts.server";
import { fetchConflictingReports, type ConflictingReport } from "@/lib/data/conflicts.server";
import { untilChange } from "@/lib/data/until-change.server";
import { db } from "@/lib/db.server";
import { env } from "@/lib/env.server";
import { correctionNotice } from "@/lib/corrections/public-history";
import { recentlyCorrectedFigures } from "@/lib/corrections/read.server";
import type { FigureKind } from "@/lib/domain/vocabulary";
import { compareText } from "@/lib/data/order";
import { toFigureExport, type FigureExport } from "./export";
import { formatDate } from "./format";
import { selectHeadlines, type Headlines } from "./headlines";
import {
  FIGURES_PER_PAGE,
  clampPage,
  dropUnknownChoices,
  pageCount,
  parseFigureTableQuery,
  type FigureChoice,
  type FigureChoices,
  type FigureTableQuery,
  type SearchParams,
} from "./table-query";
import { figureMatches, figureOrder } from "./table-filter";
import { figureOrderBy, figureWhere } from "./table-where";
import { figureViewSelect, toFigureView, type FigureView } from "./view";

/**
 * The database reads behind a figure's public pages and downloads: the only module in
 * lib/figures that queries, and the only one that is server-only. The rest is plain logic over
 * the rows these return.
 */

export type FigureTableRow = FigureView & {
  conflicts: ConflictingReport[];
  /** "Corrected on 3 December 2026", within the notice period after a correction; null otherwise. */
  corrected: string | null;
};

export type FigureTablePage = {
  query: FigureTableQuery;
  /** What in the address was not understood, and what was done instead. */
  notices: string[];
  rows: FigureTableRow[];
  /** How many figures match the filters, on all pages. */
  total: number;
  pageCount: number;
  /** The position of the first row shown among all matching figures, from 1. */
  firstPosition: number;
  choices: FigureChoices;
  /** The revision the table replays when it shows the record as it stood; null for the live record. */
  asAt: AsAt | null;
};

/**
 * One page of the table of all figures, as the address asks for it. Filtering, counting,
 * ordering and paging all happen in SQL, so only one page of rows is ever read; the record as it
 * stood (`at`) is replayed from the revision log and filtered in memory.
 */
export async function fetchFigureTable(params: SearchParams): Promise<FigureTablePage> {
  const parsed = parseFigureTableQuery(params);
  const [choices, found] = await Promise.all([fetchFigureChoices(), findAsAt(parsed.query.at)]);
  const asAtNotices = found.ok ? [] : [`${found.message} Showing the live record.`];
  const asAt = found.ok ? found.asAt : null;
  const ids = (listed: FigureChoice[]) => listed.map((choice) => choice.id);
  const checked = dropUnknownChoices(
    { ...parsed.query, at: asAt ? parsed.query.at : null },
    {
      metric: ids(choices.metric),
      geography: ids(choices.geography),
      agency: ids(choices.agency),
      source: ids(choices.source),
    },
  );
  const { rows, total, paged } = asAt ? await pageAsAt(checked.query, asAt.revision) : await pageLive(checked.query);
  const { query } = paged;

  return {
    query,
    notices: [...parsed.notices, ...asAtNotices, ...checked.notices, ...paged.notices],
    rows,
    total,
    pageCount: pageCount(total),
    firstPosition: total === 0 ? 0 : (query.page - 1) * FIGURES_PER_PAGE + 1,
    choices,
    asAt,
  };
}

async function pageLive(asked: FigureTableQuery) {
  const where = figureWhere(asked.filters);
  const total = await db.figure.count({ where });
  const paged = clampPage(asked, total);
  const { query } = paged;
  const figures = await db.figure.findMany({
    where,
    orderBy: figureOrderBy(query.sort, query.dir),
    skip: (query.page - 1) * FIGURES_PER_PAGE,
    take: FIGURES_PER_PAGE,
    select: figureViewSelect,
  });
  const [conflicts, corrected] = await Promise.all([
    fetchConflictingReports(figures.map((figure) => figure.id)),
    recentlyCorrectedFigures(db, new Date(), env().CORRECTION_NOTICE_DAYS),
  ]);
  const rows = figures.map((figure) => {
    const at = corrected.get(figure.id);
    return {
      ...toFigureView(figure),
      conflicts: conflicts[figure.id] ?? [],
      corrected: at ? correctionNotice(at) : null,
    };
  });
  return { rows, total, paged };
}

async function pageAsAt(asked: FigureTableQuery, revision: number) {
  const record = await fetchRecordAsAt(revision);
  const matching = record.figures.filter(figureMatches(asked.filters)).sort(figureOrder(asked.sort, asked.dir));
  const paged = clampPage(asked, matching.length);
  const { query } = paged;
  const figures = matching.slice((query.page - 1) * FIGURES_PER_PAGE, query.page * FIGURES_PER_PAGE);
  // The record as it stood: no notice of what was corrected since.
  return { rows: tableRows(record, figures, new Map()), total: matching.length, paged };
}

/**
 * Rows of the table of all figures for figures of a replayed record (as it stood, or with a held
 * change: decision 0023), each with the figures it disagrees with in that record.
 */
function tableRows(record: RecordAsAt, figures: FigureView[], corrected: Map<string, Date>): FigureTableRow[] {
  const byId = new Map(record.figures.map((figure) => [figure.id, figure]));
  return figures.map((figure) => {
    const at = corrected.get(figure.id);
    return {
      ...figure,
      conflicts: record.conflicts.flatMap((pair): ConflictingReport[] => {
        const otherId =
          pair.figureId === figure.id ? pair.otherFigureId : pair.otherFigureId === figure.id ? pair.figureId : null;
        const other = otherId === null ? undefined : byId.get(otherId);
        return other ? [{ conflictId: pair.id, note: pair.note, figure: other }] : [];
      }),
      corrected: at ? correctionNotice(at) : null,
    };
  });
}

/**
 * The rows of `figures` in a record with a held change, with the live table's correction notices
 * and those the change's own corrections (`correcting`, by figure) will add.
 */
export async function fetchTableRowsIn(
  record: RecordAsAt,
  figures: FigureView[],
  correcting: Map<string, Date> = new Map(),
): Promise<FigureTableRow[]> {
  const corrected = await recentlyCorrectedFigures(db, new Date(), env().CORRECTION_NOTICE_DAYS);
  return tableRows(record, figures, new Map([...corrected, ...correcting]));
}

/** The filters' choice lists: the same for every search, read once until the record changes. */
function fetchFigureChoices(): Promise<FigureChoices> {
  return untilChange("figure table choices", readFigureChoices);
}

async function readFigureChoices(): Promise<FigureChoices> {
  const [metrics, geographies, agencies, sources] = await Promise.all([
    db.metric.findMany({ select: { id: true, label: true, kind: true }, orderBy: { label: "asc" } }),
    db.geography.findMany({ select: { id: true, label: true }, orderBy: { label: "asc" } }),
    db.agency.findMany({ select: { id: true, name: true, shortName: true }, orderBy: { name: "asc" } }),
    db.source.findMany({
      select: { id: true, publisher: true, publishedOn: true },
      orderBy: [{ publisher: "asc" }, { publishedOn: { sort: "asc", nulls: "first" } }],
    }),
  ]);
  return {
    metric: metrics.map((metric) => ({ ...metric, kind: metric.kind as FigureKind })),
    geography: geographies,
    agency: agencies.map(({ id, name, shortName }) => ({ id, label: shortName ? `${name} (${shortName})` : name })),
    source: sources.map(({ id, publisher, publishedOn }) => ({
      id,
      label: publishedOn ? `${publisher}, ${formatDate(publishedOn)}` : publisher,
    })),
  };
}

/**
 * Every figure, oldest report first, each with the figures whose sources disagree with it: as the
 * record is, or as it stood just after `revision` (replayed from the revision log).
 */
export async function fetchFiguresForExport(revision: number | null = null): Promise<FigureExport[]> {
  if (revision !== null) {
    const record = await fetchRecordAsAt(revision);
    const figures = [...record.figures].sort((a, b) => compareText(a.asOf, b.asOf) || compareText(a.id, b.id));
    return exportsOf(figures, record.conflicts);
  }
  const [figures, conflicts] = await Promise.all([
    db.figure.findMany({ select: figureViewSelect, orderBy: [{ asOf: "asc" }, { id: "asc" }] }),
    db.figureConflict.findMany({ select: { figureId: true, otherFigureId: true } }),
  ]);
  return exportsOf(figures.map(toFigureView), conflicts);
}

function exportsOf(figures: FigureView[], conflicts: { figureId: string; otherFigureId: string }[]): FigureExport[] {
  const others = new Map<string, string[]>();
  for (const { figureId, otherFigureId } of conflicts) {
    others.set(figureId, [...(others.get(figureId) ?? []), otherFigureId]);
    others.set(otherFigureId, [...(others.get(otherFigureId) ?? []), figureId]);
  }
  // In order, so that the export is the same on either database and as the record stood.
  return figures.map((figure) => toFigureExport(figure, (others.get(figure.id) ?? []).sort(compareText)));
}

/** The headline figures, from the same read of the figures as the page's charts. */
export async function fetchHeadlines(): Promise<Headlines> {
  const { figures } = await fetchChartInputs();
  return selectHeadlines(figures);
}
