import type { Transaction } from "./versioned";

/** The longest id a record is given; a slug is cut at a hyphen before it. */
const MAX_ID_LENGTH = 80;

/**
 * Words as an id's part, as the dataset writes them ("National Crime Agency" → "national-crime-agency"):
 * lower case, letters and digits of any script folded to ASCII where they have a base letter,
 * every other run of characters one hyphen.
 */
export function slugOf(text: string, max = MAX_ID_LENGTH): string {
  const slug = text
    .normalize("NFKD")
    .replace(/\p{M}+/gu, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "");
  if (slug.length <= max) return slug;
  const cut = slug.slice(0, max);
  const hyphen = cut.lastIndexOf("-");
  return hyphen > max / 2 ? cut.slice(0, hyphen) : cut;
}

/**
 * The first of `candidates` (most readable first) that no record of the type has, and none ever
 * had: an id in the revision log still names its deleted record there, and in pinned embeds and
 * citations, so it is never given to another. Past the candidates, the first with a number added.
 */
export async function unusedId(
  tx: Transaction,
  recordType: string,
  candidates: string[],
  exists: (id: string) => Promise<boolean>,
): Promise<string | undefined> {
  const usable = [...new Set(candidates.map((candidate) => slugOf(candidate)).filter(Boolean))];
  if (usable.length === 0) return undefined;
  const free = async (id: string) =>
    !(await exists(id)) &&
    !(await tx.revision.findFirst({ where: { recordType, recordId: id }, select: { id: true } }));
  for (const candidate of usable) if (await free(candidate)) return candidate;
  for (let number = 2; ; number += 1) {
    const numbered = `${usable[0]}-${number}`;
    if (await free(numbered)) return numbered;
  }
}
