import type { PrismaClient } from "@/lib/db/client.server";
import { chartRecord } from "@/lib/records/chart";
import type { Save } from "./records";

/**
 * Publishing or unpublishing a chart is a save of its one "Public" field, with the version the
 * editor saw: the same revision, history, revert, review and schedule as any change, and no
 * other field touched. Null when the chart is gone.
 */
export async function chartPublishingSave(
  db: PrismaClient,
  change: { id: string; version: number; published: boolean; reason: string | null },
): Promise<Save | null> {
  const stored = await chartRecord.store.find(db, change.id);
  if (!stored) return null;
  return {
    recordType: "chart",
    id: change.id,
    values: {
      ...chartRecord.toFormValues(stored),
      published: String(change.published),
      version: String(change.version),
      // Publishing shows readers a new chart and unpublishing takes one away: listed, not announced.
      changeKind: "update",
      reason: change.reason ?? (change.published ? "Published." : "Unpublished."),
    },
  };
}
