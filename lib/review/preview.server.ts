import type { ReplayedRevision } from "@/lib/as-at/replay";
import { diffRevision, type FieldChange } from "@/lib/admin/history";
import type { ChartSpec } from "@/lib/charts/types";
import { db } from "@/lib/db.server";
import type { FigureView } from "@/lib/figures/view";
import { editableRecord, isEditableRecordType } from "@/lib/records/registry";
import { snapshot } from "@/lib/revisions";
import type { HeldSummary, PendingStatus } from "./pending";
import { fetchPublicPreview, touchedPages, type TouchedPage } from "./public-preview.server";

export type HeldPreview = HeldSummary & {
  /** Each record the change writes, with the fields it changes. */
  writes: { recordType: string; recordId: string; action: string; noun: string; changes: FieldChange[] }[];
  /** The figures it writes, as readers will read them. */
  figures: FigureView[];
  /** The published charts it changes, drawn with it. */
  charts: ChartSpec[];
  /** The public pages and embeds it touches, each with its private preview. */
  pages: TouchedPage[];
};

/**
 * A held change shown as readers would see it, for its editors only: its fields, the figures it
 * writes, the charts it changes, and the public pages it touches (./public-preview.server.ts).
 * Nothing public reads this: the public pages never read held changes.
 */
export async function fetchHeldPreview(id: number): Promise<HeldPreview | null> {
  const [held, preview] = await Promise.all([
    db.pendingChange.findUnique({
      where: { id },
      include: { author: { select: { name: true } }, reviewer: { select: { name: true } } },
    }),
    fetchPublicPreview(id),
  ]);
  if (!held || !preview) return null;
  return {
    id: held.id,
    summary: held.summary,
    status: held.status as PendingStatus,
    author: held.author.name,
    reviewer: held.reviewer?.name ?? null,
    createdAt: held.createdAt,
    publishAt: held.publishAt,
    reason: held.reason,
    rejectionReason: held.rejectionReason,
    failure: held.failure,
    writes: await Promise.all(preview.writes.map(describeWrite)),
    figures: preview.figures,
    charts: preview.charts.filter((chart) => chart.changed).map((chart) => chart.drawn),
    pages: touchedPages(preview),
  };
}

/** A write's fields against the record as it is now (which may have moved since the change was made). */
async function describeWrite(write: ReplayedRevision) {
  const kind = isEditableRecordType(write.recordType) ? editableRecord(write.recordType) : null;
  const current = kind ? await kind.store.find(db, write.recordId) : null;
  return {
    recordType: write.recordType,
    recordId: write.recordId,
    action: write.action,
    noun: kind?.noun ?? write.recordType,
    changes: diffRevision({
      recordType: write.recordType,
      before: current && write.action !== "create" ? snapshot(current) : null,
      after: write.action === "delete" ? null : write.after,
    }),
  };
}
