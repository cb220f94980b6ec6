import { signInSchema } from "@/lib/validation/editor";
import type { FieldErrors } from "@/lib/validation/fields";
import { codeSchema, recoveryCodeSchema } from "@/lib/validation/second-factor";
import { checkedPublic } from "./guard.server";
import { completeSignIn, signIn } from "./sign-in.server";

/**
 * Signing in, checked: the form's fields against its schema before any password is tried. The
 * request's address and browser come from the server action, never from the form.
 */

type Request = { address: string | null; userAgent: string | null };

const invalid = (fieldErrors: FieldErrors) => ({ ok: false as const, fieldErrors });

export function checkedSignIn(request: Request) {
  return checkedPublic({ schema: signInSchema, invalid }, async (db, credentials) =>
    signIn(db, { ...credentials, ...request }),
  );
}

/** The second step, for an editor whose second factor is on: the challenge is the cookie's. */
export function checkedCompleteSignIn(request: Request & { challenge: string | undefined }) {
  return checkedPublic({ schema: codeSchema, invalid }, async (db, { code }) =>
    completeSignIn(db, { ...request, code }),
  );
}

/** The second step with one of the editor's recovery codes, when the phone is not at hand. */
export function checkedCompleteSignInWithRecoveryCode(request: Request & { challenge: string | undefined }) {
  return checkedPublic({ schema: recoveryCodeSchema, invalid }, async (db, { recoveryCode }) =>
    completeSignIn(db, { ...request, code: recoveryCode, recovery: true }),
  );
}
