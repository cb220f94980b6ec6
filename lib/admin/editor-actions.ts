import { addEditor, disableEditor, EditorError, enableEditor, resetPassword } from "@/lib/auth/editors";
import {
  resetSecondFactor,
  setSecondFactorRequired,
  turnOffSecondFactor,
  turnOnSecondFactor,
} from "@/lib/auth/second-factor";
import { newEditorSchema, newPassword } from "@/lib/validation/editor";
import {
  codeSchema,
  requireSecondFactorSchema,
  resetSecondFactorSchema,
  turnOffSchema,
} from "@/lib/validation/second-factor";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/records";
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

const unknownRecordType = {
  status: "refused",
  message: "Nothing was saved: this form is for an unknown kind of record.",
} as const;

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

/** Managing editors is for admins only; an admin cannot disable their own account by mistake. */
export const addEditorAction = withEditor("admin", async (db, admin, values) => {
  const parsed = newEditorSchema.safeParse(values);
  if (!parsed.success) {
    return {
      status: "invalid",
      message: "Nobody was added: correct the fields marked below.",
      fieldErrors: fieldErrorsOf(parsed.error),
    } as const;
  }
  try {
    const editor = await addEditor(db, parsed.data, admin.id);
    return { status: "done", message: `${editor.name} (${editor.email}) can now sign in as ${editor.role}.` } as const;
  } catch (error) {
    if (error instanceof EditorError) {
      const fieldErrors: FieldErrors = { email: [error.message] };
      return { status: "invalid", message: error.message, fieldErrors } as const;
    }
    throw error;
  }
});

export const setEditorAccessAction = withEditor("admin", async (db, admin, values) => {
  const email = values.email ?? "";
  try {
    if (values.access === "disable") {
      if (email.trim().toLowerCase() === admin.email) {
        return { status: "refused", message: "You cannot disable your own account; ask another admin." } as const;
      }
      const editor = await disableEditor(db, email, admin.id);
      return { status: "done", message: `${editor.email} is disabled; their sessions have ended.` } as const;
    }
    const editor = await enableEditor(db, email, admin.id);
    return { status: "done", message: `${editor.email} can sign in again.` } as const;
  } catch (error) {
    if (error instanceof EditorError) return { status: "refused", message: error.message } as const;
    throw error;
  }
});

export const resetPasswordAction = withEditor("admin", async (db, admin, values) => {
  const password = newPassword.safeParse(values.password);
  if (!password.success) {
    const fieldErrors: FieldErrors = { password: fieldErrorsOf(password.error).form ?? [] };
    return { status: "invalid", message: "The password was not changed.", fieldErrors } as const;
  }
  try {
    const editor = await resetPassword(db, values.email ?? "", password.data, admin.id);
    return { status: "done", message: `${editor.email} has a new password; their sessions have ended.` } as const;
  } catch (error) {
    if (error instanceof EditorError) return { status: "refused", message: error.message } as const;
    throw error;
  }
});

/** An editor's own second factor. Turning it on is what an editor it is required of may do. */
export const turnOnSecondFactorAction = withEditor(
  "editor",
  async (db, editor, values) => {
    const parsed = codeSchema.safeParse(values);
    if (!parsed.success) {
      return {
        status: "invalid",
        message: "Your second factor is still off.",
        fieldErrors: fieldErrorsOf(parsed.error),
      } as const;
    }
    return turnOnSecondFactor(db, editor, parsed.data.code);
  },
  { duringSetUp: true },
);

/** The address comes from the request, never from the form, since it keys the throttle. */
export function turnOffSecondFactorAction(address: string | null) {
  return withEditor("editor", async (db, editor, values) => {
    const parsed = turnOffSchema.safeParse(values);
    if (!parsed.success) {
      return {
        status: "invalid",
        message: "Your second factor is still on.",
        fieldErrors: fieldErrorsOf(parsed.error),
      } as const;
    }
    return turnOffSecondFactor(db, editor, { proof: parsed.data.proof, address });
  });
}

export const requireSecondFactorAction = withEditor("admin", async (db, admin, values) => {
  const parsed = requireSecondFactorSchema.safeParse(values);
  if (!parsed.success)
    return { status: "refused", message: "Nothing was changed: that editor does not exist." } as const;
  return setSecondFactorRequired(db, admin, { email: parsed.data.email, required: parsed.data.required === "yes" });
});

export const resetSecondFactorAction = withEditor("admin", async (db, admin, values) => {
  const parsed = resetSecondFactorSchema.safeParse(values);
  if (!parsed.success)
    return { status: "refused", message: "Nothing was changed: that editor does not exist." } as const;
  return resetSecondFactor(db, admin, parsed.data.email);
});
