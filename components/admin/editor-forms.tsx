"use client";

import { useActionState } from "react";
import {
  addEditorAction,
  resetPasswordAction,
  secondFactorAdminAction,
  setEditorAccessAction,
  type EditorAdminState,
} from "@/lib/admin/actions";
import { ROLE_LABELS } from "@/lib/validation/editor";
import { FormField } from "./form-field";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

const idle: EditorAdminState = { status: "idle" };
const ROLE_OPTIONS = Object.entries(ROLE_LABELS).map(([value, label]) => ({ value, label }));

function Outcome({ state }: { state: EditorAdminState }) {
  if (state.status === "idle") return null;
  return <StatusMessage tone={state.status === "done" ? "success" : "error"}>{state.message}</StatusMessage>;
}

function fieldErrors(state: EditorAdminState): Record<string, string[]> {
  return state.status === "invalid" ? state.fieldErrors : {};
}

export function AddEditorForm() {
  const [state, formAction] = useActionState(addEditorAction, idle);
  const errors = fieldErrors(state);
  const field = (name: string, label: string, type = "text") => (
    <FormField
      id={`new-${name}`}
      field={{ name, label, required: true }}
      type={type}
      errors={errors[name]}
      className="mb-3"
    />
  );
  return (
    <form action={formAction} className="max-w-md">
      <Outcome state={state} />
      {field("name", "Name")}
      {field("email", "Email", "email")}
      <FormField
        id="new-role"
        field={{ name: "role", label: "Role", kind: "select", required: true, options: ROLE_OPTIONS }}
        defaultValue="editor"
        errors={errors.role}
        className="mb-3"
      />
      {field("password", "First password (at least 12 characters)", "password")}
      <SubmitButton pendingLabel="Adding…">Add editor</SubmitButton>
    </form>
  );
}

export function EditorAccessForm({ email, disabled }: { email: string; disabled: boolean }) {
  const [state, formAction] = useActionState(setEditorAccessAction, idle);
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
  const [state, formAction] = useActionState(resetPasswordAction, idle);
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-2">
      <input type="hidden" name="email" value={email} />
      <FormField
        id={`reset-${email.replace(/[^a-z0-9]/gi, "-")}`}
        field={{ name: "password", label: `New password for ${email}`, required: true }}
        type="password"
        autoComplete="new-password"
        errors={fieldErrors(state).password}
        labelSize="text-sm"
        className=""
      />
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
  const [state, formAction] = useActionState(secondFactorAdminAction, idle);
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
