"use client";

import { useActionState } from "react";
import { signInFromForm, type SignInState } from "@/lib/auth/actions";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

export function SignInForm() {
  const [state, formAction] = useActionState<SignInState, FormData>(signInFromForm, {
    message: null,
    fieldErrors: {},
    email: "",
  });
  return (
    <form action={formAction} className="max-w-sm">
      {state.message ? <StatusMessage tone="error">{state.message}</StatusMessage> : null}
      <div className="mb-4">
        <label htmlFor="email" className="block font-semibold">
          Email
        </label>
        <input
          id="email"
          name="email"
          type="email"
          autoComplete="username"
          required
          defaultValue={state.email}
          aria-invalid={state.fieldErrors.email ? true : undefined}
          aria-describedby="email-error"
          className="mt-1 block w-full rounded border border-black/30 bg-paper-raised px-2 py-1.5 dark:border-white/30 dark:bg-paper-dark-raised"
        />
        <p id="email-error" aria-live="polite" className="text-sm font-semibold text-conflict dark:text-conflict-dark">
          {state.fieldErrors.email?.join(" ")}
        </p>
      </div>
      <div className="mb-4">
        <label htmlFor="password" className="block font-semibold">
          Password
        </label>
        <input
          id="password"
          name="password"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={state.fieldErrors.password ? true : undefined}
          aria-describedby="password-error"
          className="mt-1 block w-full rounded border border-black/30 bg-paper-raised px-2 py-1.5 dark:border-white/30 dark:bg-paper-dark-raised"
        />
        <p
          id="password-error"
          aria-live="polite"
          className="text-sm font-semibold text-conflict dark:text-conflict-dark"
        >
          {state.fieldErrors.password?.join(" ")}
        </p>
      </div>
      <SubmitButton pendingLabel="Signing in…">Sign in</SubmitButton>
    </form>
  );
}
