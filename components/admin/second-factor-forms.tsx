"use client";

import Link from "next/link";
import { useActionState, useState, type FormEvent } from "react";
import {
  renewRecoveryCodesAction,
  turnOffSecondFactorAction,
  turnOnSecondFactorAction,
  type RecoveryCodesState,
  type SecondFactorState,
} from "@/lib/admin/actions";
import { completeSignInAction, completeSignInWithRecoveryCodeAction, type CodeState } from "@/lib/auth/actions";
import { fieldErrorsOf } from "@/lib/validation/fields";
import { codeSchema } from "@/lib/validation/second-factor";
import { FormField } from "./form-field";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

/**
 * The code from an authenticator app: digits on a phone's keyboard, and offered by the browser
 * or a password manager that fills in one-time codes. Nine characters leave room for the space
 * an app shows in the middle.
 */
function CodeField({ label, errors }: { label: string; errors: string[] | undefined }) {
  return (
    <FormField
      field={{ name: "code", label, required: true, maxLength: 9 }}
      inputMode="numeric"
      autoComplete="one-time-code"
      size="w-40 font-mono text-lg tracking-widest"
      errors={errors}
    />
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

const noCodeYet: CodeState = { message: null, fieldErrors: {}, restart: false };

function SignInAgain({ message }: { message: string | null }) {
  return (
    <div>
      <StatusMessage tone="error">{message}</StatusMessage>
      <p>
        <Link href="/admin/login">Sign in again</Link>
      </p>
    </div>
  );
}

export function CodeSignInForm() {
  const [state, formAction] = useActionState<CodeState, FormData>(completeSignInAction, noCodeYet);
  const { checked, checkBeforeSending } = useCodeCheck();
  if (state.restart) return <SignInAgain message={state.message} />;
  return (
    <form action={formAction} onSubmit={checkBeforeSending} noValidate className="max-w-sm">
      {state.message ? <StatusMessage tone="error">{state.message}</StatusMessage> : null}
      <CodeField label="Code from your authenticator app" errors={checked ?? state.fieldErrors.code} />
      <SubmitButton pendingLabel="Checking…">Continue</SubmitButton>
    </form>
  );
}

const idle: SecondFactorState = { status: "idle" };

export function TurnOnForm() {
  const [state, formAction] = useActionState(turnOnSecondFactorAction, idle);
  const { checked, checkBeforeSending } = useCodeCheck();
  const serverErrors = state.status === "invalid" ? state.fieldErrors.code : undefined;
  return (
    <form action={formAction} onSubmit={checkBeforeSending} noValidate className="max-w-sm">
      {state.status === "refused" ? <StatusMessage tone="error">{state.message}</StatusMessage> : null}
      <CodeField label="Code the app shows now" errors={checked ?? serverErrors} />
      <SubmitButton pendingLabel="Checking…">Turn on second factor</SubmitButton>
    </form>
  );
}

export function TurnOffForm() {
  const [state, formAction] = useActionState(turnOffSecondFactorAction, idle);
  const errors = state.status === "invalid" ? state.fieldErrors.proof : undefined;
  return (
    <form action={formAction} className="max-w-sm">
      {state.status === "refused" ? <StatusMessage tone="error">{state.message}</StatusMessage> : null}
      <FormField
        field={{ name: "proof", label: "A code from your app, or your password", required: true }}
        type="password"
        autoComplete="current-password"
        errors={errors}
      />
      <SubmitButton tone="danger" pendingLabel="Turning off…">
        Turn off second factor
      </SubmitButton>
    </form>
  );
}

/** The second step with a recovery code, for an editor without their phone. */
export function RecoveryCodeSignInForm() {
  const [state, formAction] = useActionState<CodeState, FormData>(completeSignInWithRecoveryCodeAction, noCodeYet);
  if (state.restart) return <SignInAgain message={state.message} />;
  return (
    <form action={formAction} noValidate className="max-w-sm">
      {state.message ? <StatusMessage tone="error">{state.message}</StatusMessage> : null}
      <FormField
        field={{ name: "recoveryCode", label: "Recovery code", required: true, maxLength: 20 }}
        autoComplete="off"
        size="w-48 font-mono text-lg"
        errors={state.fieldErrors.recoveryCode}
      />
      <SubmitButton tone="plain" pendingLabel="Checking…">
        Use recovery code
      </SubmitButton>
    </form>
  );
}

/**
 * Makes a new set of ten recovery codes and shows them, this once: they are in this form's
 * state only, and gone when the page is left.
 */
export function RecoveryCodesForm({ made }: { made: boolean }) {
  const [state, formAction] = useActionState<RecoveryCodesState, FormData>(renewRecoveryCodesAction, idleCodes);
  return (
    <form action={formAction} className="max-w-md">
      {state.status === "refused" || state.status === "invalid" ? (
        <StatusMessage tone="error">{state.message}</StatusMessage>
      ) : null}
      {state.status === "done" ? (
        <>
          <StatusMessage tone="success">{state.message}</StatusMessage>
          <ol aria-label="Your recovery codes" className="mb-4 grid grid-cols-2 gap-x-6 font-mono text-lg">
            {state.codes.map((code) => (
              <li key={code}>{code}</li>
            ))}
          </ol>
        </>
      ) : null}
      <SubmitButton tone={made ? "plain" : "primary"} pendingLabel="Making codes…">
        {made ? "Make new recovery codes" : "Make recovery codes"}
      </SubmitButton>
    </form>
  );
}

const idleCodes: RecoveryCodesState = { status: "idle" };
