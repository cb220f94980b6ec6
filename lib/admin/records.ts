import type { PrismaClient } from "@/lib/db/client";
import type { SignedInEditor } from "@/lib/auth/sessions";
import { snapshot } from "@/lib/revisions";
import {
  changeSchema,
  fieldErrorsOf,
  RECORD_SCHEMAS,
  type EditableRecordType,
  type FieldErrors,
} from "@/lib/validation/records";
import { RECORD_KINDS, type FormValues, type Transaction } from "./record-kinds";

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

type Save = {
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

/**
 * Creates or edits one record and writes its revision in the same transaction. An edit
 * writes only if the record is still at the version the editor opened; otherwise nothing is
 * written and the outcome carries the other editor's values.
 */
export async function saveRecord(db: PrismaClient, editor: SignedInEditor, save: Save): Promise<SaveOutcome> {
  const kind = RECORD_KINDS[save.recordType];
  const isEdit = save.id !== undefined;
  const parsed = RECORD_SCHEMAS[save.recordType].safeParse(save.values);
  const change = changeSchema.safeParse({ version: isEdit ? save.values.version : 1, reason: save.values.reason });
  const errors: FieldErrors = {
    ...(parsed.success ? {} : fieldErrorsOf(parsed.error)),
    ...(change.success ? {} : fieldErrorsOf(change.error)),
  };
  if (isEdit && change.success && !change.data.reason) errors.reason = ["Say briefly why you are changing it."];
  if (!parsed.success || !change.success || Object.keys(errors).length) return invalid(errors);

  const data = kind.toData(parsed.data);
  const { version, reason } = change.data;
  return db.$transaction(async (tx): Promise<SaveOutcome> => {
    const referenceErrors = await kind.checkReferences(tx, data);
    if (referenceErrors) return invalid(referenceErrors);

    if (!save.id) {
      const created = await kind.create(tx, data);
      await record(tx, editor, {
        recordType: kind.type,
        recordId: created.id,
        action: "create",
        after: created,
        reason,
      });
      return {
        status: "saved",
        message: `The new ${kind.noun} is saved.`,
        recordType: kind.type,
        recordId: created.id,
        version: created.version,
      };
    }

    const before = await kind.find(tx, save.id);
    if (!before) return { status: "refused", message: `This ${kind.noun} no longer exists: someone deleted it.` };
    if ((await kind.update(tx, save.id, version, data)) === 0) return conflictWith(tx, kind, save.id);
    const after = await kind.find(tx, save.id);
    await record(tx, editor, { recordType: kind.type, recordId: save.id, action: "update", before, after, reason });
    return {
      status: "saved",
      message: `Your changes to this ${kind.noun} are saved.`,
      recordType: kind.type,
      recordId: save.id,
      version: after?.version ?? version + 1,
    };
  }, TRANSACTION_OPTIONS);
}

export type DeleteOutcome = { status: "deleted"; message: string } | Exclude<SaveOutcome, { status: "saved" }>;

/** Deletes a record at the version the editor saw, unless other records still point at it. */
export async function deleteRecord(
  db: PrismaClient,
  editor: SignedInEditor,
  request: { recordType: EditableRecordType; id: string; values: Record<string, unknown> },
): Promise<DeleteOutcome> {
  const kind = RECORD_KINDS[request.recordType];
  const change = changeSchema.safeParse({ version: request.values.version, reason: request.values.reason });
  if (!change.success) return invalid(fieldErrorsOf(change.error));
  if (!change.data.reason) return invalid({ reason: ["Say briefly why you are deleting it."] });
  const { version, reason } = change.data;

  return db.$transaction(async (tx): Promise<DeleteOutcome> => {
    const before = await kind.find(tx, request.id);
    if (!before) return { status: "refused", message: `This ${kind.noun} no longer exists: someone deleted it.` };
    const blocker = await kind.deleteBlockers(tx, request.id);
    if (blocker) return { status: "refused", message: blocker };
    if ((await kind.remove(tx, request.id, version)) === 0) return conflictWith(tx, kind, request.id);
    await record(tx, editor, { recordType: kind.type, recordId: request.id, action: "delete", before, reason });
    return { status: "deleted", message: `The ${kind.noun} is deleted. Its history keeps what it said.` };
  }, TRANSACTION_OPTIONS);
}

/**
 * The refusal of a stale save or delete, with the record as it is now. Read again, not taken
 * from before the write: on PostgreSQL another editor's save can commit between the two (the
 * write waited for it), and the editor must see what that save made of the record.
 */
async function conflictWith(
  tx: Transaction,
  kind: (typeof RECORD_KINDS)[EditableRecordType],
  id: string,
): Promise<Exclude<SaveOutcome, { status: "saved" | "invalid" }>> {
  const current = await kind.find(tx, id);
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
  revertsId?: number;
};

/** The one revision row every change writes, inside the change's own transaction. */
export async function record(tx: Transaction, editor: SignedInEditor, change: Change): Promise<number> {
  const revision = await tx.revision.create({
    data: {
      editorId: editor.id,
      recordType: change.recordType,
      recordId: change.recordId,
      action: change.action,
      before: change.before ? snapshot(change.before) : null,
      after: change.after ? snapshot(change.after) : null,
      reason: change.reason,
      revertsId: change.revertsId ?? null,
    },
    select: { id: true },
  });
  return revision.id;
}
