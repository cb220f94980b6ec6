import type { Prisma } from "@/lib/generated/prisma/client";
import type { FigureFilters, FigureSortColumn, SortDirection } from "./table-query";

/**
 * A figure dated at a coarser precision covers a period: "2021" is the whole year. It matches a
 * range when that period overlaps it, so "2021" is inside a range from 2021-01-01, and
 * "2021-03-09" inside a range to 2021-03. Partial dates sort chronologically as text, so both
 * bounds are text comparisons that can use the index on asOf.
 */
export function figureWhere(filters: FigureFilters): Prisma.FigureWhereInput {
  const conditions: Prisma.FigureWhereInput[] = [];
  if (filters.kind) conditions.push({ metric: { kind: filters.kind } });
  if (filters.metric) conditions.push({ metricId: filters.metric });
  if (filters.geography) conditions.push({ geographyId: filters.geography });
  if (filters.agency) conditions.push({ agencyId: filters.agency });
  if (filters.source) conditions.push({ sourceId: filters.source });
  if (filters.from) {
    // Either the figure starts on or after the start, or it is a period containing the start.
    const containing = coarserDates(filters.from);
    const onOrAfter: Prisma.FigureWhereInput = { asOf: { gte: filters.from } };
    conditions.push(containing.length === 0 ? onOrAfter : { OR: [onOrAfter, { asOf: { in: containing } }] });
  }
  if (filters.to) {
    // "~" sorts after "-" and every digit, so this takes in every date within the end period.
    conditions.push({ asOf: { lt: `${filters.to}~` } });
  }
  const fragments = searchFragments(filters.q);
  if (fragments.length > 0) {
    // Case-insensitive on both databases: SQLite's LIKE is, and the PostgreSQL client adds
    // mode: "insensitive" to every `contains` (insensitiveText in lib/db/postgres.server.ts).
    const containsAll = (field: "label" | "quote" | "note"): Prisma.FigureWhereInput => ({
      AND: fragments.map((fragment) => ({ [field]: { contains: fragment } })),
    });
    conditions.push({
      OR: [
        containsAll("label"),
        containsAll("quote"),
        containsAll("note"),
        { source: { AND: fragments.map((fragment) => ({ publisher: { contains: fragment } })) } },
      ],
    });
  }
  return conditions.length === 0 ? {} : { AND: conditions };
}

/**
 * Values are ordered within their unit: pounds, kilograms and people do not compare. Every order
 * ends with the date and id, so a page never shows a figure twice or skips one. Where a column
 * may be empty the order says where empties go (first going up, last going down), since SQLite
 * and PostgreSQL would otherwise put them at opposite ends.
 */
export function figureOrderBy(sort: FigureSortColumn, dir: SortDirection): Prisma.FigureOrderByWithRelationInput[] {
  const tieBreak: Prisma.FigureOrderByWithRelationInput[] = [{ asOf: "asc" }, { id: "asc" }];
  switch (sort) {
    case "figure":
      return [{ label: dir }, ...tieBreak];
    case "value":
      return [{ unit: "asc" }, { valueMinor: dir }, ...tieBreak];
    case "kind":
      return [{ metric: { kind: dir } }, { metric: { label: "asc" } }, ...tieBreak];
    case "geography":
      return [{ geography: { label: dir } }, ...tieBreak];
    case "agency":
      return [{ agency: { name: dir } }, ...tieBreak];
    case "source":
      return [
        { source: { publisher: dir } },
        { source: { publishedOn: { sort: dir, nulls: dir === "asc" ? "first" : "last" } } },
        ...tieBreak,
      ];
    case "date":
      return [{ asOf: dir }, { id: "asc" }];
  }
}

/**
 * Prisma searches SQLite with LIKE and no ESCAPE clause, so a "%" or "_" typed by a reader would
 * act as a wildcard. Searching for the text around them instead never matches less than the
 * reader asked for, and rarely more.
 */
function searchFragments(q: string | null): string[] {
  return (q ?? "").split(/[%_]/).filter((fragment) => fragment.trim() !== "");
}

/** "2021-03-09" lies within "2021-03" and "2021". */
function coarserDates(date: string): string[] {
  const [year, month] = date.split("-");
  const dates: string[] = [];
  if (date.length > 4 && year) dates.push(year);
  if (date.length > 7 && month) dates.push(`${year}-${month}`);
  return dates;
}
