import type { z } from "zod";
import type { PrismaClient } from "@/lib/db/client.server";
import { ADMINS_ONLY_MESSAGE, hasRole } from "@/lib/auth/roles";
import type { Role, SignedInEditor } from "@/lib/auth/sessions.server";
import { CHANGE_SCHEMAS, type ChangeKind } from "@/lib/records/change";
import type { FormValues } from "@/lib/records/define";
import { editableRecord, type AnyEditableRecord, type EditableRecordType } from "@/lib/records/registry";
import type { Transaction } from "@/lib/records/versioned";
import { snapshot } from "@/lib/revisions";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/fields";

/**
 * Who a change is recorded as made by: the signed-in editor, or, when a held change goes public
 * later (approved, or at its time with no one signed in), the editor who made it.
 */
export type Author = Pick<SignedInEditor, "id" | "role">;

export const CONFLICT_MESSAGE =
  "This record was changed by someone else since you opened it. Nothing was overwritten: compare their values with yours below, then open it again to make your change.";

/** What a save tells the form; plain data, safe to send to the browser. */
export type SaveOutcome =
  | { status: "saved"; message: string; recordType: EditableRecordType; recordId: string; version: number }
  | { status: "invalid"; message: string; fieldErrors: FieldErrors }
  | { status: "conflict"; message: string; theirs: FormValues; version: number }
  | { status: "refused"; message: string };

/** Waiting behind other editors' saves is fine; giving up after Prisma's default 2 s is not. */
export const TRANSACTION_OPTIONS = { maxWait: 30_000, timeout: 30_000 } as const;

export type Save = {
  recordType: EditableRecordType;
  /** Absent for a new record. */
  id?: string;
  /** Every field as the form sent it, plus `version` and `reason`. */
  values: Record<string, unknown>;
};

const invalid = (fieldErrors: FieldErrors): { status: "invalid"; message: string; fieldErrors: FieldErrors } => ({
  status: "invalid",
  message: "Nothing was saved: correct the fields marked below.",
  fieldErrors,
});

/** Whether the editor may add, change, delete or revert records of the type (define.ts `role`). */
export function mayChange(editor: { role: Role }, kind: { role: Role }): boolean {
  return hasRole(editor, kind.role);
}

const adminsOnly = { status: "refused", message: ADMINS_ONLY_MESSAGE } as const;

/**
 * Creates or edits one record and writes its revision in the same transaction. An edit
 * writes only if the record is still at the version the editor opened; otherwise nothing is
 * written and the outcome carries the other editor's values.
 */
export async function saveRecord(db: PrismaClient, editor: SignedInEditor, save: Save): Promise<SaveOutcome> {
  return db.$transaction((tx) => saveRecordIn(tx, editor, save), TRANSACTION_OPTIONS);
}

/** saveRecord inside a transaction of the caller's: publishing a held change claims it in the same one. */
export async function saveRecordIn(tx: Transaction, editor: Author, save: Save): Promise<SaveOutcome> {
  const { recordType, id, values } = save;
  const kind = editableRecord(recordType);
  if (!mayChange(editor, kind)) return adminsOnly;
  const parsed = kind.schema.safeParse(values);
  // A new record starts at version 1; an edit names the version the editor opened.
  const change: z.ZodSafeParseResult<{ version?: number; changeKind?: ChangeKind; reason: string | null }> =
    id === undefined ? CHANGE_SCHEMAS.create.safeParse(values) : CHANGE_SCHEMAS.update.safeParse(values);
  if (!parsed.success || !change.success) {
    return invalid({
      ...(parsed.success ? {} : fieldErrorsOf(parsed.error)),
      ...(change.success ? {} : fieldErrorsOf(change.error)),
    });
  }

  const data = kind.toData(parsed.data);
  // A new record is a new report: an update. An edit's kind is the editor's to say.
  const { version = 1, changeKind = "update", reason } = change.data;
  const referenceErrors = await kind.checkReferences(tx, data, id);
  if (referenceErrors) return invalid(referenceErrors);

  if (id === undefined) {
    const created = await kind.store.create(tx, data, await kind.newId(tx, data));
    await record(tx, editor, {
      recordType,
      recordId: created.id,
      action: "create",
      after: created,
      reason,
      kind: "update",
    });
    return {
      status: "saved",
      message: `The new ${kind.noun} is saved.`,
      recordType,
      recordId: created.id,
      version: created.version,
    };
  }

  const before = await kind.store.find(tx, id);
  if (!before) return { status: "refused", message: `This ${kind.noun} no longer exists: someone deleted it.` };
  if ((await kind.store.update(tx, id, version, data)) === 0) return conflictWith(tx, kind, id);
  const after = await kind.store.find(tx, id);
  await record(tx, editor, { recordType, recordId: id, action: "update", before, after, reason, kind: changeKind });
  return {
    status: "saved",
    message: `Your changes to this ${kind.noun} are saved.`,
    recordType,
    recordId: id,
    version: after?.version ?? version + 1,
  };
}

export type DeleteOutcome = { status: "deleted"; message: string } | Exclude<SaveOutcome, { status: "saved" }>;

/** Deletes a record at the version the editor saw, unless other records still point at it. */
export async function deleteRecord(db: PrismaClient, editor: SignedInEditor, request: Delete): Promise<DeleteOutcome> {
  return db.$transaction((tx) => deleteRecordIn(tx, editor, request), TRANSACTION_OPTIONS);
}

export type Delete = { recordType: EditableRecordType; id: string; values: Record<string, unknown> };

/** deleteRecord inside a transaction of the caller's. */
export async function deleteRecordIn(tx: Transaction, editor: Author, request: Delete): Promise<DeleteOutcome> {
  const kind = editableRecord(request.recordType);
  if (!mayChange(editor, kind)) return adminsOnly;
  const change = CHANGE_SCHEMAS.delete.safeParse(request.values);
  if (!change.success) return invalid(fieldErrorsOf(change.error));
  const { version, reason } = change.data;
  const before = await kind.store.find(tx, request.id);
  if (!before) return { status: "refused", message: `This ${kind.noun} no longer exists: someone deleted it.` };
  const blocker = await kind.deleteBlockers(tx, request.id, request.values);
  if (blocker) return { status: "refused", message: blocker };
  if ((await kind.store.remove(tx, request.id, version)) === 0) return conflictWith(tx, kind, request.id);
  await record(tx, editor, {
    recordType: request.recordType,
    recordId: request.id,
    action: "delete",
    before,
    reason,
  });
  return { status: "deleted", message: `The ${kind.noun} is deleted. Its history keeps what it said.` };
}

/**
 * The refusal of a stale save or delete, with the record as it is now. Read again, not taken
 * from before the write: on PostgreSQL another editor's save can commit between the two (the
 * write waited for it), and the editor must see what that save made of the record.
 */
async function conflictWith(
  tx: Transaction,
  kind: AnyEditableRecord,
  id: string,
): Promise<Exclude<SaveOutcome, { status: "saved" | "invalid" }>> {
  const current = await kind.store.find(tx, id);
  if (!current) return { status: "refused", message: `This ${kind.noun} no longer exists: someone deleted it.` };
  return {
    status: "conflict",
    message: CONFLICT_MESSAGE,
    theirs: kind.toFormValues(current),
    version: current.version,
  };
}

type Change = {
  recordType: string;
  recordId: string;
  action: "create" | "update" | "delete";
  before?: Record<string, unknown> | null;
  after?: Record<string, unknown> | null;
  reason: string | null;
  /** What the change is (lib/records/change.ts); null where nobody said, as for a delete. */
  kind?: ChangeKind | null;
  revertsId?: number;
};

/** The one revision row every change writes, inside the change's own transaction. */
export async function record(tx: Transaction, editor: Author, change: Change): Promise<number> {
  const revision = await tx.revision.create({
    data: {
      editorId: editor.id,
      recordType: change.recordType,
      recordId: change.recordId,
      action: change.action,
      before: change.before ? snapshot(change.before) : null,
      after: change.after ? snapshot(change.after) : null,
      reason: change.reason,
      kind: change.kind ?? null,
      revertsId: change.revertsId ?? null,
    },
    select: { id: true },
  });
  return revision.id;
}
