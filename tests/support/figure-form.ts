import type { PrismaClient } from "@/lib/db/client.server";
import { figureRecord } from "@/lib/records/figure";

/**
 * A stored figure's form as an editor would send it, with `changes` made: its values as the form
 * shows them (the value in its unit, not the stored minor units), its version, the kind of change
 * (a correction unless changed) and a reason.
 */
export async function figureForm(prisma: PrismaClient, id: string, changes: Record<string, string> = {}) {
  const figure = await figureRecord.store.find(prisma, id);
  if (!figure) throw new Error(`No figure ${id} to edit.`);
  return {
    recordType: "figure",
    id,
    version: String(figure.version),
    ...figureRecord.toFormValues(figure),
    changeKind: "correction",
    reason: "Corrected from the source",
    ...changes,
  };
}
