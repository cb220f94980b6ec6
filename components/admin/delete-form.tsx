"use client";

import { useActionState, useState } from "react";
import { deleteRecordAction, type DeleteState } from "@/lib/admin/actions";
import { reasonField } from "@/lib/records/change";
import type { EditableRecordType } from "@/lib/records/registry";
import { FormField } from "./form-field";
import { PublishWhenField } from "./publish-when-field";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

const REASON = reasonField("delete");

/** Deleting asks for a reason and when it goes public, and carries the version, like an edit. */
export function DeleteForm({
  recordType,
  id,
  version,
  noun,
  confirm,
  review = false,
}: {
  recordType: EditableRecordType;
  id: string;
  version: number;
  noun: string;
  /** What the editor must tick to say they know what deleting it does, when it does more than it seems. */
  confirm?: string;
  /** This deployment reviews every change: deleting submits a draft of the deletion. */
  review?: boolean;
}) {
  const [state, formAction] = useActionState<DeleteState, FormData>(deleteRecordAction, { status: "idle" });
  // Held here because React empties a form's own fields after each action: a refused delete
  // (a record still cited, a box not ticked) must not lose the reason the editor typed.
  const [reason, setReason] = useState("");
  return (
    <form action={formAction} className="mt-10 max-w-2xl border-t border-black/10 pt-6 dark:border-white/15">
      <h2 className="mb-2 text-lg font-bold">Delete this {noun}</h2>
      <input type="hidden" name="recordType" value={recordType} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {state.status !== "idle" && state.status !== "invalid" ? (
        <StatusMessage tone="error">{state.message}</StatusMessage>
      ) : null}
      <FormField
        id="delete-reason"
        field={REASON}
        value={reason}
        onChange={setReason}
        errors={state.status === "invalid" ? state.fieldErrors.reason : undefined}
        className="mb-3"
      />
      <PublishWhenField
        id="delete-publish-at"
        label="Publish the deletion at"
        review={review}
        errors={state.status === "invalid" ? state.fieldErrors.publishAt : undefined}
      />
      {confirm ? (
        <label className="mb-3 block text-sm">
          <input type="checkbox" name="confirmDelete" value="yes" required /> {confirm}
        </label>
      ) : null}
      <SubmitButton tone="danger" pendingLabel="Deleting…">
        {review ? `Submit the deletion of this ${noun} for review` : `Delete ${noun}`}
      </SubmitButton>
    </form>
  );
}
