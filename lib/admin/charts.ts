import type { SignedInEditor } from "@/lib/auth/sessions.server";
import type { PrismaClient } from "@/lib/db/client.server";
import { chartRecord } from "@/lib/records/chart";
import { saveRecord, type SaveOutcome } from "./records";

/**
 * Publishing or unpublishing a chart is a save of its one "Public" field, with the version the
 * editor saw: the same revision, history and revert as any change, and no other field touched.
 */
export async function setChartPublished(
  db: PrismaClient,
  editor: SignedInEditor,
  change: { id: string; version: number; published: boolean; reason: string | null },
): Promise<SaveOutcome> {
  const stored = await chartRecord.store.find(db, change.id);
  if (!stored) return { status: "refused", message: "This chart no longer exists: someone deleted it." };
  const values = chartRecord.toFormValues(stored);
  return saveRecord(db, editor, {
    recordType: "chart",
    id: change.id,
    values: {
      ...values,
      published: String(change.published),
      version: String(change.version),
      // Publishing shows readers a new chart and unpublishing takes one away: listed, not announced.
      changeKind: "update",
      reason: change.reason ?? (change.published ? "Published." : "Unpublished."),
    },
  });
}
