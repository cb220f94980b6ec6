"use client";

import { useActionState } from "react";
import {
  addEditorFromForm,
  resetPasswordFromForm,
  secondFactorAdminFromForm,
  setEditorAccessFromForm,
  type EditorAdminState,
} from "@/lib/admin/actions";
import { ROLE_LABELS } from "@/lib/validation/editor";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

const inputClass =
  "mt-1 block w-full rounded border border-black/30 bg-paper-raised px-2 py-1.5 dark:border-white/30 dark:bg-paper-dark-raised";
const idle: EditorAdminState = { status: "idle" };

function Outcome({ state }: { state: EditorAdminState }) {
  if (state.status === "idle") return null;
  return <StatusMessage tone={state.status === "done" ? "success" : "error"}>{state.message}</StatusMessage>;
}

function fieldErrors(state: EditorAdminState): Record<string, string[]> {
  return state.status === "invalid" ? state.fieldErrors : {};
}

function ErrorText({ id, messages }: { id: string; messages: string[] | undefined }) {
  return (
    <p id={id} aria-live="polite" className="text-sm font-semibold text-conflict dark:text-conflict-dark">
      {messages?.join(" ")}
    </p>
  );
}

export function AddEditorForm() {
  const [state, formAction] = useActionState(addEditorFromForm, idle);
  const errors = fieldErrors(state);
  const field = (name: string, label: string, type = "text") => (
    <div className="mb-3">
      <label htmlFor={`new-${name}`} className="block font-semibold">
        {label}
      </label>
      <input
        id={`new-${name}`}
        name={name}
        type={type}
        required
        aria-invalid={errors[name] ? true : undefined}
        aria-describedby={`new-${name}-error`}
        className={inputClass}
      />
      <ErrorText id={`new-${name}-error`} messages={errors[name]} />
    </div>
  );
  return (
    <form action={formAction} className="max-w-md">
      <Outcome state={state} />
      {field("name", "Name")}
      {field("email", "Email", "email")}
      <div className="mb-3">
        <label htmlFor="new-role" className="block font-semibold">
          Role
        </label>
        <select id="new-role" name="role" defaultValue="editor" className={inputClass}>
          {Object.entries(ROLE_LABELS).map(([value, label]) => (
            <option key={value} value={value}>
              {label}
            </option>
          ))}
        </select>
      </div>
      {field("password", "First password (at least 12 characters)", "password")}
      <SubmitButton pendingLabel="Adding…">Add editor</SubmitButton>
    </form>
  );
}

export function EditorAccessForm({ email, disabled }: { email: string; disabled: boolean }) {
  const [state, formAction] = useActionState(setEditorAccessFromForm, idle);
  return (
    <form action={formAction}>
      <input type="hidden" name="email" value={email} />
      <input type="hidden" name="access" value={disabled ? "enable" : "disable"} />
      <Outcome state={state} />
      <SubmitButton tone={disabled ? "plain" : "danger"} pendingLabel="Saving…">
        {disabled ? `Enable ${email}` : `Disable ${email}`}
      </SubmitButton>
    </form>
  );
}

export function ResetPasswordForm({ email }: { email: string }) {
  const [state, formAction] = useActionState(resetPasswordFromForm, idle);
  const id = `reset-${email.replace(/[^a-z0-9]/gi, "-")}`;
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="email" value={email} />
      <div>
        <label htmlFor={id} className="block text-sm font-semibold">
          New password for {email}
        </label>
        <input
          id={id}
          name="password"
          type="password"
          autoComplete="new-password"
          required
          aria-describedby={`${id}-error`}
          className={inputClass}
        />
        <ErrorText id={`${id}-error`} messages={fieldErrors(state).password} />
      </div>
      <SubmitButton tone="plain" pendingLabel="Saving…">
        Set password
      </SubmitButton>
      <div className="basis-full">
        <Outcome state={state.status === "invalid" ? idle : state} />
      </div>
    </form>
  );
}

/**
 * An admin's say over an editor's second factor: require it or not, and reset it when the
 * editor has lost their phone (they then sign in with the password and set up a new app).
 */
export function SecondFactorAdminForm({
  email,
  required,
  on,
  self,
}: {
  email: string;
  required: boolean;
  on: boolean;
  self: boolean;
}) {
  const [state, formAction] = useActionState(secondFactorAdminFromForm, idle);
  return (
    <form action={formAction} className="flex flex-wrap items-start gap-2">
      <input type="hidden" name="email" value={email} />
      <div className="basis-full">
        <Outcome state={state} />
      </div>
      <SubmitButton tone="plain" name="intent" value={required ? "stop-requiring" : "require"} pendingLabel="Saving…">
        {required ? `Stop requiring a second factor of ${email}` : `Require a second factor of ${email}`}
      </SubmitButton>
      {on && !self ? (
        <SubmitButton tone="danger" name="intent" value="reset" pendingLabel="Saving…">
          {`Reset the second factor of ${email}`}
        </SubmitButton>
      ) : null}
    </form>
  );
}
