import type { z } from "zod";
import { figureSnapshot, type FigureSnapshot } from "@/lib/records/figure";
import { rulingSnapshot, type RulingSnapshot } from "@/lib/records/ruling";

/**
 * A pinned embed shows a chart exactly as it was at a revision. Every change to a record is a
 * Revision row holding its columns after the change (the seed wrote one for each record it
 * imported), so replaying them up to a revision gives the records of that moment. What of a
 * record a chart reads is declared by its record type (lib/records/).
 */

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
