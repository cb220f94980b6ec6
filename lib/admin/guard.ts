import type { PrismaClient } from "@/lib/db/client";
import { findSignedInEditor, type Role, type SignedInEditor } from "@/lib/auth/sessions";

export const SIGNED_OUT_MESSAGE =
  "Nothing was saved: you are not signed in, or your session has ended. Sign in again and repeat the change.";
export const ADMINS_ONLY_MESSAGE = "Nothing was changed: only an admin can do this.";

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
 * 'use server' wrappers, a plain string in tests), so this works without Next.
 */
export function withEditor<Result>(
  role: Role,
  run: (db: PrismaClient, editor: SignedInEditor, values: Record<string, string>) => Promise<Result>,
) {
  return async (
    db: PrismaClient,
    sessionToken: string | undefined | null,
    form: FormData | Record<string, unknown>,
  ): Promise<Result | Refusal> => {
    const editor = await findSignedInEditor(db, sessionToken);
    if (!editor) return { status: "refused", message: SIGNED_OUT_MESSAGE };
    if (role === "admin" && editor.role !== "admin") return { status: "refused", message: ADMINS_ONLY_MESSAGE };
    return run(db, editor, formValues(form));
  };
}
