import type { Prisma } from "@/lib/generated/prisma/client";
import { partialDateTimestamp } from "@/lib/domain/partial-date";
import { formatMinor } from "@/lib/domain/quantity";
import { isUnit, type Unit } from "@/lib/domain/units";
import { QUALIFIERS, type FigureKind, type Qualifier } from "@/lib/domain/vocabulary";
import { formatDate, formatFigure } from "./format";

/** What a page needs to show one figure with its provenance; plain data, safe to serialise. */
export type FigureView = {
  id: string;
  label: string;
  kind: FigureKind;
  metric: { id: string; label: string };
  /** The exact value as decimal text in its unit ("54000000"); never a float. */
  value: string;
  unit: Unit;
  qualifier: Qualifier;
  /** "over £54 million" */
  display: string;
  asOf: string;
  /** "2 July 2020", "July 2020" or "2020" */
  asOfDisplay: string;
  geography: { id: string; label: string };
  agency: { id: string; name: string; shortName: string | null; country: string } | null;
  source: SourceSummary;
  quote: string;
  note: string | null;
};

export type SourceSummary = {
  id: string;
  publisher: string;
  title: string | null;
  url: string;
  publishedOn: string | null;
  kind: string;
  copy: string;
  copyOf: string | null;
};

export const sourceSummarySelect = {
  id: true,
  publisher: true,
  title: true,
  url: true,
  publishedOn: true,
  kind: true,
  copy: true,
  copyOf: true,
} satisfies Prisma.SourceSelect;

/** The columns that hold a figure's value as its source gave it. */
const figureValueSelect = { valueMinor: true, unit: true, qualifier: true } satisfies Prisma.FigureSelect;

export const figureViewSelect = {
  id: true,
  label: true,
  ...figureValueSelect,
  asOf: true,
  quote: true,
  note: true,
  metric: { select: { id: true, label: true, kind: true } },
  geography: { select: { id: true, label: true } },
  agency: { select: { id: true, name: true, shortName: true, country: true } },
  source: { select: sourceSummarySelect },
} satisfies Prisma.FigureSelect;

type FigureRow = Prisma.FigureGetPayload<{ select: typeof figureViewSelect }>;

export function toFigureView(row: FigureRow): FigureView {
  const unit = asUnit(row.unit);
  const qualifier = asQualifier(row.qualifier);
  return {
    id: row.id,
    label: row.label,
    kind: row.metric.kind as FigureKind,
    metric: { id: row.metric.id, label: row.metric.label },
    value: formatMinor(row.valueMinor, unit),
    unit,
    qualifier,
    display: formatFigure(row.valueMinor, unit, qualifier),
    asOf: row.asOf,
    asOfDisplay: formatDate(row.asOf),
    geography: row.geography,
    agency: row.agency,
    source: row.source,
    quote: row.quote,
    note: row.note,
  };
}

function asUnit(unit: string): Unit {
  if (!isUnit(unit)) throw new Error(`Unknown unit "${unit}" in the database.`);
  return unit;
}

function asQualifier(qualifier: string): Qualifier {
  if (!isQualifier(qualifier)) throw new Error(`Unknown qualifier "${qualifier}" in the database.`);
  return qualifier;
}

function isQualifier(qualifier: string): qualifier is Qualifier {
  return (QUALIFIERS as readonly string[]).includes(qualifier);
}

/** What figureValueLine reads of a figure. */
export const figureValueLineSelect = {
  ...figureValueSelect,
  asOf: true,
  geography: { select: { label: true } },
  source: { select: { publisher: true } },
} satisfies Prisma.FigureSelect;

/**
 * A figure in one line, enough to tell it from its neighbours in a list: "over £54 million ·
 * United Kingdom · 2 July 2020 · ITV News". Unlike toFigureView it does not refuse a unit or
 * qualifier this version does not know: it shows the stored integer instead, so the figure can
 * still be found and corrected.
 */
export function figureValueLine(row: Prisma.FigureGetPayload<{ select: typeof figureValueLineSelect }>): string {
  const value =
    isUnit(row.unit) && isQualifier(row.qualifier)
      ? formatFigure(row.valueMinor, row.unit, row.qualifier)
      : String(row.valueMinor);
  return [value, row.geography.label, formatDate(row.asOf), row.source.publisher].join(" · ");
}

/** Earliest first, by the date each figure describes; the same date keeps a stable order. */
export function byDate(a: Pick<FigureView, "asOf" | "id">, b: Pick<FigureView, "asOf" | "id">): number {
  return (partialDateTimestamp(a.asOf) ?? 0) - (partialDateTimestamp(b.asOf) ?? 0) || a.id.localeCompare(b.id);
}
