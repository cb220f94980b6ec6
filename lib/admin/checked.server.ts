import { z } from "zod";
import { removePasskey, renamePasskey } from "@/lib/auth/account-passkeys.server";
import type { PrismaClient } from "@/lib/db/client.server";
import type { SignedInEditor } from "@/lib/auth/sessions.server";
import {
  approveChange,
  cancelChange,
  holdChange,
  moveChange,
  rejectChange,
  type HeldChange,
  type HoldOutcome,
} from "@/lib/review/pending";
import { scheduleSchema } from "@/lib/review/schedule";
import { lookForScheduledChanges } from "@/lib/review/scheduler.server";
import { reviewBeforePublishing } from "@/lib/review/setting.server";
import { fieldErrorsOf, requiredText } from "@/lib/validation/fields";
import { addEditor, disableEditor, EditorError, enableEditor, resetPassword } from "@/lib/auth/editors.server";
import { checked, refused } from "@/lib/auth/guard.server";
import {
  resetSecondFactor,
  setSecondFactorRequired,
  turnOffSecondFactor,
  turnOnSecondFactor,
} from "@/lib/auth/second-factor.server";
import { renewRecoveryCodes } from "@/lib/auth/recovery-codes.server";
import { endEverySessionOf, endOtherSessions, endOwnSession } from "@/lib/auth/sessions.server";
import { optionalReason } from "@/lib/records/change";
import { EDITABLE_RECORD_TYPES } from "@/lib/records/registry";
import { newEditorSchema, newPassword } from "@/lib/validation/editor";
import type { FieldErrors } from "@/lib/validation/fields";
import { removePasskeySchema, renamePasskeySchema } from "@/lib/validation/passkey";
import {
  codeSchema,
  endEditorSessionsSchema,
  endOtherSessionsSchema,
  endSessionSchema,
  renewRecoveryCodesSchema,
  requireSecondFactorSchema,
  resetSecondFactorSchema,
  turnOffSchema,
} from "@/lib/validation/second-factor";
import { chartDefinition } from "@/lib/charts/definition";
import { drawDefinition } from "@/lib/data/charts.server";
import { chartSchema } from "@/lib/records/chart";
import { recordId } from "@/lib/validation/fields";
import { chartPublishingSave } from "./charts";
import { importFigures, importSchema, previewFigureImport } from "./figure-import";
import { proposeRelease, saveRelease } from "./releases";
import { revertRevision, revertSchema } from "./history";
import { deleteRecord, saveRecord } from "./records";

/**
 * Every change an editor can make, checked: the session and role first, then the form's fields
 * (lib/auth/guard.server.ts). The server actions in lib/admin/actions.ts call these with the database
 * and the session token; tests call them the same way, without Next.
 */

const unknownRecordType = () => refused("Nothing was saved: this form is for an unknown kind of record.");

/** The record's own fields are checked by saveRecord, against the schema of the type named here. */
const recordForm = z.looseObject({ recordType: z.enum(EDITABLE_RECORD_TYPES), id: z.string().optional() });

export const checkedSaveRecord = checked(
  { role: "editor", schema: recordForm, invalid: unknownRecordType },
  async (db, editor, values) => {
    const id = values.id || undefined;
    const change = {
      scope: "record",
      action: id ? "update" : "create",
      recordType: values.recordType,
      recordId: id,
      values,
    } as const;
    return saveOrHold(db, editor, change, () => saveRecord(db, editor, { recordType: values.recordType, id, values }));
  },
);

export const checkedDeleteRecord = checked(
  { role: "editor", schema: recordForm.extend({ id: z.string().min(1) }), invalid: unknownRecordType },
  async (db, editor, values) => {
    const change = {
      scope: "record",
      action: "delete",
      recordType: values.recordType,
      recordId: values.id,
      values,
    } as const;
    return saveOrHold(db, editor, change, () =>
      deleteRecord(db, editor, { recordType: values.recordType, id: values.id, values }),
    );
  },
);

/**
 * A change made public at once, as before issue #15; or held back, when this deployment reviews
 * every change or the editor set a time (decision 0023). Held or not, it is checked by the same save.
 */
async function saveOrHold<Saved>(
  db: PrismaClient,
  editor: SignedInEditor,
  change: HeldChange,
  save: () => Promise<Saved>,
  form: { publishAt?: unknown; publishAtOffset?: unknown } = change.values,
  summary?: string,
): Promise<Saved | HoldOutcome> {
  const when = scheduleSchema().safeParse(form);
  if (!when.success)
    return {
      status: "invalid",
      message: "Nothing was saved: correct the fields marked below.",
      fieldErrors: fieldErrorsOf(when.error),
    };
  const review = reviewBeforePublishing();
  if (!review && when.data === null) return save();
  const outcome = await holdChange(db, editor, change, { review, publishAt: when.data, summary });
  if (outcome.status === "held") lookForScheduledChanges();
  return outcome;
}

const pendingId = z.coerce.number({ message: "That change does not exist." }).int().positive();
const noSuchChange = () => refused("Nothing was changed: that change does not exist.");

/** Another editor's approval; the author's own is refused inside (lib/review/pending.ts). */
export const checkedApproveChange = checked(
  { role: "editor", schema: z.object({ id: pendingId }), invalid: noSuchChange },
  async (db, editor, { id }) => approveChange(db, editor, id),
);

export const checkedRejectChange = checked(
  {
    role: "editor",
    schema: z.object({
      id: pendingId,
      rejectionReason: requiredText(500, "The reason", { missing: "Say why, so that its author can put it right." }),
    }),
    invalid: (fieldErrors) => ({ status: "invalid", message: "Nothing was rejected.", fieldErrors }) as const,
  },
  async (db, editor, { id, rejectionReason }) => rejectChange(db, editor, { id, reason: rejectionReason }),
);

export const checkedCancelChange = checked(
  { role: "editor", schema: z.object({ id: pendingId }), invalid: noSuchChange },
  async (db, editor, { id }) => cancelChange(db, editor, id),
);

export const checkedMoveChange = checked(
  { role: "editor", schema: z.looseObject({ id: pendingId }), invalid: noSuchChange },
  async (db, editor, move) => {
    const when = scheduleSchema().safeParse(move);
    if (!when.success || !when.data)
      return {
        status: "invalid",
        message: "Nothing was moved.",
        fieldErrors: when.success ? { publishAt: ["Give the new time."] } : fieldErrorsOf(when.error),
      } as const;
    const outcome = await moveChange(db, editor, { id: move.id, publishAt: when.data });
    lookForScheduledChanges();
    return outcome;
  },
);

/** The "publish at" fields, kept with a held change's form (the action's own schema drops other fields). */
const scheduleFields = { publishAt: z.string().optional(), publishAtOffset: z.string().optional() };

export const checkedRevert = checked(
  {
    role: "editor",
    schema: revertSchema.extend(scheduleFields),
    invalid: (fieldErrors) =>
      fieldErrors.revisionId
        ? refused("Nothing was reverted: that change does not exist.")
        : ({ status: "invalid", message: "Nothing was reverted.", fieldErrors } as const),
  },
  async (db, editor, revert) => {
    const { publishAt, publishAtOffset, ...undo } = revert;
    return saveOrHold(
      db,
      editor,
      { scope: "revert", action: "revert", values: formOf(undo) },
      () => revertRevision(db, editor, undo),
      { publishAt, publishAtOffset },
    );
  },
);

/** A checked form as a held change keeps it: text, as it was sent, read again by the same schema. */
function formOf(values: Record<string, string | number | boolean | null | undefined>): Record<string, string> {
  return Object.fromEntries(
    Object.entries(values).flatMap(([name, value]) =>
      value === null || value === undefined || value === false ? [] : [[name, value === true ? "yes" : String(value)]],
    ),
  );
}

/** The chart editor's preview: the chart as the form now says, drawn from the record, nothing saved. */
export const checkedPreviewChart = checked(
  {
    role: "editor",
    schema: chartSchema,
    invalid: "The preview shows the chart as last drawn: correct the fields marked.",
  },
  async (_db, _editor, chart) => ({ status: "preview" as const, chart: await drawDefinition(chartDefinition(chart)) }),
);

export const checkedPublishChart = checked(
  {
    role: "editor",
    schema: z.object({
      id: recordId,
      version: z.coerce.number().int().positive(),
      published: z.enum(["true", "false"]).transform((value) => value === "true"),
      reason: optionalReason,
      ...scheduleFields,
    }),
    invalid: (fieldErrors) => ({ status: "invalid", message: "Nothing was changed.", fieldErrors }) as const,
  },
  async (db, editor, { publishAt, publishAtOffset, ...change }) => {
    const save = await chartPublishingSave(db, change);
    if (!save) return refused("This chart no longer exists: someone deleted it.");
    return saveOrHold(
      db,
      editor,
      { scope: "record", action: "update", recordType: "chart", recordId: save.id, values: save.values },
      () => saveRecord(db, editor, save),
      { publishAt, publishAtOffset },
      `${change.published ? "Publishing" : "Unpublishing"} of chart ${change.id}`,
    );
  },
);

export const checkedPreviewImport = checked(
  { role: "editor", schema: z.object({ csv: importSchema.shape.csv }), invalid: "Nothing was checked." },
  async (db, _editor, form) => ({ status: "preview" as const, ...(await previewFigureImport(db, form.csv)) }),
);

export const checkedImportFigures = checked(
  { role: "editor", schema: importSchema.extend(scheduleFields), invalid: "Nothing was imported." },
  async (db, editor, { publishAt, publishAtOffset, ...form }) =>
    saveOrHold(
      db,
      editor,
      { scope: "import", action: "create", values: formOf(form) },
      () => importFigures(db, editor, form),
      { publishAt, publishAtOffset },
    ),
);

/** Managing editors is for admins only; an admin cannot disable their own account by mistake. */
export const checkedAddEditor = checked(
  { role: "admin", schema: newEditorSchema, invalid: "Nobody was added: correct the fields marked below." },
  async (db, admin, newEditor) => {
    try {
      const editor = await addEditor(db, newEditor, admin.id);
      return {
        status: "done",
        message: `${editor.name} (${editor.email}) can now sign in as ${editor.role}.`,
      } as const;
    } catch (error) {
      if (error instanceof EditorError) {
        const fieldErrors: FieldErrors = { email: [error.message] };
        return { status: "invalid", message: error.message, fieldErrors } as const;
      }
      throw error;
    }
  },
);

/** As typed: editors.ts finds the editor, and says so when there is none. */
const emailAsTyped = z.string().default("");

export const checkedSetEditorAccess = checked(
  {
    role: "admin",
    schema: z.object({ email: emailAsTyped, access: z.string().optional() }),
    invalid: "Nothing was changed.",
  },
  async (db, admin, { email, access }) => {
    try {
      if (access === "disable") {
        if (email.trim().toLowerCase() === admin.email) {
          return refused("You cannot disable your own account; ask another admin.");
        }
        const editor = await disableEditor(db, email, admin.id);
        return { status: "done", message: `${editor.email} is disabled; their sessions have ended.` } as const;
      }
      const editor = await enableEditor(db, email, admin.id);
      return { status: "done", message: `${editor.email} can sign in again.` } as const;
    } catch (error) {
      if (error instanceof EditorError) return refused(error.message);
      throw error;
    }
  },
);

export const checkedResetPassword = checked(
  {
    role: "admin",
    schema: z.object({ email: emailAsTyped, password: newPassword }),
    invalid: "The password was not changed.",
  },
  async (db, admin, { email, password }) => {
    try {
      const editor = await resetPassword(db, email, password, admin.id);
      return { status: "done", message: `${editor.email} has a new password; their sessions have ended.` } as const;
    } catch (error) {
      if (error instanceof EditorError) return refused(error.message);
      throw error;
    }
  },
);

/** An editor's own second factor. Turning it on is what an editor it is required of may do. */
export const checkedTurnOnSecondFactor = checked(
  { role: "editor", schema: codeSchema, invalid: "Your second factor is still off.", duringSetUp: true },
  async (db, editor, { code }) => turnOnSecondFactor(db, editor, code),
);

/** The address comes from the request, never from the form, since it keys the throttle. */
export function checkedTurnOffSecondFactor(address: string | null) {
  return checked(
    { role: "editor", schema: turnOffSchema, invalid: "Your second factor is still on." },
    async (db, editor, { proof }) => turnOffSecondFactor(db, editor, { proof, address }),
  );
}

/** Renaming one of the editor's own passkeys (they are added through /admin/passkeys). */
export const checkedRenamePasskey = checked(
  { role: "editor", schema: renamePasskeySchema, invalid: "The passkey keeps its name." },
  async (db, editor, input) => renamePasskey(db, editor, input),
);

/** The address comes from the request, never from the form, since it keys the throttle. */
export function checkedRemovePasskey(address: string | null) {
  return checked(
    { role: "editor", schema: removePasskeySchema, invalid: "The passkey is still there." },
    async (db, editor, input) => removePasskey(db, editor, { ...input, address }),
  );
}

const noSuchEditor = () => refused("Nothing was changed: that editor does not exist.");

/** Ten new recovery codes, shown once in the answer; the old ones stop working. */
export const checkedRenewRecoveryCodes = checked(
  { role: "editor", schema: renewRecoveryCodesSchema, invalid: "No codes were made." },
  async (db, editor) => renewRecoveryCodes(db, editor),
);

export const checkedEndSession = checked(
  { role: "editor", schema: endSessionSchema, invalid: () => refused("That session had already ended.") },
  async (db, editor, { session }) => endOwnSession(db, editor, session),
);

export const checkedEndOtherSessions = checked(
  { role: "editor", schema: endOtherSessionsSchema, invalid: "Nothing was changed." },
  async (db, editor) => endOtherSessions(db, editor),
);

export const checkedEndEditorSessions = checked(
  { role: "admin", schema: endEditorSessionsSchema, invalid: noSuchEditor },
  async (db, admin, { email }) => endEverySessionOf(db, admin, email),
);

export const checkedRequireSecondFactor = checked(
  { role: "admin", schema: requireSecondFactorSchema, invalid: noSuchEditor },
  async (db, admin, { email, required }) => setSecondFactorRequired(db, admin, { email, required: required === "yes" }),
);

export const checkedResetSecondFactor = checked(
  { role: "admin", schema: resetSecondFactorSchema, invalid: noSuchEditor },
  async (db, admin, { email }) => resetSecondFactor(db, admin, email),
);

/** Any flat form: a release's rows are named by their place, and lib/admin/releases.ts checks them. */
const releaseForm = z.record(z.string(), z.string());

/** The figures a pasted release states, proposed; nothing is written. */
export const checkedProposeRelease = checked(
  { role: "editor", schema: releaseForm, invalid: "Nothing was proposed." },
  async (db, _editor, values) => proposeRelease(db, values),
);

/** A release's source (when new) and its ticked figures, saved as one change. */
export const checkedSaveRelease = checked(
  { role: "editor", schema: releaseForm, invalid: "Nothing was saved." },
  async (db, editor, values) =>
    saveOrHold(db, editor, { scope: "release", action: "create", values }, () => saveRelease(db, editor, values)),
);
