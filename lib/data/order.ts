/**
 * The order of the sources, agencies and rulings pages' entries, in code: each database orders
 * text by its own collation (PostgreSQL's puts "actualnewsmagazine.com" before "De Telegraaf",
 * SQLite's after), and a held change's preview, which orders records the database has not stored,
 * must order them as the public page does (decision 0023). Code-point order, on both databases.
 */

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** A missing date last. */
export function compareNullsLast(a: string | null, b: string | null): number {
  return a === null ? (b === null ? 0 : 1) : b === null ? -1 : compareText(a, b);
}

/** Oldest first, those whose date is unknown last; then by publisher. */
export function sourceOrder(
  a: { publishedOn: string | null; publisher: string; id: string },
  b: { publishedOn: string | null; publisher: string; id: string },
): number {
  return (
    compareNullsLast(a.publishedOn, b.publishedOn) || compareText(a.publisher, b.publisher) || compareText(a.id, b.id)
  );
}

/** By name. */
export function agencyOrder(a: { name: string; id: string }, b: { name: string; id: string }): number {
  return compareText(a.name, b.name) || compareText(a.id, b.id);
}

/** A ruling whose date was not reported comes last rather than being given one. */
export function rulingOrder(a: { date: string | null; id: string }, b: { date: string | null; id: string }): number {
  return compareNullsLast(a.date, b.date) || compareText(a.id, b.id);
}

/** The figures under an entry: by the date they describe, then label. */
export function entryFigureOrder(
  a: { asOf: string; label: string; id: string },
  b: { asOf: string; label: string; id: string },
): number {
  return compareText(a.asOf, b.asOf) || compareText(a.label, b.label) || compareText(a.id, b.id);
}
