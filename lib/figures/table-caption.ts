import { hasFilters, type FigureSortColumn, type FigureTableQuery, type SortDirection } from "./table-query";

const SORT_WORDS: Record<FigureSortColumn, Record<SortDirection, string>> = {
  figure: { asc: "by figure, A to Z", desc: "by figure, Z to A" },
  value: { asc: "by value within each unit, smallest first", desc: "by value within each unit, largest first" },
  kind: { asc: "by kind, A to Z", desc: "by kind, Z to A" },
  geography: { asc: "by area, A to Z", desc: "by area, Z to A" },
  agency: { asc: "by agency, A to Z", desc: "by agency, Z to A" },
  date: { asc: "by the date described, oldest first", desc: "by the date described, newest first" },
  source: { asc: "by source, A to Z", desc: "by source, Z to A" },
};

/** What the table shows, in words: its caption. */
export function describeFigureTable(query: FigureTableQuery): string {
  const which = hasFilters(query.filters) ? "Figures matching the filters" : "Every figure";
  return `${which}, sorted ${SORT_WORDS[query.sort][query.dir]}.`;
}
