"use client";

import { browserSupportsWebAuthn, startAuthentication, startRegistration } from "@simplewebauthn/browser";
import { useRouter } from "next/navigation";
import { useActionState, useState, type FormEvent } from "react";
import { removePasskeyAction, renamePasskeyAction, type PasskeyState } from "@/lib/admin/actions";
import { fieldErrorsOf } from "@/lib/validation/fields";
import { passkeyName, type PasskeyCeremony } from "@/lib/validation/passkey";
import { FormField } from "./form-field";
import { StatusMessage } from "./status-message";
import { SubmitButton } from "./submit-button";

/** Where the passkey ceremonies are answered (app/admin/passkeys/route.ts). */
const PASSKEYS_URL = "/admin/passkeys";

type Answer = { ok: boolean; message: string; options?: unknown; signedIn?: boolean };

async function post(body: Record<string, unknown>): Promise<Answer> {
  const response = await fetch(PASSKEYS_URL, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const data = (await response.json().catch(() => ({}))) as { message?: string; options?: unknown };
  return { ...data, ok: response.ok, message: data.message ?? `The server answered ${response.status}.` };
}

/** The browser's or the authenticator's refusal (cancelled, timed out, no passkey), as a sentence. */
function browserRefusal(error: unknown): string {
  if (error instanceof Error && error.name === "NotAllowedError") {
    return "The browser or the authenticator stopped before the passkey was used (cancelled, or it took too long). Try again.";
  }
  return `The browser could not use a passkey: ${error instanceof Error ? error.message : String(error)}`;
}

const NO_WEBAUTHN = "This browser cannot use passkeys.";

/** Adds a passkey to the signed-in editor's account, under the name they give it. */
export function AddPasskeyForm() {
  const router = useRouter();
  const [errors, setErrors] = useState<string[] | undefined>(undefined);
  const [outcome, setOutcome] = useState<{ tone: "success" | "error"; message: string } | null>(null);
  const [pending, setPending] = useState(false);

  async function add(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = event.currentTarget;
    const name = passkeyName.safeParse(new FormData(form).get("name") ?? "");
    setErrors(name.success ? undefined : fieldErrorsOf(name.error).form);
    if (!name.success) return;
    if (!browserSupportsWebAuthn()) return setOutcome({ tone: "error", message: NO_WEBAUTHN });
    setPending(true);
    setOutcome(null);
    try {
      const options = await post({ step: "options", ceremony: "register" });
      if (!options.ok) return setOutcome({ tone: "error", message: options.message });
      let response;
      try {
        response = await startRegistration({ optionsJSON: options.options as never });
      } catch (error) {
        return setOutcome({ tone: "error", message: browserRefusal(error) });
      }
      const added = await post({ step: "verify", ceremony: "register", name: name.data, response });
      setOutcome({ tone: added.ok ? "success" : "error", message: added.message });
      if (added.ok) {
        form.reset();
        router.refresh();
      }
    } finally {
      setPending(false);
    }
  }

  return (
    <form onSubmit={add} noValidate className="max-w-sm">
      {outcome ? <StatusMessage tone={outcome.tone}>{outcome.message}</StatusMessage> : null}
      <FormField
        field={{ name: "name", label: "Name of the new passkey", required: true, maxLength: 60 }}
        id="new-passkey-name"
        defaultValue="Passkey"
        errors={errors}
      />
      <button
        type="submit"
        disabled={pending}
        className="rounded bg-accent px-4 py-2 font-semibold text-white disabled:opacity-60 dark:bg-accent-dark dark:text-ink"
      >
        {pending ? "Waiting for the passkey…" : "Add a passkey"}
      </button>
    </form>
  );
}

/**
 * Signs in with a passkey: alone on the sign-in page (`sign-in`), or after the password on the
 * code page (`second-factor`).
 */
export function PasskeySignInButton({
  ceremony,
  label,
}: {
  ceremony: Exclude<PasskeyCeremony, "register">;
  label: string;
}) {
  const router = useRouter();
  const [message, setMessage] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function signIn() {
    if (!browserSupportsWebAuthn()) return setMessage(NO_WEBAUTHN);
    setPending(true);
    setMessage(null);
    try {
      const options = await post({ step: "options", ceremony });
      if (!options.ok) return setMessage(options.message);
      let response;
      try {
        response = await startAuthentication({ optionsJSON: options.options as never });
      } catch (error) {
        return setMessage(browserRefusal(error));
      }
      const answer = await post({ step: "verify", ceremony, response });
      if (!answer.ok) return setMessage(answer.message);
      // Refreshed too, so that nothing kept from before the sign-in (the layout) is shown again.
      router.push("/admin");
      router.refresh();
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="max-w-sm">
      {message ? <StatusMessage tone="error">{message}</StatusMessage> : null}
      <button
        type="button"
        onClick={signIn}
        disabled={pending}
        className="rounded border border-current px-4 py-2 font-semibold disabled:opacity-60"
      >
        {pending ? "Waiting for the passkey…" : label}
      </button>
    </div>
  );
}

const idle: PasskeyState = { status: "idle" };

export function RenamePasskeyForm({ passkey, name }: { passkey: string; name: string }) {
  const [state, formAction] = useActionState(renamePasskeyAction, idle);
  return (
    <form action={formAction} aria-label={`Rename ${name}`} className="mb-2">
      {state.status === "refused" ? <StatusMessage tone="error">{state.message}</StatusMessage> : null}
      {state.status === "done" ? <StatusMessage tone="success">{state.message}</StatusMessage> : null}
      <input type="hidden" name="passkey" value={passkey} />
      <FormField
        field={{ name: "name", label: "New name", required: true, maxLength: 60 }}
        id={`rename-${passkey}`}
        defaultValue={name}
        errors={state.status === "invalid" ? state.fieldErrors.name : undefined}
        size="w-64"
        className="mb-2"
      />
      <SubmitButton tone="plain" pendingLabel="Renaming…">
        Rename
      </SubmitButton>
    </form>
  );
}

export function RemovePasskeyForm({ passkey, name }: { passkey: string; name: string }) {
  const [state, formAction] = useActionState(removePasskeyAction, idle);
  return (
    <form action={formAction} aria-label={`Remove ${name}`}>
      {state.status === "refused" ? <StatusMessage tone="error">{state.message}</StatusMessage> : null}
      <input type="hidden" name="passkey" value={passkey} />
      <FormField
        field={{ name: "password", label: "Your password, to remove it", required: true }}
        id={`remove-${passkey}`}
        type="password"
        autoComplete="current-password"
        errors={state.status === "invalid" ? state.fieldErrors.password : undefined}
        size="w-64"
        className="mb-2"
      />
      <SubmitButton tone="danger" pendingLabel="Removing…">
        Remove
      </SubmitButton>
    </form>
  );
}
