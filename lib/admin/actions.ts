"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { ACCOUNT_PATH, actionSessionToken, clientAddress } from "@/lib/auth/request";
import { db } from "@/lib/db.server";
import { revalidatePublicPages } from "@/lib/revalidate";
import {
  addEditorAction,
  deleteRecordAction,
  importFiguresAction,
  previewImportAction,
  requireSecondFactorAction,
  resetPasswordAction,
  resetSecondFactorAction,
  revertAction,
  saveRecordAction,
  setEditorAccessAction,
  turnOffSecondFactorAction,
  turnOnSecondFactorAction,
} from "./editor-actions";
import { ADMIN_SECTIONS, isEditableRecordType, recordPath } from "./paths";

/**
 * The server actions the admin's forms post to: each reads the session cookie and hands over
 * to the checked functions in editor-actions.ts, then refreshes the public pages after a change.
 */

export type SaveState = Awaited<ReturnType<typeof saveRecordAction>> | { status: "idle" };

export async function saveRecordFromForm(_previous: SaveState, form: FormData): Promise<SaveState> {
  const outcome = await saveRecordAction(db, await actionSessionToken(), form);
  if (outcome.status !== "saved") return outcome;
  revalidatePublicPages();
  redirect(`${recordPath(outcome.recordType, outcome.recordId)}?saved=1`);
}

export type DeleteState = Awaited<ReturnType<typeof deleteRecordAction>> | { status: "idle" };

export async function deleteRecordFromForm(_previous: DeleteState, form: FormData): Promise<DeleteState> {
  const outcome = await deleteRecordAction(db, await actionSessionToken(), form);
  if (outcome.status !== "deleted") return outcome;
  revalidatePublicPages();
  const recordType = String(form.get("recordType"));
  const section = isEditableRecordType(recordType) ? ADMIN_SECTIONS[recordType].path : "/admin";
  redirect(`${section}?deleted=1`);
}

export type RevertState = Awaited<ReturnType<typeof revertAction>> | { status: "idle" };

export async function revertFromForm(_previous: RevertState, form: FormData): Promise<RevertState> {
  const outcome = await revertAction(db, await actionSessionToken(), form);
  if (outcome.status === "reverted") revalidatePublicPages();
  return outcome;
}

export type ImportState =
  | Awaited<ReturnType<typeof previewImportAction>>
  | Awaited<ReturnType<typeof importFiguresAction>>
  | { status: "idle" };

/** One form, two buttons: "Check" previews, "Import" writes the valid rows. */
export async function importFromForm(_previous: ImportState, form: FormData): Promise<ImportState> {
  if (form.get("intent") !== "import") return previewImportAction(db, await actionSessionToken(), form);
  const outcome = await importFiguresAction(db, await actionSessionToken(), form);
  if (outcome.status === "imported") revalidatePublicPages();
  return outcome;
}

export type EditorAdminState =
  | Awaited<ReturnType<typeof addEditorAction>>
  | Awaited<ReturnType<typeof setEditorAccessAction>>
  | Awaited<ReturnType<typeof resetPasswordAction>>
  | Awaited<ReturnType<typeof requireSecondFactorAction>>
  | Awaited<ReturnType<typeof resetSecondFactorAction>>
  | { status: "idle" };

export async function addEditorFromForm(_previous: EditorAdminState, form: FormData): Promise<EditorAdminState> {
  return addEditorAction(db, await actionSessionToken(), form);
}

export async function setEditorAccessFromForm(_previous: EditorAdminState, form: FormData): Promise<EditorAdminState> {
  return setEditorAccessAction(db, await actionSessionToken(), form);
}

export async function resetPasswordFromForm(_previous: EditorAdminState, form: FormData): Promise<EditorAdminState> {
  return resetPasswordAction(db, await actionSessionToken(), form);
}

/**
 * One form per editor for an admin's say over their second factor, so its message survives the
 * buttons changing (a reset removes the reset button): require it, stop requiring it, reset it.
 */
export async function secondFactorAdminFromForm(
  _previous: EditorAdminState,
  form: FormData,
): Promise<EditorAdminState> {
  const intent = form.get("intent");
  const email = form.get("email");
  const token = await actionSessionToken();
  if (intent !== "reset" && intent !== "require" && intent !== "stop-requiring") {
    return { status: "refused", message: "Nothing was changed: use one of the form's buttons." };
  }
  const outcome =
    intent === "reset"
      ? await resetSecondFactorAction(db, token, { email })
      : await requireSecondFactorAction(db, token, { email, required: intent === "require" ? "yes" : "no" });
  if (outcome.status === "done") revalidatePath("/admin/editors");
  return outcome;
}

export type SecondFactorState =
  | Awaited<ReturnType<typeof turnOnSecondFactorAction>>
  | Awaited<ReturnType<ReturnType<typeof turnOffSecondFactorAction>>>
  | { status: "idle" };

/** On success the account page is shown afresh, saying what changed. */
export async function turnOnSecondFactorFromForm(
  _previous: SecondFactorState,
  form: FormData,
): Promise<SecondFactorState> {
  const outcome = await turnOnSecondFactorAction(db, await actionSessionToken(), form);
  if (outcome.status !== "done") return outcome;
  redirect(`${ACCOUNT_PATH}?second-factor=on`);
}

export async function turnOffSecondFactorFromForm(
  _previous: SecondFactorState,
  form: FormData,
): Promise<SecondFactorState> {
  const outcome = await turnOffSecondFactorAction(await clientAddress())(db, await actionSessionToken(), form);
  if (outcome.status !== "done") return outcome;
  redirect(`${ACCOUNT_PATH}?second-factor=off`);
}
