import { rulingOrderBy, rulingViewSelect, toRulingView, type RulingView } from "@/lib/data/rulings.server";
import { db } from "@/lib/db.server";
import { SOURCE_KIND_LABELS, type SourceKind } from "@/lib/domain/vocabulary";
import {
  figureViewSelect,
  sourceSummarySelect,
  toFigureView,
  type FigureView,
  type SourceSummary,
} from "@/lib/figures/view";
import { formatDate } from "@/lib/figures/format";

/** A source with everything the record took from it. */
export type SourceEntry = SourceSummary & {
  publishedOnDisplay: string | null;
  dateNote: string | null;
  kindLabel: string;
  note: string | null;
  figures: FigureView[];
  rulings: RulingView[];
};

/** Every source, oldest first; those whose date is unknown last. */
export async function fetchSources(): Promise<SourceEntry[]> {
  const rows = await db.source.findMany({
    select: {
      ...sourceSummarySelect,
      dateNote: true,
      note: true,
      figures: { select: figureViewSelect, orderBy: [{ asOf: "asc" }, { label: "asc" }, { id: "asc" }] },
      rulings: { select: rulingViewSelect, orderBy: rulingOrderBy },
    },
    orderBy: [{ publishedOn: { sort: "asc", nulls: "last" } }, { publisher: "asc" }, { id: "asc" }],
  });
  return rows.map(({ figures, rulings, ...source }) => ({
    ...source,
    publishedOnDisplay: source.publishedOn ? formatDate(source.publishedOn) : null,
    kindLabel: SOURCE_KIND_LABELS[source.kind as SourceKind] ?? source.kind,
    figures: figures.map(toFigureView),
    rulings: rulings.map(toRulingView),
  }));
}
