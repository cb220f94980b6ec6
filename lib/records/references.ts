import type { Transaction } from "./versioned";

/** "2 figures: “Cash seized” (itv-cash), …", for a message that names what still points here. */
export function listed(noun: string, rows: { id: string; label: string }[], plural = `${noun}s`): string {
  const shown = rows.slice(0, 5).map((row) => `“${row.label}” (${row.id})`);
  const more = rows.length > 5 ? ` and ${rows.length - 5} more` : "";
  return `${rows.length} ${rows.length === 1 ? noun : plural}: ${shown.join(", ")}${more}`;
}

/** The figures and people that cite a source or name an agency, listed. */
export async function citations(
  tx: Transaction,
  where: { sourceId: string } | { agencyId: string },
): Promise<string[]> {
  const figures = await tx.figure.findMany({ where, select: { id: true, label: true }, orderBy: { id: "asc" } });
  const people = await tx.person.findMany({ where, select: { id: true, name: true }, orderBy: { id: "asc" } });
  const found: string[] = [];
  if (figures.length) found.push(listed("figure", figures));
  if (people.length)
    found.push(
      listed(
        "person",
        people.map((person) => ({ id: person.id, label: person.name })),
      ),
    );
  return found;
}

/** The rulings that cite a source or name an agency as their court, listed. */
export async function rulingsCiting(
  tx: Transaction,
  where: { sourceId: string } | { courtId: string },
): Promise<string[]> {
  const rulings = await tx.ruling.findMany({ where, select: { id: true, court: true } });
  return rulings.length
    ? [
        listed(
          "ruling",
          rulings.map((ruling) => ({ id: ruling.id, label: ruling.court })),
        ),
      ]
    : [];
}

/** The figures of a metric or in an area, listed. */
export async function figuresOf(
  tx: Transaction,
  where: { metricId: string } | { geographyId: string },
): Promise<string[]> {
  const figures = await tx.figure.findMany({ where, select: { id: true, label: true }, orderBy: { id: "asc" } });
  return figures.length ? [listed("figure", figures)] : [];
}

/** The charts whose saved selection names a metric or an area (ids joined by commas), listed. */
export async function chartsNaming(tx: Transaction, column: "metrics" | "areas", id: string): Promise<string[]> {
  const candidates = await tx.chart.findMany({
    where: { [column]: { contains: id } },
    select: { id: true, title: true, metrics: true, areas: true },
    orderBy: { id: "asc" },
  });
  const charts = candidates.filter((chart) => chart[column].split(",").includes(id));
  return charts.length
    ? [
        listed(
          "chart",
          charts.map((chart) => ({ id: chart.id, label: chart.title })),
        ),
      ]
    : [];
}

/**
 * The vocabulary's labels are what readers choose from in the figures table's filters: two alike
 * (whatever their case and spacing) could not be told apart. The clash's message, or null.
 */
export function labelClash(
  noun: string,
  others: { id: string; label: string }[],
  label: string,
  id: string | undefined,
): string | null {
  const key = (text: string) => text.normalize("NFKC").toLocaleLowerCase("en-GB").replace(/\s+/g, " ").trim();
  const taken = others.find((other) => other.id !== id && key(other.label) === key(label));
  return taken
    ? `Another ${noun} is already called “${taken.label}” (${taken.id}): choose a name readers can tell apart.`
    : null;
}
