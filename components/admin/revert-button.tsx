"use client";

import { useActionState } from "react";
import { revertAction, type RevertState } from "@/lib/admin/actions";
import { SubmitButton } from "./submit-button";

/** One click undoes a change, as a new change; the outcome is announced beside the button. */
export function RevertButton({ revisionId }: { revisionId: number }) {
  const [state, formAction] = useActionState<RevertState, FormData>(revertAction, { status: "idle" });
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <input type="hidden" name="revisionId" value={revisionId} />
      <SubmitButton tone="plain" pendingLabel="Reverting…">
        Revert change #{revisionId}
      </SubmitButton>
      <span role="status" className="text-sm">
        {state.status === "idle" ? null : state.message}
      </span>
    </form>
  );
}
