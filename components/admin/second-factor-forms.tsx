"use client";

import Link from "next/link";
import { useActionState, useState, type FormEvent } from "react";
import { turnOffSecondFactorFromForm, turnOnSecondFactorFromForm, type SecondFactorState } from "@/lib/admin/actions";
import { completeSignInFromForm, type CodeState } from "@/lib/auth/actions";
import { codeSchema } from "@/lib/validation/second-factor";
import { fieldErrorsOf } from "@/lib/validation/records";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

const inputClass =
  "mt-1 block w-40 rounded border border-black/30 bg-paper-raised px-2 py-1.5 font-mono text-lg tracking-widest aria-[invalid=true]:border-conflict dark:border-white/30 dark:bg-paper-dark-raised";

/**
 * The code from an authenticator app: digits on a phone's keyboard, and offered by the browser
 * or a password manager that fills in one-time codes.
 */
function CodeField({ id, label, errors }: { id: string; label: string; errors: string[] | undefined }) {
  return (
    <div className="mb-4">
      <label htmlFor={id} className="block font-semibold">
        {label}
      </label>
      <input
        id={id}
        name="code"
        type="text"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={9}
        required
        aria-invalid={errors?.length ? true : undefined}
        aria-describedby={`${id}-error`}
        className={inputClass}
      />
      <p id={`${id}-error`} aria-live="polite" className="text-sm font-semibold text-conflict dark:text-conflict-dark">
        {errors?.join(" ")}
      </p>
    </div>
  );
}

/** Checks the code's shape with the action's own schema before sending it. */
function useCodeCheck() {
  const [checked, setChecked] = useState<string[] | undefined>(undefined);
  function checkBeforeSending(event: FormEvent<HTMLFormElement>) {
    const result = codeSchema.safeParse({ code: new FormData(event.currentTarget).get("code") ?? "" });
    const errors = result.success ? undefined : fieldErrorsOf(result.error).code;
    setChecked(errors);
    if (errors) event.preventDefault();
  }
  return { checked, checkBeforeSending };
}

export function CodeSignInForm() {
  const [state, formAction] = useActionState<CodeState, FormData>(completeSignInFromForm, {
    message: null,
    fieldErrors: {},
    restart: false,
  });
  const { checked, checkBeforeSending } = useCodeCheck();
  if (state.restart) {
    return (
      <div>
        <StatusMessage tone="error">{state.message}</StatusMessage>
        <p>
          <Link href="/admin/login">Sign in again</Link>
        </p>
      </div>
    );
  }
  return (
    <form action={formAction} onSubmit={checkBeforeSending} noValidate className="max-w-sm">
      {state.message ? <StatusMessage tone="error">{state.message}</StatusMessage> : null}
      <CodeField id="code" label="Code from your authenticator app" errors={checked ?? state.fieldErrors.code} />
      <SubmitButton pendingLabel="Checking…">Continue</SubmitButton>
    </form>
  );
}

const idle: SecondFactorState = { status: "idle" };

export function TurnOnForm() {
  const [state, formAction] = useActionState(turnOnSecondFactorFromForm, idle);
  const { checked, checkBeforeSending } = useCodeCheck();
  const serverErrors = state.status === "invalid" ? state.fieldErrors.code : undefined;
  return (
    <form action={formAction} onSubmit={checkBeforeSending} noValidate className="max-w-sm">
      {state.status === "refused" ? <StatusMessage tone="error">{state.message}</StatusMessage> : null}
      <CodeField id="code" label="Code the app shows now" errors={checked ?? serverErrors} />
      <SubmitButton pendingLabel="Checking…">Turn on second factor</SubmitButton>
    </form>
  );
}

export function TurnOffForm() {
  const [state, formAction] = useActionState(turnOffSecondFactorFromForm, idle);
  const errors = state.status === "invalid" ? state.fieldErrors.proof : undefined;
  return (
    <form action={formAction} className="max-w-sm">
      {state.status === "refused" ? <StatusMessage tone="error">{state.message}</StatusMessage> : null}
      <div className="mb-4">
        <label htmlFor="proof" className="block font-semibold">
          A code from your app, or your password
        </label>
        <input
          id="proof"
          name="proof"
          type="password"
          autoComplete="current-password"
          required
          aria-invalid={errors?.length ? true : undefined}
          aria-describedby="proof-error"
          className="mt-1 block w-full rounded border border-black/30 bg-paper-raised px-2 py-1.5 aria-[invalid=true]:border-conflict dark:border-white/30 dark:bg-paper-dark-raised"
        />
        <p id="proof-error" aria-live="polite" className="text-sm font-semibold text-conflict dark:text-conflict-dark">
          {errors?.join(" ")}
        </p>
      </div>
      <SubmitButton tone="danger" pendingLabel="Turning off…">
        Turn off second factor
      </SubmitButton>
    </form>
  );
}
