"use client";

import { useActionState, type ReactNode } from "react";
import {
  endEditorSessionsAction,
  endOtherSessionsAction,
  endSessionAction,
  type EditorAdminState,
  type SessionsState,
} from "@/lib/admin/actions";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

const idle = { status: "idle" } as const;

function Outcome({ state }: { state: SessionsState | EditorAdminState }) {
  if (state.status === "idle") return null;
  return <StatusMessage tone={state.status === "done" ? "success" : "error"}>{state.message}</StatusMessage>;
}

/**
 * One form around the whole list of sessions, each with its own button: the message stays when
 * the session it ended leaves the list.
 */
export function EndSessionForm({ children }: { children: ReactNode }) {
  const [state, formAction] = useActionState<SessionsState, FormData>(endSessionAction, idle);
  return (
    <form action={formAction}>
      <Outcome state={state} />
      {children}
    </form>
  );
}

/** Ends one session on another device; `which` tells screen readers which one. */
export function EndSessionButton({ session, which }: { session: string; which: string }) {
  return (
    <SubmitButton tone="plain" name="session" value={session} pendingLabel="Ending…">
      End this session<span className="sr-only">: {which}</span>
    </SubmitButton>
  );
}

export function EndOtherSessionsForm() {
  const [state, formAction] = useActionState<SessionsState, FormData>(endOtherSessionsAction, idle);
  return (
    <form action={formAction}>
      <Outcome state={state} />
      <SubmitButton tone="danger" pendingLabel="Signing out…">
        Sign out everywhere else
      </SubmitButton>
    </form>
  );
}

/** An admin signs an editor out on every device. */
export function EndEditorSessionsForm({ email }: { email: string }) {
  const [state, formAction] = useActionState<EditorAdminState, FormData>(endEditorSessionsAction, idle);
  return (
    <form action={formAction}>
      <input type="hidden" name="email" value={email} />
      <Outcome state={state} />
      <SubmitButton tone="danger" pendingLabel="Ending…">
        {`End every session of ${email}`}
      </SubmitButton>
    </form>
  );
}
