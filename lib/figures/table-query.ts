import { z } from "zod";
import { parseAsAt } from "@/lib/as-at/param";
import { FIGURE_KINDS, type FigureKind } from "@/lib/domain/vocabulary";
import { partialDate, recordId } from "@/lib/validation/fields";

/**
 * What the table of all figures shows, as read from its address (/figures?kind=seizure&sort=value).
 * The address is the whole state, so a view can be shared and survives a reload; anything in it
 * that cannot be understood is dropped with a notice rather than failing the page.
 */

export const FIGURES_PER_PAGE = 50;

export const FIGURE_SORT_COLUMNS = ["figure", "value", "kind", "geography", "agency", "date", "source"] as const;
export type FigureSortColumn = (typeof FIGURE_SORT_COLUMNS)[number];

export const SORT_DIRECTIONS = ["asc", "desc"] as const;
export type SortDirection = (typeof SORT_DIRECTIONS)[number];

export type FigureFilters = {
  /** Words to find in the label, the quote, the note or the source's publisher. */
  q: string | null;
  kind: FigureKind | null;
  metric: string | null;
  geography: string | null;
  agency: string | null;
  source: string | null;
  /** Partial dates (YYYY, YYYY-MM or YYYY-MM-DD), both ends included. */
  from: string | null;
  to: string | null;
};

export type FigureTableQuery = {
  filters: FigureFilters;
  sort: FigureSortColumn;
  dir: SortDirection;
  page: number;
  /** The record as it stood at a day (YYYY-MM-DD) or a revision number; null for the live record. */
  at: string | null;
};

export type ParsedFigureTableQuery = { query: FigureTableQuery; notices: string[] };

export type SearchParams = Record<string, string | string[] | undefined>;

/** One entry in a filter's list: the id the address holds, and the words a reader chooses by. */
export type FigureChoice = { id: string; label: string };

/** What each filter chosen from a list can be set to: the metrics, areas, agencies and sources recorded. */
export type FigureChoices = {
  metric: (FigureChoice & { kind: FigureKind })[];
  geography: FigureChoice[];
  agency: FigureChoice[];
  source: FigureChoice[];
};

/** Choices are filtered by id; these are the ids that exist. */
export type FigureChoiceIds = Record<keyof FigureChoices, readonly string[]>;

export const NO_FILTERS: FigureFilters = {
  q: null,
  kind: null,
  metric: null,
  geography: null,
  agency: null,
  source: null,
  from: null,
  to: null,
};

/** Chronological, as the record was reported. */
export const DEFAULT_FIGURE_TABLE_QUERY: FigureTableQuery = {
  filters: NO_FILTERS,
  sort: "date",
  dir: "asc",
  page: 1,
  at: null,
};

const MAX_SEARCH_LENGTH = 100;

const kind = z.enum(FIGURE_KINDS);
const sortColumn = z.enum(FIGURE_SORT_COLUMNS);
const sortDirection = z.enum(SORT_DIRECTIONS);
// Six digits is far beyond any real page, and keeps the offset a safe integer.
const pageNumber = z
  .string()
  .regex(/^\d{1,6}$/)
  .transform(Number)
  .pipe(z.number().int().min(1));

const CHOICE_NAMES = { metric: "metric", geography: "area", agency: "agency", source: "source" } as const;

export function parseFigureTableQuery(params: SearchParams): ParsedFigureTableQuery {
  const notices: string[] = [];
  const given = (name: string): string | null => {
    const raw = params[name];
    const value = (Array.isArray(raw) ? raw[0] : raw)?.trim();
    return value ? value : null;
  };
  const read = <T>(name: string, schema: z.ZodType<T>, notice: (value: string) => string): T | null => {
    const value = given(name);
    if (value === null) return null;
    const result = schema.safeParse(value);
    if (result.success) return result.data;
    notices.push(notice(quoted(value)));
    return null;
  };

  let q = given("q");
  if (q !== null && q.length > MAX_SEARCH_LENGTH) {
    q = q.slice(0, MAX_SEARCH_LENGTH).trim();
    notices.push(`The search was shortened to its first ${MAX_SEARCH_LENGTH} characters.`);
  }
  const filters: FigureFilters = {
    q,
    kind: read("kind", kind, (value) => `There is no kind of figure called ${value}: showing every kind.`),
    metric: read("metric", recordId, (value) => `${value} is not a metric: showing every metric.`),
    geography: read("geography", recordId, (value) => `${value} is not an area: showing every area.`),
    agency: read("agency", recordId, (value) => `${value} is not an agency: showing every agency.`),
    source: read("source", recordId, (value) => `${value} is not a source: showing every source.`),
    from: read(
      "from",
      partialDate,
      (value) => `${value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD): no start date is applied.`,
    ),
    to: read(
      "to",
      partialDate,
      (value) => `${value} is not a date (YYYY, YYYY-MM or YYYY-MM-DD): no end date is applied.`,
    ),
  };
  if (filters.from && filters.to && startsAfterEnd(filters.from, filters.to)) {
    [filters.from, filters.to] = [filters.to, filters.from];
    notices.push("The start date was after the end date, so the two were swapped.");
  }

  const sort = read("sort", sortColumn, (value) => `The table cannot be sorted by ${value}: it is sorted by date.`);
  const dir = read("dir", sortDirection, (value) => `${value} is not a sort order: it is sorted ascending.`);
  const page = read("page", pageNumber, (value) => `There is no page ${value}: showing the first page.`);
  // Only its form is read here; whether the record had begun by then is the revision log's to say.
  const asAt = parseAsAt(given("at"));
  if (!asAt.ok) notices.push(`${asAt.message} Showing the live record.`);

  return {
    query: {
      filters,
      sort: sort ?? DEFAULT_FIGURE_TABLE_QUERY.sort,
      dir: dir ?? DEFAULT_FIGURE_TABLE_QUERY.dir,
      page: page ?? 1,
      at: asAt.ok && asAt.asked ? given("at") : null,
    },
    notices,
  };
}

/** Drops a filter on a metric, place, agency or source the record does not hold. */
export function dropUnknownChoices(query: FigureTableQuery, choices: FigureChoiceIds): ParsedFigureTableQuery {
  const filters = { ...query.filters };
  const notices: string[] = [];
  for (const name of Object.keys(CHOICE_NAMES) as (keyof FigureChoiceIds)[]) {
    const id = filters[name];
    if (id !== null && !choices[name].includes(id)) {
      filters[name] = null;
      notices.push(`No ${CHOICE_NAMES[name]} ${quoted(id)} is recorded: showing every ${CHOICE_NAMES[name]}.`);
    }
  }
  return { query: { ...query, filters }, notices };
}

/** The last page, for a query whose page lies beyond the figures it matches. */
export function clampPage(query: FigureTableQuery, total: number): ParsedFigureTableQuery {
  const last = pageCount(total);
  if (query.page <= last) return { query, notices: [] };
  return {
    query: { ...query, page: last },
    notices: [`There is no page ${query.page}: showing page ${last}, the last.`],
  };
}

export function pageCount(total: number): number {
  return Math.max(1, Math.ceil(total / FIGURES_PER_PAGE));
}

/** The order a column header offers: the other way round if the table is already sorted by it. */
export function sortOffered(query: FigureTableQuery, column: FigureSortColumn): SortDirection {
  return query.sort === column && query.dir === "asc" ? "desc" : "asc";
}

/** The address of a view of the table, leaving out what is the default. */
export function figureTableHref(query: FigureTableQuery): string {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(query.filters)) {
    if (value) params.set(name, value);
  }
  if (query.sort !== DEFAULT_FIGURE_TABLE_QUERY.sort) params.set("sort", query.sort);
  if (query.dir !== DEFAULT_FIGURE_TABLE_QUERY.dir) params.set("dir", query.dir);
  if (query.page !== 1) params.set("page", String(query.page));
  if (query.at) params.set("at", query.at);
  const search = params.toString();
  return search ? `/figures?${search}` : "/figures";
}

export function hasFilters(filters: FigureFilters): boolean {
  return Object.values(filters).some((value) => value !== null);
}

/** Whether the start period begins after the end period ends: "2021-03" does not, against "2021". */
function startsAfterEnd(from: string, to: string): boolean {
  return from > to && !from.startsWith(to);
}

function quoted(value: string): string {
  return `“${value.length > 40 ? `${value.slice(0, 40)}…` : value}”`;
}
