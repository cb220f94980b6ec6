"use client";

import { useActionState } from "react";
import { revertAction, type RevertState } from "@/lib/admin/actions";
import type { ChangeKind } from "@/lib/records/change";
import { ChangeKindField } from "./change-kind-field";
import { PublishWhenField } from "./publish-when-field";
import { SubmitButton } from "./submit-button";

/**
 * One click undoes a change, as a new change; the outcome is announced beside the button. The
 * revert's kind is chosen for the editor (a correction, or a fix when it undoes a fix), and they
 * may choose another. It may be set for a time, behind a disclosure so the history stays short;
 * when this deployment reviews every change, it is submitted for review.
 */
export function RevertButton({ revisionId, kind, review }: { revisionId: number; kind: ChangeKind; review: boolean }) {
  const [state, formAction] = useActionState<RevertState, FormData>(revertAction, { status: "idle" });
  const invalidTime = state.status === "invalid" ? state.fieldErrors.publishAt : undefined;
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="revisionId" value={revisionId} />
      <ChangeKindField
        idPrefix={`revert-${revisionId}-kind`}
        defaultValue={kind}
        legend={`Reverting #${revisionId} is a`}
        compact
      />
      <SubmitButton tone="plain" pendingLabel="Reverting…">
        {review ? `Submit the revert of change #${revisionId} for review` : `Revert change #${revisionId}`}
      </SubmitButton>
      <span role="status" className="text-sm">
        {state.status === "idle" ? null : state.message}
      </span>
      <details className="basis-full text-sm" open={invalidTime !== undefined}>
        <summary>Set a time for it</summary>
        <PublishWhenField
          id={`revert-${revisionId}-publish-at`}
          label={`Publish the revert of #${revisionId} at`}
          review={review}
          errors={invalidTime}
        />
      </details>
    </form>
  );
}
