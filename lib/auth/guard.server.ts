import type { z } from "zod";
import type { PrismaClient } from "@/lib/db/client.server";
import { fieldErrorsOf, type FieldErrors } from "@/lib/validation/fields";
import { ADMINS_ONLY_MESSAGE, hasRole } from "./roles";
import { findSignedInEditor, type Role, type SignedInEditor } from "./sessions.server";

/**
 * The one wrapper of every server action's work (lib/admin/checked.server.ts, lib/auth/checked.server.ts):
 * it checks who asks, then the form's fields against the form's own schema, and only then
 * runs. Server actions are public POST endpoints, and a check on the page that shows the form
 * protects nothing. The session token comes from the caller (from the cookie of a same-origin
 * post in the 'use server' actions, as a plain string in tests), so this works without Next.
 */

export const SIGNED_OUT_MESSAGE =
  "Nothing was saved: you are not signed in, or your session has ended. Sign in again and repeat the change.";
export { ADMINS_ONLY_MESSAGE };
export const SET_UP_FIRST_MESSAGE =
  "Nothing was changed: an admin requires a second factor for your account. Set it up on your account page first.";

export type Refusal = { status: "refused"; message: string };
export type Invalid = { status: "invalid"; message: string; fieldErrors: FieldErrors };

export const refused = (message: string): Refusal => ({ status: "refused", message });

type FormInput = FormData | Record<string, unknown>;

/**
 * What a server action answers when it is called with something other than its form: actions
 * are public POST endpoints, and anyone can send them any arguments, such as `[]`.
 */
export const NOT_A_FORM_MESSAGE =
  "Nothing was done: send the form on this site's page, as a browser sends it, not other arguments.";

export function isForm(value: unknown): value is FormData {
  return value instanceof FormData;
}

/**
 * A form's fields as text. A name sent more than once (a list of checkboxes) is its values joined
 * by commas, in the order sent; files are not part of any form here.
 */
export function formValues(form: FormInput): Record<string, string> {
  const plainObject = typeof form === "object" && form !== null && !Array.isArray(form);
  const entries = form instanceof FormData ? [...form.entries()] : plainObject ? Object.entries(form) : [];
  const values: Record<string, string> = {};
  for (const [name, value] of entries) {
    if (typeof value !== "string" || name.startsWith("$ACTION")) continue;
    values[name] = Object.hasOwn(values, name) ? `${values[name]},${value}` : value;
  }
  return values;
}

/**
 * What the form hears when its fields fail the schema: every field's messages, under a message
 * saying what was not done, or an answer of the form's own shape.
 */
type OnInvalid<Answer> = string | ((fieldErrors: FieldErrors, values: Record<string, string>) => Answer);

type Guard<Schema extends z.ZodType, Answer> = { schema: Schema; invalid: OnInvalid<Answer> };

/** Parses the form with its schema; the answer to give when it fails, or its checked input. */
function parseForm<Schema extends z.ZodType, Answer>(
  guard: Guard<Schema, Answer>,
  form: FormInput,
): { ok: true; input: z.output<Schema> } | { ok: false; answer: Answer } {
  const values = formValues(form);
  const parsed = guard.schema.safeParse(values);
  if (parsed.success) return { ok: true, input: parsed.data };
  const fieldErrors = fieldErrorsOf(parsed.error);
  const answer =
    typeof guard.invalid === "string"
      ? ({ status: "invalid", message: guard.invalid, fieldErrors } satisfies Invalid as Answer)
      : guard.invalid(fieldErrors, values);
  return { ok: false, answer };
}

/**
 * What an editor with `role` may do. An editor of whom an admin requires a second factor that is
 * not set up yet may do only what sets it up (`duringSetUp`).
 */
export function checked<Schema extends z.ZodType, Result, Answer = Invalid>(
  guard: Guard<Schema, Answer> & { role: Role; duringSetUp?: boolean },
  run: (db: PrismaClient, editor: SignedInEditor, input: z.output<Schema>) => Promise<Result>,
) {
  return async (
    db: PrismaClient,
    sessionToken: string | undefined | null,
    form: FormInput,
  ): Promise<Result | Answer | Refusal> => {
    const editor = await findSignedInEditor(db, sessionToken);
    if (!editor) return refused(SIGNED_OUT_MESSAGE);
    if (editor.mustSetUpSecondFactor && !guard.duringSetUp) return refused(SET_UP_FIRST_MESSAGE);
    if (!hasRole(editor, guard.role)) return refused(ADMINS_ONLY_MESSAGE);
    const parsed = parseForm(guard, form);
    return parsed.ok ? run(db, editor, parsed.input) : parsed.answer;
  };
}

/**
 * What anyone may ask, such as signing in: no session, but the same parse and refusal. The
 * caller checks first that the form was posted from this site.
 */
export function checkedPublic<Schema extends z.ZodType, Result, Answer = Invalid>(
  guard: Guard<Schema, Answer>,
  run: (db: PrismaClient, input: z.output<Schema>) => Promise<Result>,
) {
  return async (db: PrismaClient, form: FormInput): Promise<Result | Answer> => {
    const parsed = parseForm(guard, form);
    return parsed.ok ? run(db, parsed.input) : parsed.answer;
  };
}
