/**
 * A date as precise as its source gives it: a year ("2021"), a month ("2020-07") or a day
 * ("2020-07-02"). The text is stored as is, so no day is ever invented; it also sorts
 * chronologically as text.
 */
export type DatePrecision = "year" | "month" | "day";

export type PartialDate = {
  text: string;
  precision: DatePrecision;
  year: number;
  month?: number;
  day?: number;
};

const PATTERN = /^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$/;

export function parsePartialDate(text: string): PartialDate | null {
  const match = PATTERN.exec(text.trim());
  if (!match) return null;
  const year = Number(match[1]);
  if (year < 1900 || year > 2999) return null;
  if (match[2] === undefined) return { text: match[0], precision: "year", year };
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  if (match[3] === undefined) return { text: match[0], precision: "month", year, month };
  const day = Number(match[3]);
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return { text: match[0], precision: "day", year, month, day };
}

export function isPartialDate(text: string): boolean {
  return parsePartialDate(text) !== null;
}

const FORMATS: Record<DatePrecision, Intl.DateTimeFormat> = {
  day: new Intl.DateTimeFormat("en-GB", { day: "numeric", month: "long", year: "numeric", timeZone: "UTC" }),
  month: new Intl.DateTimeFormat("en-GB", { month: "long", year: "numeric", timeZone: "UTC" }),
  year: new Intl.DateTimeFormat("en-GB", { year: "numeric", timeZone: "UTC" }),
};

/** "2 July 2020", "July 2020" or "2020", as precise as the date is known. */
export function formatPartialDate(text: string): string {
  const date = parsePartialDate(text);
  if (!date) return text;
  return FORMATS[date.precision].format(new Date(Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1)));
}

/**
 * Where a date sits on a time axis, in milliseconds: a day at its noon, a month at its 15th,
 * a year at 1 July, so that a figure known only to the month or year is drawn mid-period
 * rather than on a day nobody reported.
 */
export function partialDateTimestamp(text: string): number | null {
  const date = parsePartialDate(text);
  if (!date) return null;
  switch (date.precision) {
    case "day":
      return Date.UTC(date.year, (date.month ?? 1) - 1, date.day ?? 1, 12);
    case "month":
      return Date.UTC(date.year, (date.month ?? 1) - 1, 15);
    case "year":
      return Date.UTC(date.year, 6, 1);
  }
}
