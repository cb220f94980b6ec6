"use client";

import { useActionState } from "react";
import { signInAction, type SignInState } from "@/lib/auth/actions";
import { FormField } from "./form-field";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

export function SignInForm() {
  const [state, formAction] = useActionState<SignInState, FormData>(signInAction, {
    message: null,
    fieldErrors: {},
    email: "",
  });
  return (
    <form action={formAction} className="max-w-sm">
      {state.message ? <StatusMessage tone="error">{state.message}</StatusMessage> : null}
      <FormField
        field={{ name: "email", label: "Email", required: true }}
        type="email"
        autoComplete="username"
        defaultValue={state.email}
        errors={state.fieldErrors.email}
      />
      <FormField
        field={{ name: "password", label: "Password", required: true }}
        type="password"
        autoComplete="current-password"
        errors={state.fieldErrors.password}
      />
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
