import type { PrismaClient } from "@/lib/db/client.server";
import { snapshot } from "@/lib/revisions";

export type Transaction = Parameters<Parameters<PrismaClient["$transaction"]>[0]>[0];

/**
 * Changes to an editor's account go into the history like any change, as an "editor" record
 * with what a person needs to read (access, role, second factor on or off), never a password or
 * a secret. They cannot be reverted from the history: each has its own form.
 */
export async function recordAccountChange(
  tx: Transaction,
  /** Who made the change; null for the command line, shown as "System" in the history. */
  actorId: string | null,
  editorId: string,
  change: {
    action: "create" | "update";
    before?: Record<string, string>;
    after: Record<string, string>;
    reason: string;
  },
): Promise<void> {
  await tx.revision.create({
    data: {
      editorId: actorId,
      recordType: "editor",
      recordId: editorId,
      action: change.action,
      before: change.before ? snapshot(change.before) : null,
      after: snapshot(change.after),
      reason: change.reason,
    },
  });
}
