"use client";

import { useActionState } from "react";
import { reviewChangeAction, type ReviewState } from "@/lib/admin/actions";
import type { PendingStatus } from "@/lib/review/pending";
import { FormField } from "./form-field";
import { PublishWhenField } from "./publish-when-field";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

/**
 * What an editor can do with one held change: approve or reject a draft (with a reason), withdraw
 * or cancel it, move its time. Every rule (the author cannot approve their own) is kept by the
 * action; the buttons only offer what its state allows.
 */
export function ReviewActions({ id, status, review }: { id: number; status: PendingStatus; review: boolean }) {
  const [state, formAction] = useActionState<ReviewState, FormData>(reviewChangeAction, { status: "idle" });
  const errors = state.status === "invalid" ? state.fieldErrors : {};
  const waiting = status === "draft" || status === "scheduled";
  return (
    <div className="mt-3 space-y-3">
      {state.status === "done" ? <StatusMessage tone="success">{state.message}</StatusMessage> : null}
      {state.status === "refused" || state.status === "invalid" ? (
        <StatusMessage tone="error">{state.message}</StatusMessage>
      ) : null}
      {status === "draft" ? (
        // The reason is required of a rejection only, which the action checks: the browser must not stop an approval.
        <form
          action={formAction}
          noValidate
          className="flex flex-wrap items-end gap-3"
          aria-label={`Review change ${id}`}
        >
          <input type="hidden" name="id" value={id} />
          <SubmitButton name="intent" value="approve" pendingLabel="Approving…">
            Approve
          </SubmitButton>
          <FormField
            id={`rejection-${id}`}
            field={{ name: "rejectionReason", label: "Reason for rejecting", required: true }}
            errors={errors.rejectionReason}
            size="w-80"
            className=""
          />
          <SubmitButton name="intent" value="reject" tone="danger" pendingLabel="Rejecting…">
            Reject
          </SubmitButton>
        </form>
      ) : null}
      {waiting ? (
        <form
          action={formAction}
          noValidate
          className="flex flex-wrap items-end gap-3"
          aria-label={`Time of change ${id}`}
        >
          <input type="hidden" name="id" value={id} />
          <div>
            <PublishWhenField id={`publish-at-${id}`} review={review} errors={errors.publishAt} required />
          </div>
          <SubmitButton name="intent" value="move" tone="plain" pendingLabel="Moving…">
            Move
          </SubmitButton>
        </form>
      ) : null}
      {waiting || status === "failed" ? (
        <form action={formAction} aria-label={`Cancel change ${id}`}>
          <input type="hidden" name="id" value={id} />
          <SubmitButton name="intent" value="cancel" tone="plain" pendingLabel="Cancelling…">
            {status === "draft" ? "Withdraw (the author only)" : "Cancel"}
          </SubmitButton>
        </form>
      ) : null}
    </div>
  );
}
