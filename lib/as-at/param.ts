/**
 * `?at=`: the record as it stood, asked for by a day (YYYY-MM-DD, the end of that day in UTC) or
 * by a revision number (just after that revision). This reads the form of the value only; whether
 * the record had begun by then, or has reached it yet, is for the revision log to say
 * (lib/as-at/read.server.ts).
 */
export type AsAtAsked = { date: string } | { revision: number };

export type AsAtParam = { ok: true; asked: AsAtAsked | null } | { ok: false; message: string };

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
// Ten digits at most keeps it a safe integer and a real row id in either database.
const REVISION = /^[1-9]\d{0,9}$/;

export const AS_AT_FORMS = "at= takes a day (YYYY-MM-DD, such as at=2026-11-30) or a revision number (such as at=42).";

/** An absent or empty `at` is the live record. */
export function parseAsAt(value: string | null | undefined): AsAtParam {
  const given = value?.trim() ?? "";
  if (given === "") return { ok: true, asked: null };
  if (REVISION.test(given)) return { ok: true, asked: { revision: Number(given) } };
  const day = DAY.exec(given);
  if (day && isCalendarDay(Number(day[1]), Number(day[2]), Number(day[3]))) {
    return { ok: true, asked: { date: given } };
  }
  const shown = given.length > 40 ? `${given.slice(0, 40)}…` : given;
  return { ok: false, message: `“${shown}” is neither a day nor a revision number: ${AS_AT_FORMS}` };
}

/** The value of `at` that asks for this again. */
export function asAtValue(asked: AsAtAsked): string {
  return "date" in asked ? asked.date : String(asked.revision);
}

function isCalendarDay(year: number, month: number, day: number): boolean {
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** The first instant after the end of `date` (UTC): the record at a day is every revision before it. */
export function endOfDay(date: string): Date {
  const end = new Date(`${date}T00:00:00.000Z`);
  end.setUTCDate(end.getUTCDate() + 1);
  return end;
}

/** The day (UTC) an instant falls on, as YYYY-MM-DD. */
export function dayOf(instant: Date): string {
  return instant.toISOString().slice(0, 10);
}
