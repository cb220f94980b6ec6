"use client";

import { useActionState } from "react";
import { revertAction, type RevertState } from "@/lib/admin/actions";
import type { ChangeKind } from "@/lib/records/change";
import { ChangeKindField } from "./change-kind-field";
import { SubmitButton } from "./submit-button";

/**
 * One click undoes a change, as a new change; the outcome is announced beside the button. The
 * revert's kind is chosen for the editor (a correction, or a fix when it undoes a fix), and they
 * may choose another.
 */
export function RevertButton({ revisionId, kind }: { revisionId: number; kind: ChangeKind }) {
  const [state, formAction] = useActionState<RevertState, FormData>(revertAction, { status: "idle" });
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
        Revert change #{revisionId}
      </SubmitButton>
      <span role="status" className="text-sm">
        {state.status === "idle" ? null : state.message}
      </span>
    </form>
  );
}
