import type { PrismaClient } from "@/lib/db/client";
import { findSignedInEditor, type Role, type SignedInEditor } from "@/lib/auth/sessions";

export const SIGNED_OUT_MESSAGE =
  "Nothing was saved: you are not signed in, or your session has ended. Sign in again and repeat the change.";
export const ADMINS_ONLY_MESSAGE = "Nothing was changed: only an admin can do this.";
export const SET_UP_FIRST_MESSAGE =
  "Nothing was changed: an admin requires a second factor for your account. Set it up on your account page first.";

export type Refusal = { status: "refused"; message: string };

/** A form's fields as text; files and repeated names are not part of any admin form. */
export function formValues(form: FormData | Record<string, unknown>): Record<string, string> {
  const entries = form instanceof FormData ? [...form.entries()] : Object.entries(form);
  const values: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (typeof value === "string" && !name.startsWith("$ACTION")) values[name] = value;
  }
  return values;
}

/**
 * Wraps what an action does so that it cannot run without a live session of an editor with
 * the role it needs: server actions are public POST endpoints, and a check on the page that
 * shows the form protects nothing. The session token comes from the caller (the cookie in the
 * 'use server' wrappers, a plain string in tests), so this works without Next. An editor of
 * whom an admin requires a second factor that is not set up yet can run only the actions that
 * set it up (`duringSetUp`).
 */
export function withEditor<Result>(
  role: Role,
  run: (db: PrismaClient, editor: SignedInEditor, values: Record<string, string>) => Promise<Result>,
  options: { duringSetUp?: boolean } = {},
) {
  return async (
    db: PrismaClient,
    sessionToken: string | undefined | null,
    form: FormData | Record<string, unknown>,
  ): Promise<Result | Refusal> => {
    const editor = await findSignedInEditor(db, sessionToken);
    if (!editor) return { status: "refused", message: SIGNED_OUT_MESSAGE };
    if (editor.mustSetUpSecondFactor && !options.duringSetUp)
      return { status: "refused", message: SET_UP_FIRST_MESSAGE };
    if (role === "admin" && editor.role !== "admin") return { status: "refused", message: ADMINS_ONLY_MESSAGE };
    return run(db, editor, formValues(form));
  };
}
