"use client";

import { useActionState } from "react";
import { deleteRecordFromForm, type DeleteState } from "@/lib/admin/actions";
import type { EditableRecordType } from "@/lib/validation/records";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

/** Deleting asks for a reason and carries the version, like an edit. */
export function DeleteForm({
  recordType,
  id,
  version,
  noun,
}: {
  recordType: EditableRecordType;
  id: string;
  version: number;
  noun: string;
}) {
  const [state, formAction] = useActionState<DeleteState, FormData>(deleteRecordFromForm, { status: "idle" });
  const reasonError = state.status === "invalid" ? state.fieldErrors.reason : undefined;
  return (
    <form action={formAction} className="mt-10 max-w-2xl border-t border-black/10 pt-6 dark:border-white/15">
      <h2 className="mb-2 text-lg font-bold">Delete this {noun}</h2>
      <input type="hidden" name="recordType" value={recordType} />
      <input type="hidden" name="id" value={id} />
      <input type="hidden" name="version" value={version} />
      {state.status !== "idle" && state.status !== "invalid" ? (
        <StatusMessage tone="error">{state.message}</StatusMessage>
      ) : null}
      <label htmlFor="delete-reason" className="block font-semibold">
        Reason for deleting
      </label>
      <input
        id="delete-reason"
        name="reason"
        required
        maxLength={500}
        aria-invalid={reasonError ? true : undefined}
        aria-describedby="delete-reason-error"
        className="mt-1 block w-full rounded border border-black/30 bg-paper-raised px-2 py-1.5 dark:border-white/30 dark:bg-paper-dark-raised"
      />
      <p
        id="delete-reason-error"
        aria-live="polite"
        className="mb-3 text-sm font-semibold text-conflict dark:text-conflict-dark"
      >
        {reasonError?.join(" ")}
      </p>
      <SubmitButton tone="danger" pendingLabel="Deleting…">
        Delete {noun}
      </SubmitButton>
    </form>
  );
}
