import type { FigureFilters, FigureSortColumn, SortDirection } from "./table-query";
import type { FigureView } from "./view";

/**
 * The table's filters and orders over figures held in memory: the record as it stood is replayed
 * from the revision log, not read from the figures table, so figureWhere and figureOrderBy
 * (table-where.ts) cannot apply. Each mirrors its SQL twin; keep them in step.
 */

export function figureMatches(filters: FigureFilters): (figure: FigureView) => boolean {
  const fragments = (filters.q ?? "")
    .split(/[%_]/)
    .filter((fragment) => fragment.trim() !== "")
    .map((fragment) => fragment.toLowerCase());
  const containsAll = (text: string | null) => {
    const lower = (text ?? "").toLowerCase();
    return fragments.every((fragment) => lower.includes(fragment));
  };
  return (figure) =>
    (!filters.kind || figure.kind === filters.kind) &&
    (!filters.metric || figure.metric.id === filters.metric) &&
    (!filters.geography || figure.geography.id === filters.geography) &&
    (!filters.agency || figure.agency?.id === filters.agency) &&
    (!filters.source || figure.source.id === filters.source) &&
    (!filters.from || figure.asOf >= filters.from || filters.from.startsWith(`${figure.asOf}-`)) &&
    // "~" sorts after "-" and every digit, so this takes in every date within the end period.
    (!filters.to || figure.asOf < `${filters.to}~`) &&
    (fragments.length === 0 ||
      containsAll(figure.label) ||
      containsAll(figure.quote) ||
      containsAll(figure.note) ||
      containsAll(figure.source.publisher));
}

type Compare = (a: FigureView, b: FigureView) => number;

/** The order figureOrderBy asks the database for; an empty column comes first going up, last going down. */
export function figureOrder(sort: FigureSortColumn, dir: SortDirection): Compare {
  const sign = dir === "asc" ? 1 : -1;
  const by =
    (key: (figure: FigureView) => string | null, direction = sign): Compare =>
    (a, b) =>
      direction * compareNullable(key(a), key(b));
  const tieBreak: Compare[] = [by((figure) => figure.asOf, 1), by((figure) => figure.id, 1)];
  const orders: Record<FigureSortColumn, Compare[]> = {
    figure: [by((figure) => figure.label), ...tieBreak],
    value: [by((figure) => figure.unit, 1), (a, b) => sign * compareDecimal(a.value, b.value), ...tieBreak],
    kind: [by((figure) => figure.kind), by((figure) => figure.metric.label, 1), ...tieBreak],
    geography: [by((figure) => figure.geography.label), ...tieBreak],
    agency: [by((figure) => figure.agency?.name ?? null), ...tieBreak],
    source: [by((figure) => figure.source.publisher), by((figure) => figure.source.publishedOn), ...tieBreak],
    date: [by((figure) => figure.asOf), by((figure) => figure.id, 1)],
  };
  const chain = orders[sort];
  return (a, b) => {
    for (const compare of chain) {
      const order = compare(a, b);
      if (order !== 0) return order;
    }
    return 0;
  };
}

function compareNullable(a: string | null, b: string | null): number {
  if (a === b) return 0;
  if (a === null) return -1;
  if (b === null) return 1;
  return a < b ? -1 : 1;
}

/** Exact values as decimal text ("1234.5"), compared exactly. */
function compareDecimal(a: string, b: string): number {
  const [aWhole = "0", aFraction = ""] = a.split(".");
  const [bWhole = "0", bFraction = ""] = b.split(".");
  const whole = BigInt(aWhole) - BigInt(bWhole);
  if (whole !== 0n) return whole < 0n ? -1 : 1;
  const width = Math.max(aFraction.length, bFraction.length);
  return compareNullable(aFraction.padEnd(width, "0"), bFraction.padEnd(width, "0"));
}
