import type { Transaction } from "./versioned";

/** "2 figures: “Cash seized” (itv-cash), …", for a message that names what still points here. */
export function listed(noun: string, rows: { id: string; label: string }[]): string {
  const shown = rows.slice(0, 5).map((row) => `“${row.label}” (${row.id})`);
  const more = rows.length > 5 ? ` and ${rows.length - 5} more` : "";
  return `${rows.length} ${noun}${rows.length === 1 ? "" : "s"}: ${shown.join(", ")}${more}`;
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
