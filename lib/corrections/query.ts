import { recordId } from "@/lib/validation/fields";

/**
 * The corrections page's filters, from its GET form: a figure, a chart, and a range of days.
 * A value that is not one is left out and named in a notice; the page still answers (never a 500).
 */
export type CorrectionsQuery = {
  figure: string | null;
  chart: string | null;
  /** The first and last day, inclusive, at midnight UTC. */
  from: Date | null;
  to: Date | null;
};

/** The most changes one page or feed lists, the newest. */
export const CORRECTIONS_PAGE_SIZE = 100;

export type ParsedCorrectionsQuery = { query: CorrectionsQuery; problems: string[] };

type Params = Record<string, string | string[] | undefined>;

const one = (value: string | string[] | undefined): string => (typeof value === "string" ? value.trim() : "");

function day(text: string): Date | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return null;
  const date = new Date(`${text}T00:00:00Z`);
  // 2026-02-31 parses to 3 March: a day that does not exist is refused, not moved.
  return Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== text ? null : date;
}

export function parseCorrectionsQuery(params: Params): ParsedCorrectionsQuery {
  const problems: string[] = [];
  const id = (name: "figure" | "chart", noun: string): string | null => {
    const text = one(params[name]);
    if (!text) return null;
    const parsed = recordId.safeParse(text);
    if (parsed.success) return parsed.data;
    problems.push(`“${text.slice(0, 80)}” is not ${noun}'s id, so corrections of every ${noun.slice(2)} are shown.`);
    return null;
  };
  const date = (name: "from" | "to", what: string): Date | null => {
    const text = one(params[name]);
    if (!text) return null;
    const parsed = day(text);
    if (!parsed) problems.push(`“${text.slice(0, 40)}” is not a date (YYYY-MM-DD), so no ${what} date is applied.`);
    return parsed;
  };
  const figure = id("figure", "a figure");
  const chart = figure ? null : id("chart", "a chart");
  if (figure && one(params.chart)) problems.push("Choose a figure or a chart, not both: the figure is shown.");
  let from = date("from", "first");
  let to = date("to", "last");
  if (from && to && from > to) {
    problems.push("The first date is after the last: they are swapped.");
    [from, to] = [to, from];
  }
  return { query: { figure, chart, from, to }, problems };
}

/** The date a filter shows back in its field. */
export function dayText(date: Date | null): string {
  return date ? date.toISOString().slice(0, 10) : "";
}
