import { z } from "zod";
import type { PrismaClient } from "@/lib/db/client.server";
import {
  editableRecord,
  isEditableRecordType,
  type AnyEditableRecord,
  type EditableRecordType,
} from "@/lib/records/registry";
import type { StoredRecord, Transaction } from "@/lib/records/versioned";
import { changeKind, isChangeKind, optionalReason, type ChangeKind } from "@/lib/records/change";
import { snapshot } from "@/lib/revisions";
import { ADMINS_ONLY_MESSAGE } from "@/lib/auth/roles";
import { mayChange, record, TRANSACTION_OPTIONS, type Author } from "./records";

/** Columns that change on every save and say nothing an editor needs to read. */
const BOOKKEEPING = new Set(["version", "createdAt", "updatedAt"]);

export type FieldChange = { field: string; before: string; after: string };

export type RevisionEntry = {
  id: number;
  createdAt: string;
  editor: string;
  recordType: string;
  recordId: string;
  action: string;
  reason: string | null;
  /** Correction, update or fix, as the editor said; null for changes made before kinds were asked. */
  kind: ChangeKind | null;
  revertsId: number | null;
  changes: FieldChange[];
  /** Whether the admin can undo it (records of the four editable types). */
  revertible: boolean;
};

export type HistoryFilter = { recordType?: string; recordId?: string; editorId?: string; take?: number };

function parseSnapshot(json: string | null): Record<string, unknown> | null {
  return json ? (JSON.parse(json) as Record<string, unknown>) : null;
}

function readable(kind: AnyEditableRecord | undefined, values: Record<string, unknown> | null): Record<string, string> {
  if (!values) return {};
  if (kind) return kind.toFormValues(values);
  return Object.fromEntries(Object.entries(values).map(([key, value]) => [key, value === null ? "" : String(value)]));
}

/** The fields a revision changed, each with its value before and after, in the form's order. */
export function diffRevision(revision: {
  recordType: string;
  before: string | null;
  after: string | null;
}): FieldChange[] {
  const kind = isEditableRecordType(revision.recordType) ? editableRecord(revision.recordType) : undefined;
  const before = readable(kind, parseSnapshot(revision.before));
  const after = readable(kind, parseSnapshot(revision.after));
  const fields = kind ? kind.fieldNames : [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return fields
    .filter((field) => !BOOKKEEPING.has(field) && (before[field] ?? "") !== (after[field] ?? ""))
    .map((field) => ({ field, before: before[field] ?? "", after: after[field] ?? "" }));
}

export async function listRevisions(db: PrismaClient, filter: HistoryFilter): Promise<RevisionEntry[]> {
  const revisions = await db.revision.findMany({
    where: {
      ...(filter.recordType ? { recordType: filter.recordType } : {}),
      ...(filter.recordId ? { recordId: filter.recordId } : {}),
      ...(filter.editorId ? { editorId: filter.editorId } : {}),
    },
    orderBy: { id: "desc" },
    take: filter.take ?? 100,
    include: { editor: { select: { name: true, email: true } } },
  });
  return revisions.map((revision) => ({
    id: revision.id,
    createdAt: revision.createdAt.toISOString(),
    editor: revision.editor ? `${revision.editor.name} (${revision.editor.email})` : "System",
    recordType: revision.recordType,
    recordId: revision.recordId,
    action: revision.action,
    reason: revision.reason,
    kind: isChangeKind(revision.kind) ? revision.kind : null,
    revertsId: revision.revertsId,
    changes: diffRevision(revision),
    revertible: isEditableRecordType(revision.recordType),
  }));
}

export type RevertOutcome =
  { status: "reverted"; message: string; revisionId: number } | { status: "refused"; message: string };

/** Only the values an editor sets, so bookkeeping columns never make two states differ. */
function sameState(kind: AnyEditableRecord, current: StoredRecord, expected: Record<string, unknown> | null): boolean {
  if (!expected) return false;
  const normalise = (values: Record<string, unknown>) => snapshot(kind.fromSnapshot(JSON.parse(snapshot(values))));
  return normalise(current) === normalise(expected);
}

/**
 * What a revert is unless the editor says otherwise: undoing a fix is a fix; undoing anything
 * else puts back what readers saw before a change that should not have been made, a correction.
 */
export function revertKindOf(reverted: ChangeKind | null): ChangeKind {
  return reverted === "fix" ? "fix" : "correction";
}

/**
 * The revert form, as the action reads it and as a held revert keeps it (decision 0023). The form
 * offers the kind, chosen for the editor (revertKindOf); a form without one gets that choice.
 */
export const revertSchema = z.object({
  revisionId: z.coerce.number().int().positive(),
  reason: optionalReason,
  changeKind: changeKind.optional(),
});
export type Revert = z.output<typeof revertSchema>;

/**
 * Undoes one change by making a new one: a created record is deleted, an edit's old values
 * are written back, a deleted record comes back with its id. Refused when the record has
 * changed since, so that a revert never silently discards a later edit.
 */
export async function revertRevision(db: PrismaClient, editor: Author, revert: Revert): Promise<RevertOutcome> {
  return db.$transaction((tx) => revertRevisionIn(tx, editor, revert), TRANSACTION_OPTIONS);
}

/**
 * revertRevision inside a transaction of the caller's: a held revert is checked by a trial and
 * published in the transaction that claims it, refused then if the record moved meanwhile.
 */
export async function revertRevisionIn(tx: Transaction, editor: Author, revert: Revert): Promise<RevertOutcome> {
  const { revisionId, reason } = revert;
  const because = `Revert of change #${revisionId}${reason ? `: ${reason}` : ""}`;

  const revision = await tx.revision.findUnique({ where: { id: revisionId } });
  if (!revision) return { status: "refused", message: `There is no change #${revisionId}.` };
  if (!isEditableRecordType(revision.recordType)) {
    return { status: "refused", message: `Changes to a ${revision.recordType} cannot be reverted from the admin.` };
  }
  const recordType: EditableRecordType = revision.recordType;
  const kind = editableRecord(recordType);
  if (!mayChange(editor, kind)) return { status: "refused", message: ADMINS_ONLY_MESSAGE };
  const current = await kind.store.find(tx, revision.recordId);
  const before = parseSnapshot(revision.before);
  const after = parseSnapshot(revision.after);
  const changedSince = `This ${kind.noun} has changed since change #${revisionId}; revert the later changes first.`;
  const kindOfRevert = revert.changeKind ?? revertKindOf(isChangeKind(revision.kind) ? revision.kind : null);
  const base = { recordType, recordId: revision.recordId, reason: because, revertsId: revision.id, kind: kindOfRevert };

  if (revision.action === "delete") {
    if (current || !before)
      return { status: "refused", message: `This ${kind.noun} exists again; nothing to restore.` };
    const references = await kind.checkReferences(tx, kind.fromSnapshot(before));
    if (references)
      return { status: "refused", message: `It cannot come back: ${Object.values(references).flat().join(" ")}` };
    await kind.store.create(tx, kind.fromSnapshot(before), revision.recordId);
    await kind.restoreLinks?.(tx, revision.recordId, before);
    const restored = await kind.store.find(tx, revision.recordId);
    const id = await record(tx, editor, { ...base, action: "create", after: restored });
    return { status: "reverted", message: `The ${kind.noun} is restored.`, revisionId: id };
  }
  if (!current || !sameState(kind, current, after)) return { status: "refused", message: changedSince };

  if (revision.action === "create") {
    const blocker = await kind.deleteBlockers(tx, revision.recordId);
    if (blocker) return { status: "refused", message: blocker };
    await kind.store.remove(tx, current.id, current.version);
    const id = await record(tx, editor, { ...base, action: "delete", before: current });
    return { status: "reverted", message: `The ${kind.noun} it created is deleted.`, revisionId: id };
  }
  if (!before) return { status: "refused", message: `Change #${revisionId} kept no earlier values.` };
  const previous = kind.fromSnapshot(before);
  const references = await kind.checkReferences(tx, previous, current.id);
  if (references)
    return {
      status: "refused",
      message: `The earlier values cannot come back: ${Object.values(references).flat().join(" ")}`,
    };
  await kind.store.update(tx, current.id, current.version, previous);
  const restored = await kind.store.find(tx, current.id);
  const id = await record(tx, editor, { ...base, action: "update", before: current, after: restored });
  return { status: "reverted", message: `The ${kind.noun}'s earlier values are back.`, revisionId: id };
}
