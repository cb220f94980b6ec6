"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { formValues, isForm, NOT_A_FORM_MESSAGE, refused } from "@/lib/auth/guard.server";
import { ACCOUNT_PATH, actionSessionToken, clientAddress } from "@/lib/auth/request.server";
import { db } from "@/lib/db.server";
import { EDITABLE_RECORDS, isEditableRecordType, recordPath } from "@/lib/records/registry";
import { revalidatePublicPages } from "@/lib/revalidate.server";
import { PREVIEW_PATH, REVIEW_PATH } from "@/lib/review/paths";
import { lookForScheduledChanges } from "@/lib/review/scheduler.server";
import {
  checkedAddEditor,
  checkedApproveChange,
  checkedCancelChange,
  checkedMoveChange,
  checkedRejectChange,
  checkedDeleteRecord,
  checkedEndEditorSessions,
  checkedEndOtherSessions,
  checkedEndSession,
  checkedImportFigures,
  checkedPreviewChart,
  checkedPreviewImport,
  checkedProposeRelease,
  checkedPublishChart,
  checkedRemovePasskey,
  checkedRenamePasskey,
  checkedRenewRecoveryCodes,
  checkedRequireSecondFactor,
  checkedResetPassword,
  checkedResetSecondFactor,
  checkedRevert,
  checkedSaveRelease,
  checkedSaveRecord,
  checkedSetEditorAccess,
  checkedTurnOffSecondFactor,
  checkedTurnOnSecondFactor,
} from "./checked.server";

/**
 * The admin's server actions, the only functions named `…Action`: what its forms post to. Each
 * takes the session token only from a form this site posted (actionSessionToken), hands over to
 * its checked function in checked.ts, then refreshes the public pages after a change.
 */

const notAForm = refused(NOT_A_FORM_MESSAGE);

export type SaveState = Awaited<ReturnType<typeof checkedSaveRecord>> | { status: "idle" };

export async function saveRecordAction(_previous: SaveState, form: FormData): Promise<SaveState> {
  if (!isForm(form)) return notAForm;
  const outcome = await checkedSaveRecord(db, await actionSessionToken(), form);
  if (outcome.status === "held") redirect(heldPath(outcome.pendingId));
  if (outcome.status !== "saved") return outcome;
  revalidatePublicPages();
  if (outcome.recordType === "figure" && form.get("then") === "another") {
    redirect(`/admin/figures/new?from=${encodeURIComponent(outcome.recordId)}&keep=source&saved=1`);
  }
  redirect(`${recordPath(outcome.recordType, outcome.recordId)}?saved=1`);
}

export type ChartPreviewState = Awaited<ReturnType<typeof checkedPreviewChart>> | { status: "idle" };

/** Draws the chart editor's unsaved form; changes nothing. */
export async function previewChartAction(form: FormData): Promise<ChartPreviewState> {
  if (!isForm(form)) return notAForm;
  return checkedPreviewChart(db, await actionSessionToken(), form);
}

export type PublishState = Awaited<ReturnType<typeof checkedPublishChart>> | { status: "idle" };

export async function publishChartAction(_previous: PublishState, form: FormData): Promise<PublishState> {
  if (!isForm(form)) return notAForm;
  const outcome = await checkedPublishChart(db, await actionSessionToken(), form);
  if (outcome.status === "held") redirect(heldPath(outcome.pendingId));
  if (outcome.status !== "saved") return outcome;
  revalidatePublicPages();
  redirect(`${recordPath(outcome.recordType, outcome.recordId)}?saved=1`);
}

export type DeleteState = Awaited<ReturnType<typeof checkedDeleteRecord>> | { status: "idle" };

export async function deleteRecordAction(_previous: DeleteState, form: FormData): Promise<DeleteState> {
  if (!isForm(form)) return notAForm;
  const outcome = await checkedDeleteRecord(db, await actionSessionToken(), form);
  if (outcome.status === "held") redirect(heldPath(outcome.pendingId));
  if (outcome.status !== "deleted") return outcome;
  revalidatePublicPages();
  const recordType = String(form.get("recordType"));
  const section = isEditableRecordType(recordType) ? EDITABLE_RECORDS[recordType].path : "/admin";
  redirect(`${section}?deleted=1`);
}

export type RevertState = Awaited<ReturnType<typeof checkedRevert>> | { status: "idle" };

export async function revertAction(_previous: RevertState, form: FormData): Promise<RevertState> {
  if (!isForm(form)) return notAForm;
  const outcome = await checkedRevert(db, await actionSessionToken(), form);
  if (outcome.status === "held") redirect(heldPath(outcome.pendingId));
  if (outcome.status === "reverted") revalidatePublicPages();
  return outcome;
}

export type ImportState =
  | Awaited<ReturnType<typeof checkedPreviewImport>>
  | Awaited<ReturnType<typeof checkedImportFigures>>
  | { status: "idle" };

/** One form, two buttons: "Check" previews, "Import" writes the valid rows. */
export async function importAction(_previous: ImportState, form: FormData): Promise<ImportState> {
  if (!isForm(form)) return notAForm;
  if (form.get("intent") !== "import") return checkedPreviewImport(db, await actionSessionToken(), form);
  const outcome = await checkedImportFigures(db, await actionSessionToken(), form);
  if (outcome.status === "held") redirect(heldPath(outcome.pendingId));
  if (outcome.status === "imported") revalidatePublicPages();
  return outcome;
}

export type EditorAdminState =
  | Awaited<ReturnType<typeof checkedAddEditor>>
  | Awaited<ReturnType<typeof checkedSetEditorAccess>>
  | Awaited<ReturnType<typeof checkedResetPassword>>
  | Awaited<ReturnType<typeof checkedRequireSecondFactor>>
  | Awaited<ReturnType<typeof checkedResetSecondFactor>>
  | Awaited<ReturnType<typeof checkedEndEditorSessions>>
  | { status: "idle" };

export async function addEditorAction(_previous: EditorAdminState, form: FormData): Promise<EditorAdminState> {
  if (!isForm(form)) return notAForm;
  return checkedAddEditor(db, await actionSessionToken(), form);
}

export async function setEditorAccessAction(_previous: EditorAdminState, form: FormData): Promise<EditorAdminState> {
  if (!isForm(form)) return notAForm;
  return checkedSetEditorAccess(db, await actionSessionToken(), form);
}

export async function resetPasswordAction(_previous: EditorAdminState, form: FormData): Promise<EditorAdminState> {
  if (!isForm(form)) return notAForm;
  return checkedResetPassword(db, await actionSessionToken(), form);
}

/**
 * One form per editor for an admin's say over their second factor, so its message survives the
 * buttons changing (a reset removes the reset button): require it, stop requiring it, reset it.
 */
export async function secondFactorAdminAction(_previous: EditorAdminState, form: FormData): Promise<EditorAdminState> {
  if (!isForm(form)) return notAForm;
  const intent = form.get("intent");
  const email = form.get("email");
  const token = await actionSessionToken();
  if (intent !== "reset" && intent !== "require" && intent !== "stop-requiring") {
    return refused("Nothing was changed: use one of the form's buttons.");
  }
  const outcome =
    intent === "reset"
      ? await checkedResetSecondFactor(db, token, { email })
      : await checkedRequireSecondFactor(db, token, { email, required: intent === "require" ? "yes" : "no" });
  if (outcome.status === "done") revalidatePath("/admin/editors");
  return outcome;
}

export type SecondFactorState =
  | Awaited<ReturnType<typeof checkedTurnOnSecondFactor>>
  | Awaited<ReturnType<ReturnType<typeof checkedTurnOffSecondFactor>>>
  | { status: "idle" };

/** On success the account page is shown afresh, saying what changed. */
export async function turnOnSecondFactorAction(
  _previous: SecondFactorState,
  form: FormData,
): Promise<SecondFactorState> {
  if (!isForm(form)) return notAForm;
  const outcome = await checkedTurnOnSecondFactor(db, await actionSessionToken(), form);
  if (outcome.status !== "done") return outcome;
  redirect(`${ACCOUNT_PATH}?second-factor=on`);
}

export async function turnOffSecondFactorAction(
  _previous: SecondFactorState,
  form: FormData,
): Promise<SecondFactorState> {
  if (!isForm(form)) return notAForm;
  const outcome = await checkedTurnOffSecondFactor(await clientAddress())(db, await actionSessionToken(), form);
  if (outcome.status !== "done") return outcome;
  redirect(`${ACCOUNT_PATH}?second-factor=off`);
}

export type PasskeyState =
  | Awaited<ReturnType<typeof checkedRenamePasskey>>
  | Awaited<ReturnType<ReturnType<typeof checkedRemovePasskey>>>
  | { status: "idle" };

export async function renamePasskeyAction(_previous: PasskeyState, form: FormData): Promise<PasskeyState> {
  if (!isForm(form)) return notAForm;
  const outcome = await checkedRenamePasskey(db, await actionSessionToken(), form);
  if (outcome.status === "done") revalidatePath(ACCOUNT_PATH);
  return outcome;
}

export async function removePasskeyAction(_previous: PasskeyState, form: FormData): Promise<PasskeyState> {
  if (!isForm(form)) return notAForm;
  const outcome = await checkedRemovePasskey(await clientAddress())(db, await actionSessionToken(), form);
  if (outcome.status !== "done") return outcome;
  redirect(`${ACCOUNT_PATH}?passkey=removed`);
}

/** An admin signs an editor out everywhere; the editors page then counts no open session. */
export async function endEditorSessionsAction(_previous: EditorAdminState, form: FormData): Promise<EditorAdminState> {
  if (!isForm(form)) return notAForm;
  const outcome = await checkedEndEditorSessions(db, await actionSessionToken(), form);
  if (outcome.status === "done") revalidatePath("/admin/editors");
  return outcome;
}

export type RecoveryCodesState = Awaited<ReturnType<typeof checkedRenewRecoveryCodes>> | { status: "idle" };

/** The codes travel in the answer only, to be shown this once. */
export async function renewRecoveryCodesAction(
  _previous: RecoveryCodesState,
  form: FormData,
): Promise<RecoveryCodesState> {
  if (!isForm(form)) return notAForm;
  return checkedRenewRecoveryCodes(db, await actionSessionToken(), form);
}

export type SessionsState =
  | Awaited<ReturnType<typeof checkedEndSession>>
  | Awaited<ReturnType<typeof checkedEndOtherSessions>>
  | { status: "idle" };

export async function endSessionAction(_previous: SessionsState, form: FormData): Promise<SessionsState> {
  if (!isForm(form)) return notAForm;
  const outcome = await checkedEndSession(db, await actionSessionToken(), form);
  if (outcome.status === "done") revalidatePath(ACCOUNT_PATH);
  return outcome;
}

/** On success the account page is shown afresh, saying so: the form goes with the other sessions. */
export async function endOtherSessionsAction(_previous: SessionsState, form: FormData): Promise<SessionsState> {
  if (!isForm(form)) return notAForm;
  const outcome = await checkedEndOtherSessions(db, await actionSessionToken(), form);
  if (outcome.status !== "done") return outcome;
  redirect(`${ACCOUNT_PATH}?signed-out=elsewhere`);
}

export type ReleaseState =
  | ((Awaited<ReturnType<typeof checkedSaveRelease>> | Awaited<ReturnType<typeof checkedProposeRelease>>) & {
      /** The form as sent, which the page shows again when it was sent without JavaScript. */
      sent?: Record<string, string>;
    })
  | { status: "idle" };

/** The release form's two buttons: propose the figures in the passage (nothing written), or save them. */
export async function releaseAction(_previous: ReleaseState, form: FormData): Promise<ReleaseState> {
  if (!isForm(form)) return notAForm;
  const token = await actionSessionToken();
  const sent = formValues(form);
  if (form.get("intent") !== "save") return { ...(await checkedProposeRelease(db, token, form)), sent };
  const outcome = await checkedSaveRelease(db, token, form);
  if (outcome.status === "held") redirect(heldPath(outcome.pendingId));
  if (outcome.status === "saved") revalidatePublicPages();
  return outcome.status === "saved" ? outcome : { ...outcome, sent };
}

/** A held change's preview, saying it was held: what the editor sees after submitting or scheduling. */
const heldPath = (pendingId: number) => `${PREVIEW_PATH}/${pendingId}?held=1`;

export type ReviewState =
  | Awaited<ReturnType<typeof checkedApproveChange>>
  | Awaited<ReturnType<typeof checkedRejectChange>>
  | Awaited<ReturnType<typeof checkedCancelChange>>
  | Awaited<ReturnType<typeof checkedMoveChange>>
  | { status: "idle" };

/** The review page's buttons on one held change: approve, reject (with a reason), cancel, move. */
export async function reviewChangeAction(_previous: ReviewState, form: FormData): Promise<ReviewState> {
  if (!isForm(form)) return notAForm;
  const token = await actionSessionToken();
  const intent = form.get("intent");
  const outcome =
    intent === "approve"
      ? await checkedApproveChange(db, token, form)
      : intent === "reject"
        ? await checkedRejectChange(db, token, form)
        : intent === "cancel"
          ? await checkedCancelChange(db, token, form)
          : intent === "move"
            ? await checkedMoveChange(db, token, form)
            : refused("Nothing was changed: use one of the form's buttons.");
  if (outcome.status !== "done") return outcome;
  if (intent === "approve") revalidatePublicPages();
  lookForScheduledChanges();
  revalidatePath(REVIEW_PATH);
  // The change's own page says what became of it: the list it was in no longer holds it.
  redirect(`${PREVIEW_PATH}/${encodeURIComponent(String(form.get("id")))}?done=${intent}`);
}
