import { z } from "zod";

/**
 * A pinned embed shows a chart exactly as it was at a revision. Every change to a figure is a
 * Revision row holding the figure's columns after the change (the seed wrote one for each
 * figure it imported), so replaying them up to a revision gives the figures of that moment.
 */
const figureSnapshot = z.object({
  id: z.string(),
  metricId: z.string(),
  valueMinor: z.union([z.string(), z.number()]).transform((value) => BigInt(value)),
  unit: z.string(),
  qualifier: z.string(),
  geographyId: z.string(),
  agencyId: z.string().nullable(),
  asOf: z.string(),
  sourceId: z.string(),
  label: z.string(),
  quote: z.string(),
  note: z.string().nullable(),
});

const rulingSnapshot = z.object({
  id: z.string(),
  date: z.string().nullable(),
  court: z.string(),
  caseName: z.string().nullable(),
  outcome: z.string(),
});

export type FigureSnapshot = z.infer<typeof figureSnapshot>;
export type RulingSnapshot = z.infer<typeof rulingSnapshot>;

type RevisionRow = { recordId: string; action: string; after: string | null };

/** The latest state of each record, oldest revision first in `revisions`; deleted ones are gone. */
function replay<T>(revisions: RevisionRow[], schema: z.ZodType<T>): T[] {
  const state = new Map<string, T | null>();
  for (const revision of revisions) {
    if (revision.action === "delete" || revision.after === null) {
      state.set(revision.recordId, null);
      continue;
    }
    const parsed = schema.safeParse(JSON.parse(revision.after));
    if (parsed.success) state.set(revision.recordId, parsed.data);
  }
  return [...state.values()].filter((record): record is T => record !== null);
}

export function figuresAtRevision(revisions: RevisionRow[]): FigureSnapshot[] {
  return replay(revisions, figureSnapshot);
}

export function rulingsAtRevision(revisions: RevisionRow[]): RulingSnapshot[] {
  return replay(revisions, rulingSnapshot);
}
