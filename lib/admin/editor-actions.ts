import { deleteRecord, saveRecord } from "./records";
import { importFigures, previewFigureImport } from "./figure-import";
import { revertRevision } from "./history";
import { withEditor } from "./guard";
import { isEditableRecordType } from "./paths";

/**
 * Every change an editor can make, each checked for a live session and role before anything
 * else. They take the database and the session token, so tests call them exactly as the
 * 'use server' wrappers in lib/admin/actions.ts do.
 */

const unknownRecordType = { status: "refused", message: "Nothing was saved: this form is for an unknown kind of record." } as const;

export const saveRecordAction = withEditor("editor", async (db, editor, values) => {
  if (!isEditableRecordType(values.recordType)) return unknownRecordType;
  return saveRecord(db, editor, { recordType: values.recordType, id: values.id || undefined, values });
});

export const deleteRecordAction = withEditor("editor", async (db, editor, values) => {
  if (!isEditableRecordType(values.recordType) || !values.id) return unknownRecordType;
  return deleteRecord(db, editor, { recordType: values.recordType, id: values.id, values });
});

export const revertAction = withEditor("editor", async (db, editor, values) => {
  const revisionId = Number(values.revisionId);
  if (!Number.isSafeInteger(revisionId) || revisionId < 1) {
    return { status: "refused", message: "Nothing was reverted: that change does not exist." } as const;
  }
  return revertRevision(db, editor, revisionId, values.reason);
});

export const previewImportAction = withEditor("editor", async (db, _editor, values) => ({
  status: "preview" as const,
  ...(await previewFigureImport(db, values.csv ?? "")),
}));

export const importFiguresAction = withEditor("editor", async (db, editor, values) =>
  importFigures(db, editor, { csv: values.csv ?? "", reason: values.reason }),
);
