import { rulingViewSelect, toRulingView, type RulingView } from "@/lib/data/rulings.server";
import { db } from "@/lib/db.server";
import { entryFigureOrder, rulingOrder, sourceOrder } from "./order";
import { SOURCE_KIND_LABELS, type SourceKind } from "@/lib/domain/vocabulary";
import {
  figureViewSelect,
  sourceSummarySelect,
  toFigureView,
  type FigureView,
  type SourceSummary,
} from "@/lib/figures/view";
import { formatDate } from "@/lib/figures/format";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A source with everything the record took from it. */
export type SourceEntry = SourceSummary & {
  publishedOnDisplay: string | null;
  dateNote: string | null;
  kindLabel: string;
  note: string | null;
  figures: FigureView[];
  rulings: RulingView[];
};

/** A source's own columns, as its entry shows them. */
export const sourceEntrySelect = { ...sourceSummarySelect, dateNote: true, note: true } satisfies Prisma.SourceSelect;
export type SourceColumns = Prisma.SourceGetPayload<{ select: typeof sourceEntrySelect }>;

/** Every source, oldest first; those whose date is unknown last. */
export async function fetchSources(): Promise<SourceEntry[]> {
  const rows = await db.source.findMany({
    select: {
      ...sourceEntrySelect,
      figures: { select: figureViewSelect },
      rulings: { select: rulingViewSelect },
    },
  });
  return rows
    .sort(sourceOrder)
    .map(({ figures, rulings, ...source }) =>
      sourceEntry(
        source,
        figures.map(toFigureView).sort(entryFigureOrder),
        rulings.map(toRulingView).sort(rulingOrder),
      ),
    );
}

/**
 * A source's entry from its columns and what the record took from it: the public page's, and a
 * held change's private preview's, from the record with the change (decision 0023).
 */
export function sourceEntry(source: SourceColumns, figures: FigureView[], rulings: RulingView[]): SourceEntry {
  return {
    ...source,
    publishedOnDisplay: source.publishedOn ? formatDate(source.publishedOn) : null,
    kindLabel: SOURCE_KIND_LABELS[source.kind as SourceKind] ?? source.kind,
    figures,
    rulings,
  };
}
