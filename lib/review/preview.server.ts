import { fetchRecordAsAt, fetchRecordWith } from "@/lib/as-at/read.server";
import type { ReplayedRevision } from "@/lib/as-at/replay";
import { diffRevision, type FieldChange } from "@/lib/admin/history";
import { buildChart } from "@/lib/charts/build";
import { chartDefinition } from "@/lib/charts/definition";
import type { ChartSpec } from "@/lib/charts/types";
import { db } from "@/lib/db.server";
import type { FigureView } from "@/lib/figures/view";
import { editableRecord, isEditableRecordType } from "@/lib/records/registry";
import { snapshot } from "@/lib/revisions";
import type { HeldSummary, PendingStatus } from "./pending";

export type HeldPreview = HeldSummary & {
  /** Each record the change writes, with the fields it changes. */
  writes: { recordType: string; recordId: string; action: string; noun: string; changes: FieldChange[] }[];
  /** The figures it writes, as readers will read them. */
  figures: FigureView[];
  /** The published charts it changes, drawn with it. */
  charts: ChartSpec[];
};

/**
 * A held change shown as readers would see it, for its editors only: the record as it is with the
 * change's writes (kept when it was checked) replayed over it, by the replay behind `?at=`
 * (decision 0021). Nothing public reads this: the public pages never read held changes.
 */
export async function fetchHeldPreview(id: number): Promise<HeldPreview | null> {
  const held = await db.pendingChange.findUnique({
    where: { id },
    include: { author: { select: { name: true } }, reviewer: { select: { name: true } } },
  });
  if (!held) return null;
  const writes = JSON.parse(held.preview) as ReplayedRevision[];
  const latest = await db.revision.findFirst({ select: { id: true }, orderBy: { id: "desc" } });
  const [now, withChange, charts] = await Promise.all([
    fetchRecordAsAt(latest?.id ?? 0),
    fetchRecordWith(writes),
    db.chart.findMany({ where: { published: true }, orderBy: { title: "asc" } }),
  ]);
  const written = new Set(writes.filter((write) => write.recordType === "figure").map((write) => write.recordId));
  const changedCharts = charts.flatMap((stored) => {
    const definition = chartDefinition(stored);
    const drawn = buildChart(definition, withChange.figures, withChange.rulings);
    const before = buildChart(definition, now.figures, now.rulings);
    return JSON.stringify(drawn) === JSON.stringify(before) ? [] : [drawn];
  });
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
    writes: await Promise.all(writes.map(describeWrite)),
    figures: withChange.figures.filter((figure) => written.has(figure.id)),
    charts: changedCharts,
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
