import { z } from "zod";
import type { RulingMark } from "@/lib/charts/build";
import type { FigureKind } from "@/lib/domain/vocabulary";
import { toFigureView, type FigureView, type SourceSummary } from "@/lib/figures/view";
import { agencySnapshot } from "@/lib/records/agency";
import { figureSnapshot, type FigureSnapshot } from "@/lib/records/figure";
import { rulingSnapshot } from "@/lib/records/ruling";
import { sourceSnapshot } from "@/lib/records/source";
import { compareText } from "@/lib/data/order";

/**
 * The public record as it stood just after a revision, replayed from the append-only revision
 * log: every change to a record is a Revision row holding its columns after the change (the seed
 * wrote one for each record it imported), so the last row of each record up to a revision is
 * that record then, and a delete means it was gone. Unlike a pinned chart (decision 0016), which
 * keeps its numbers and names its sources as they are now, this names each source and agency as it
 * was named then: it is what a reader downloading the record that day read.
 */

/** The record types the public record is made of, as the Revision table names them. */
export const REPLAYED_TYPES = ["geography", "metric", "source", "agency", "figure", "conflict", "ruling"] as const;

export type ReplayedRevision = { recordType: string; recordId: string; action: string; after: string | null };

/** Two figures whose sources disagree, as they stood; either may be named first. */
export type ConflictAsAt = { id: string; figureId: string; otherFigureId: string; note: string | null };

export type RecordAsAt = {
  /** Every figure then, by id. */
  figures: FigureView[];
  conflicts: ConflictAsAt[];
  /** Dated first, undated before them, as the live record orders them. */
  rulings: RulingMark[];
};

/** What the current rows say of records whose revisions cannot be read (a database older than its snapshots). */
export type CurrentNames = {
  metrics: { id: string; label: string; kind: string }[];
  geographies: { id: string; label: string }[];
  agencies: NonNullable<FigureView["agency"]>[];
  sources: SourceSummary[];
};

const metricSnapshot = z.object({ id: z.string(), label: z.string(), kind: z.string() });
const geographySnapshot = z.object({ id: z.string(), label: z.string() });
const conflictSnapshot = z.object({
  id: z.string(),
  figureId: z.string(),
  otherFigureId: z.string(),
  note: z
    .string()
    .nullish()
    .transform((value) => value ?? null),
});
// A figure's own snapshot after an edit or a revert also holds its conflict pairs (lib/records/figure.ts).
const figurePairs = z.object({
  conflicts: z.array(z.object({ otherFigureId: z.string(), note: z.string().nullish() })).optional(),
  conflictedBy: z.array(z.object({ figureId: z.string(), note: z.string().nullish() })).optional(),
});

/** Revisions oldest first, of the types in REPLAYED_TYPES, up to the revision replayed. */
export function replayRecord(revisions: ReplayedRevision[], current: CurrentNames): RecordAsAt {
  const state = {
    geography: new Map<string, z.infer<typeof geographySnapshot>>(),
    metric: new Map<string, z.infer<typeof metricSnapshot>>(),
    source: new Map<string, SourceSummary>(),
    agency: new Map<string, z.infer<typeof agencySnapshot>>(),
    figure: new Map<string, FigureSnapshot>(),
    ruling: new Map<string, RulingMark>(),
  };
  const pairs = new Map<string, ConflictAsAt>();
  const pairKey = (a: string, b: string) => [a, b].sort().join(" ");

  for (const revision of revisions) {
    const gone = revision.action === "delete" || revision.after === null;
    const json = gone ? null : parseJson(revision.after);
    switch (revision.recordType) {
      case "geography":
        keep(state.geography, revision.recordId, gone, json, geographySnapshot);
        break;
      case "metric":
        keep(state.metric, revision.recordId, gone, json, metricSnapshot);
        break;
      case "source":
        keep(state.source, revision.recordId, gone, json, sourceSnapshot);
        break;
      case "agency":
        keep(state.agency, revision.recordId, gone, json, agencySnapshot);
        break;
      case "ruling":
        keep(state.ruling, revision.recordId, gone, json && { date: null, caseName: null, ...json }, rulingSnapshot);
        break;
      case "conflict": {
        const pair = json === null ? null : conflictSnapshot.safeParse(json);
        if (pair?.success) pairs.set(pairKey(pair.data.figureId, pair.data.otherFigureId), pair.data);
        else if (gone) for (const [key, kept] of pairs) if (kept.id === revision.recordId) pairs.delete(key);
        break;
      }
      case "figure": {
        const id = revision.recordId;
        // The seed's snapshots leave out empty columns.
        keep(state.figure, id, gone, json && { agencyId: null, note: null, ...json }, figureSnapshot);
        // A deleted figure's pairs go with it (the database cascades); a revert's snapshot brings
        // back those whose other figure is still there, as restoring it does.
        if (gone || json !== null) {
          const listed = json === null ? null : figurePairs.safeParse(json);
          const restates = listed?.success && (listed.data.conflicts || listed.data.conflictedBy);
          if (gone || restates) {
            for (const [key, pair] of pairs) if (pair.figureId === id || pair.otherFigureId === id) pairs.delete(key);
          }
          if (listed?.success && restates) {
            const sides = [
              ...(listed.data.conflicts ?? []).map((row) => ({
                figureId: id,
                otherFigureId: row.otherFigureId,
                note: row.note,
              })),
              ...(listed.data.conflictedBy ?? []).map((row) => ({
                figureId: row.figureId,
                otherFigureId: id,
                note: row.note,
              })),
            ];
            for (const side of sides) {
              const other = side.figureId === id ? side.otherFigureId : side.figureId;
              if (!state.figure.has(other)) continue;
              pairs.set(pairKey(side.figureId, side.otherFigureId), {
                id: `${side.figureId}--${side.otherFigureId}`,
                figureId: side.figureId,
                otherFigureId: side.otherFigureId,
                note: side.note ?? null,
              });
            }
          }
        }
        break;
      }
    }
  }

  // What the log cannot name (a record whose snapshots do not parse) is named as it is now.
  const named = <T extends { id: string }>(replayed: Map<string, T>, rows: T[]) => {
    const now = new Map(rows.map((row) => [row.id, row]));
    return (id: string): T | undefined => replayed.get(id) ?? now.get(id);
  };
  const metric = named(state.metric, current.metrics);
  const geography = named(state.geography, current.geographies);
  const agency = named(state.agency, current.agencies);
  const source = named(state.source, current.sources);

  const figures = [...state.figure.values()]
    .flatMap((figure) => {
      const parts = {
        metric: metric(figure.metricId),
        geography: geography(figure.geographyId),
        source: source(figure.sourceId),
      };
      // As a pinned chart does: a figure whose metric, area or source is unknown is left out.
      if (!parts.metric || !parts.geography || !parts.source) return [];
      const agencyThen = figure.agencyId ? (agency(figure.agencyId) ?? null) : null;
      return viewOf({
        ...figure,
        metric: { ...parts.metric, kind: parts.metric.kind as FigureKind },
        geography: parts.geography,
        source: parts.source,
        agency: agencyThen,
      });
    })
    .sort((a, b) => compareText(a.id, b.id));
  const shown = new Set(figures.map((figure) => figure.id));
  const conflicts = [...pairs.values()]
    .filter((pair) => shown.has(pair.figureId) && shown.has(pair.otherFigureId))
    .sort((a, b) => compareText(a.id, b.id));
  const rulings = [...state.ruling.values()].sort(
    (a, b) =>
      (a.date === null ? (b.date === null ? 0 : -1) : b.date === null ? 1 : compareText(a.date, b.date)) ||
      compareText(a.id, b.id),
  );
  return { figures, conflicts, rulings };
}

/** A record's state after one of its revisions; one whose snapshot cannot be read keeps the state before it. */
function keep<T>(state: Map<string, T>, id: string, gone: boolean, json: object | null, schema: z.ZodType<T>): void {
  if (gone) {
    state.delete(id);
    return;
  }
  if (json === null) return;
  const parsed = schema.safeParse(json);
  if (parsed.success) state.set(id, parsed.data);
}

/** A figure in a unit or with a qualifier this version does not know cannot be shown; it is left out rather than failing the whole record. */
function viewOf(row: Parameters<typeof toFigureView>[0]): FigureView[] {
  try {
    return [toFigureView(row)];
  } catch {
    return [];
  }
}

function parseJson(text: string | null): Record<string, unknown> | null {
  if (text === null) return null;
  try {
    const value: unknown = JSON.parse(text);
    return typeof value === "object" && value !== null ? (value as Record<string, unknown>) : null;
  } catch {
    return null;
  }
}
