import { db } from "@/lib/db.server";
import { rulingOrder } from "./order";
import { JURISDICTION_LABELS, type Jurisdiction } from "@/lib/domain/vocabulary";
import { sourceSummarySelect, type SourceSummary } from "@/lib/figures/view";
import { formatDate } from "@/lib/figures/format";
import type { Prisma } from "@/lib/generated/prisma/client";

/** A court's decision on the EncroChat evidence, as a page shows it. */
export type RulingView = {
  id: string;
  /** YYYY, YYYY-MM or YYYY-MM-DD; null when the date was not reported. */
  date: string | null;
  dateDisplay: string | null;
  court: string;
  /** The court's entry among the agencies, when it has one. */
  courtId: string | null;
  caseName: string | null;
  jurisdiction: string;
  jurisdictionLabel: string;
  outcome: string;
  note: string | null;
  source: SourceSummary;
};

/** A ruling's own columns, its source by id: what a held change's preview lays its writes over. */
export const rulingColumnsSelect = {
  id: true,
  date: true,
  court: true,
  courtId: true,
  caseName: true,
  jurisdiction: true,
  outcome: true,
  note: true,
  sourceId: true,
} satisfies Prisma.RulingSelect;

export const rulingViewSelect = {
  ...rulingColumnsSelect,
  sourceId: false,
  source: { select: sourceSummarySelect },
} satisfies Prisma.RulingSelect;

export function toRulingView(row: Prisma.RulingGetPayload<{ select: typeof rulingViewSelect }>): RulingView {
  return {
    ...row,
    dateDisplay: row.date ? formatDate(row.date) : null,
    jurisdictionLabel: JURISDICTION_LABELS[row.jurisdiction as Jurisdiction] ?? row.jurisdiction,
  };
}

/** Every ruling, in the order of lib/data/order.ts. */
export async function fetchRulings(): Promise<RulingView[]> {
  const rows = await db.ruling.findMany({ select: rulingViewSelect });
  return rows.map(toRulingView).sort(rulingOrder);
}
